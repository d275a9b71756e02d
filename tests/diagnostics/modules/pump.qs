pub record Reading { at: Int, value: Int }
// A channel of this module's record, handed in by the program (a channel is a reference).
pub fn pump(ch: Chan[Reading], n: Int) {
    scope { spawn { for i in 0..n { ch.send(Reading { at: i, value: i * i }) }; ch.close() } }
}

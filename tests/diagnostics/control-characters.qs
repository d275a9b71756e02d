// Control characters in the source are shown escaped, never sent raw to the
// terminal (issue 14.3): this comment would retitle the window: ]0;pwned
fn main() {
    let s = "[2J[H cleared" + 1 // the caret stays under the `1`
    let u = "‮⁦ reordered 31m" // a bidirectional override, CSI, DEL
    u = "x"
	let w = "	" + true // tabs stay tabs, in the padding too
}

fn parse(s: String) -> Result[Int, String] { if s == "1" { Ok(1) } else { Err(s) } }
fn run() -> Result[Int, String] {
    scope {
        for i in 0..3 {
            spawn {
                if i == 1 { break }
                if i == 2 { continue }
                return Ok(i)
            }
            spawn {
                let n = try parse("1")
                print(n)
            }
            // Allowed: a loop inside the block, and a return from an anonymous function in it.
            spawn {
                while true { break }
                for j in 0..2 { if j == 1 { continue } }
                let f = fn() -> Int { return 3 }
                print(f())
            }
        }
    }
    Ok(0)
}
fn main() { match run() { Ok(n) => print(n), Err(e) => print(e) } }

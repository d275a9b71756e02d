const INPUT: Int = read_int()
const CHOICE: Int = if true { 1 } else { 2 }
const UNIT: Unit = ()
const WRONG: Bool = 1 + 1
fn main() {
    let local = 1
    print(INPUT)
}

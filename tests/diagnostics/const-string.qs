const COUNT: String = 3
const SPLIT: String = "a,b" - ","
const JOINED: String = "n = " + 1
const LESS: Bool = "a" < 10
const BLOCK: String = "ab" + "cd" + "ef"
const B1: String = BLOCK + BLOCK + BLOCK + BLOCK + BLOCK + BLOCK + BLOCK + BLOCK
const B2: String = B1 + B1 + B1 + B1 + B1 + B1 + B1 + B1
const B3: String = B2 + B2 + B2 + B2 + B2 + B2 + B2 + B2
const B4: String = B3 + B3 + B3 + B3 + B3 + B3 + B3 + B3
const B5: String = B4 + B4 + B4 + B4 + B4 + B4 + B4 + B4
const B6: String = B5 + B5 + B5 + B5 + B5 + B5 + B5 + B5
const B7: String = B6 + B6 + "!"
fn main() {
    print(B7)
}

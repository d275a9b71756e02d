fn main() {
    let a = 1__000
    let b = 1_000_
    let c = 0x_ff
    let d = 0b102
    let e = 12abc
    let f = 0x
    print(a)
}

fn main() {
    let a = 1 + true
    let b = true && 1
    let c = 1 < false
    let d = 1 == true
    let e = -false
    let f = !3
    let g = 1 & true
    let h = () | ()
    print(a)
}

fn main() {
    let n = 3
    print(n[0])
    let a = array(3, 0)
    print(a[true])
    a[1] = "one"
    print(len(n))
    for v in n { print(v) }
    let b = array(false, 1)
    let s: Array[String] = a
}

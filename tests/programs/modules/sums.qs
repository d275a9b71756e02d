// The module of modules_hidden_builtins.qs: its `len` and `print` are the
// built-ins, whatever the program's own file declares.
pub fn total(a: Array[Int]) -> Int {
    let mut s = 0
    for i in 0..len(a) { s += a[i] }
    print(len("abc"))
    s
}

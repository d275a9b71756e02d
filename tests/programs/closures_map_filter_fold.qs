// Higher-order functions over arrays with anonymous functions: map, filter,
// fold, each given closures that capture their surroundings.
fn map(a: Array[Int], f: fn(Int) -> Int) -> Array[Int] {
    let out = array(len(a), 0)
    for i in 0..len(a) { out[i] = f(a[i]) }
    out
}

fn filter(a: Array[Int], keep: fn(Int) -> Bool) -> Array[Int] {
    let mut n = 0
    for x in a { if keep(x) { n += 1 } }
    let out = array(n, 0)
    let mut j = 0
    for x in a {
        if keep(x) {
            out[j] = x
            j += 1
        }
    }
    out
}

fn fold(a: Array[Int], init: Int, f: fn(Int, Int) -> Int) -> Int {
    let mut acc = init
    for x in a { acc = f(acc, x) }
    acc
}

fn map_str(a: Array[Int], f: fn(Int) -> String) -> Array[String] {
    let out = array(len(a), "")
    for i in 0..len(a) { out[i] = f(a[i]) }
    out
}

fn show(a: Array[Int]) {
    let mut s = "["
    for i in 0..len(a) {
        if i > 0 { s = s + ", " }
        s = s + int_to_string(a[i])
    }
    print(s + "]")
}

fn int_to_string(n: Int) -> String {
    if n < 0 { return "-" + int_to_string(-n) }
    let digits = array(10, "")
    digits[0] = "0"; digits[1] = "1"; digits[2] = "2"; digits[3] = "3"; digits[4] = "4"
    digits[5] = "5"; digits[6] = "6"; digits[7] = "7"; digits[8] = "8"; digits[9] = "9"
    if n < 10 { digits[n] } else { int_to_string(n / 10) + digits[n % 10] }
}

fn main() {
    let xs = array(10, 0)
    for i in 0..10 { xs[i] = i + 1 }
    let scale = 3
    let tripled = map(xs, fn(x: Int) -> Int { x * scale })
    show(tripled)
    let limit = 15
    let small = filter(tripled, fn(x: Int) -> Bool { x <= limit })
    show(small)
    print(fold(xs, 0, fn(acc: Int, x: Int) -> Int { acc + x }))
    print(fold(small, 1, fn(acc: Int, x: Int) -> Int { acc * x }))
    let evens = filter(xs, fn(x: Int) -> Bool { x % 2 == 0 })
    show(map(evens, fn(x: Int) -> Int { x * x }))

    // Strings captured and made by closures.
    let prefix = "#"
    let labels = map_str(evens, fn(x: Int) -> String { prefix + int_to_string(x) })
    let mut line = ""
    for l in labels { line = line + l + " " }
    print(line)

    // A fold that builds a closure: the sum of functions.
    let fs = array(3, fn(x: Int) -> Int { x })
    fs[1] = fn(x: Int) -> Int { x * 10 }
    let base = 100
    fs[2] = fn(x: Int) -> Int { x + base }
    let mut total = 0
    for f in fs { total += f(2) }
    print(total)
}

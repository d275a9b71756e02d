// The scrutinee is evaluated once; arms are tried top to bottom; a guard runs
// only when its pattern matched, with the pattern's names bound, and a guard
// that is false passes on to the next arm.
union Shape { Circle(r: Int), Rect(w: Int, h: Int), Empty }

fn noisy(calls: Box[Int], s: Shape) -> Shape {
    calls.set(calls.get() + 1)
    print(100 + calls.get())
    s
}

fn check(log: Box[Int], label: Int, result: Bool) -> Bool {
    print(label)
    log.set(log.get() * 10 + label)
    result
}

fn main() {
    let calls = Box(0)
    let log = Box(0)
    let shapes = array(3, Empty)
    shapes[0] = Rect(2, 3)
    shapes[1] = Circle(5)
    for s in shapes {
        let area = match noisy(calls, s) {
            Circle(r) if check(log, 1, r > 10) => 3 * r * r,
            Rect(w, h) if check(log, 2, w == h) => w * w,
            Rect(w, h) if check(log, 3, true) => w * h,
            Circle(r) if check(log, 4, r > 1) => r,
            _ => 0,
        }
        print(area)
    }
    print(calls.get())
    print(log.get())
    // A guard's side effects happen even when it is false, and the later arm sees them.
    let counter = Box(0)
    let n = match 7 {
        x if { counter.set(counter.get() + x); false } => 1,
        _ if counter.get() == 7 => 2,
        _ => 3,
    }
    print(n)
}

// A generic max over a protocol: the prelude's max and min over Ord, and a
// program's own generic functions bounded by Ord, Eq and Show, at Int, Bool,
// String and a record with its own Eq and Ord impls. `==` and `<` on it call them.

record Version { major: Int, minor: Int }

impl Eq for Version {
    fn eq(self, other: Version) -> Bool { self.major == other.major && self.minor == other.minor }
}

impl Ord for Version {
    fn cmp(self, other: Version) -> Int {
        if self.major != other.major { self.major - other.major } else { self.minor - other.minor }
    }
}

impl Show for Version {
    fn show(self) -> String { self.major.show() + "." + self.minor.show() }
}

fn largest[T: Ord](xs: Array[T]) -> T {
    let mut best = xs[0]
    for x in xs { best = max(best, x) }
    best
}

fn count[T: Eq](xs: Array[T], x: T) -> Int {
    let mut n = 0
    for y in xs { if y == x { n += 1 } }
    n
}

fn describe[T: Ord + Eq + Show](a: T, b: T) -> String {
    if a < b { a.show() + " < " + b.show() } else if a == b { a.show() + " = " + b.show() } else { a.show() + " > " + b.show() }
}

fn main() {
    print(max(3, 9))
    print(min(3, 9))
    print(max(-5, -7))
    print(max(false, true))
    print(min(false, true))
    let v = array(4, Version { major: 1, minor: 0 })
    v[1] = Version { major: 1, minor: 10 }
    v[2] = Version { major: 0, minor: 99 }
    v[3] = Version { major: 1, minor: 2 }
    print(largest(v).show())
    print(count(v, Version { major: 1, minor: 0 }))
    let ns = array(3, 4)
    ns[2] = 11
    print(largest(ns))
    print(count(ns, 4))
    print(describe(v[0], v[1]))
    print(describe(v[1], v[1]))
    print(describe(true, false))
    print(describe(-12, 12))
    print(v[0] < v[2])
    print(v[0] >= v[2])
    print(v[0] != v[2])
    print(count(array(3, "x"), "x"))
    print((-9223372036854775807 - 1).show() + " " + 0.show() + " " + 120.show())
}

// A long list built and dropped, its length from stdin: the interpreters run a
// short one, the binaries a million (tests/golden.test.ts). Walking it is a
// loop, and so is freeing it: the runtime's release keeps a worklist, so
// dropping a million cells takes no more stack than dropping one.
union List { Nil, Cons(head: Int, tail: List) }

fn build(n: Int) -> List {
    let mut list = Nil
    for i in 0..n { list = Cons(i, list) }
    list
}

fn sum(l: List) -> Int {
    let mut total = 0
    let mut rest = l
    let mut going = true
    while going {
        match rest {
            Nil => going = false,
            Cons(h, t) => {
                total += h
                rest = t
            }
        }
    }
    total
}

fn main() {
    let n = read_int()
    let first = build(n)
    print(sum(first))
    let second = build(n / 2)   // first is dropped by now: all of it, in a loop
    print(sum(second))
}

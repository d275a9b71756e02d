// State shared through a Box: counters made by a function, each closure
// sharing its own Box; recursion through a closure stored in a Box.
fn make_counter(start: Int) -> (fn() -> Int, fn(Int)) {
    let count = Box(start)
    let next = fn() -> Int {
        count.set(count.get() + 1)
        count.get()
    }
    let reset = fn(to: Int) { count.set(to) }
    (next, reset)
}

record Account { name: String, deposit: fn(Int) -> Int, balance: fn() -> Int }

fn open(name: String) -> Account {
    let money = Box(0)
    Account {
        name: name,
        deposit: fn(n: Int) -> Int { money.set(money.get() + n); money.get() },
        balance: fn() -> Int { money.get() },
    }
}

fn main() {
    let c = make_counter(0)
    let d = make_counter(100)
    let next = c.0
    print(next())
    print(next())
    print((d.0)())
    (c.1)(10)
    print(next())
    print((d.0)())

    let acct = open("ann")
    (acct.deposit)(30)
    print((acct.deposit)(12))
    print(acct.name)
    print((acct.balance)())

    // Recursion through a closure stored in a Box: the closure reads the Box when it runs.
    let fact: Box[fn(Int) -> Int] = Box(fn(n: Int) -> Int { n })
    fact.set(fn(n: Int) -> Int { if n <= 1 { 1 } else { n * fact.get()(n - 1) } })
    print(fact.get()(10))
    // The Box holds a closure that holds the Box: a cycle, which reference
    // counting cannot free (spec/heap.md). Breaking it before main returns frees both.
    fact.set(fn(n: Int) -> Int { n })
    let fib_box: Box[fn(Int) -> Int] = Box(fn(n: Int) -> Int { 0 })
    let fib = fn(n: Int) -> Int { if n < 2 { n } else { fib_box.get()(n - 1) + fib_box.get()(n - 2) } }
    fib_box.set(fib)
    print(fib(15))
    fib_box.set(fn(n: Int) -> Int { 0 })
}

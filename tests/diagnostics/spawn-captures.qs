fn main() {
    let mut total = 0
    let shared = Box(0)
    scope {
        spawn { total += 1 }
        spawn { shared.set(shared.get() + 1) }
    }
    print(total + shared.get())
}

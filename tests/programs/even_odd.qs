// Mutual recursion: is_odd is defined before main, is_even after it.
fn is_odd(n: Int) -> Bool {
    if n == 0 { false } else { is_even(n - 1) }
}

fn main() {
    print(is_even(10))
    print(is_odd(10))
    print(is_even(7))
    print(is_odd(7))
    print(is_even(0))
    print(count_down(5))
}

fn is_even(n: Int) -> Bool {
    if n == 0 {
        return true
    }
    is_odd(n - 1)
}

// A Unit function that returns early, and one that calls it in a loop.
fn report(n: Int) {
    if n % 2 == 0 {
        return
    }
    print(n)
}

fn count_down(n: Int) -> Int {
    let mut i = n
    while true {
        report(i)
        if i == 0 { return 100 }
        i -= 1
    }
    -1
}

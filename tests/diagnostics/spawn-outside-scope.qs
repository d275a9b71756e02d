fn main() {
    spawn { print(1) }
    scope {
        // An anonymous function is a boundary: its spawn needs a scope of its own.
        let f = fn() { spawn { print(2) } }
        let g = fn() { scope { spawn { print(3) } } }
        spawn { spawn { print(4) } }
    }
}

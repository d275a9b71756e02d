// An anonymous function captures by value: it cannot assign what it captured.
record Point { x: Int, y: Int }

fn main() {
    let mut count = 0
    let mut p = Point { x: 1, y: 2 }
    let bump = fn() { count = count + 1 }
    let add = fn(n: Int) { count += n }
    let move = fn() { p.x = 3 }
    let outer = fn() -> Int {
        let inner = fn() { count = 5 }
        count
    }
    let mut own = 0
    let fine = fn() -> Int { let mut mine = 1; mine = 2; own }
}

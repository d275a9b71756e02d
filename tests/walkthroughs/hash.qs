// How many different values an array holds: a value is new when no earlier one
// has its hash and equals it.
fn count_distinct[T: Eq + Hash](xs: Array[T]) -> Int {
    let mut count = 0
    for i in 0..len(xs) {
        let mut seen = false
        for j in 0..i {
            if xs[j].hash() == xs[i].hash() && xs[j] == xs[i] { seen = true }
        }
        if !seen { count += 1 }
    }
    count
}

fn main() {
    let xs = array(4, 3)
    xs[1] = 1
    xs[3] = 2
    print(count_distinct(xs))
    let words = array(3, "ab")
    words[1] = "cd"
    print(count_distinct(words))
}

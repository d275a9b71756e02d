// pipeline: 1,000,000 values through three stages joined by channels of
// capacity 16: a source sends 0 .. n - 1, a stage squares each modulo 1009,
// another adds 1, and main sums what comes out. Prints the sum.
// pipeline.go is the twin.
fn main() {
    let n = 1_000_000
    let numbers = channel[Int](16)
    let squares = channel[Int](16)
    let results = channel[Int](16)
    let mut sum = 0
    scope {
        spawn {
            for i in 0..n { numbers.send(i) }
            numbers.close()
        }
        spawn {
            for x in numbers { squares.send(x * x % 1009) }
            squares.close()
        }
        spawn {
            for x in squares { results.send(x + 1) }
            results.close()
        }
        for x in results { sum += x }
    }
    print(sum)
}

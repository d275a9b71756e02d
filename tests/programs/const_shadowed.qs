// A local variable may shadow a const; the const is untouched outside that scope.
const N: Int = 7
fn main() {
    print(N)
    {
        let N = N * 2
        print(N)
    }
    print(N)
    for N in 0..2 { print(N) }
    print(N + 1)
}

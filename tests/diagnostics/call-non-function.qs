const N: Int = 3

fn main() {
    let x = 5
    print(x(1))
    print(N(2))
    main()
}

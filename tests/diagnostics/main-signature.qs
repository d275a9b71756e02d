fn main(argc: Int) -> Int {
    0
}

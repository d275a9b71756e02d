// A list built and walked by loops, not recursion: as long as the interpreters' fuel allows.
union List { Nil, Cons(head: Int, tail: List) }

fn main() {
    let mut list = Nil
    for i in 0..3000 { list = Cons(i, list) }
    let mut sum = 0
    let mut count = 0
    let mut rest = list
    let mut going = true
    while going {
        match rest {
            Nil => going = false,
            Cons(h, t) => {
                sum += h
                count += 1
                rest = t
            }
        }
    }
    print(count)
    print(sum)
}

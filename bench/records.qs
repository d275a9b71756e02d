// records: allocation-heavy. Each of 15 million rounds makes a Point, passes
// it with the running Point to combine, which makes a new one; the old running
// Point and the round's Point die there, so every round makes two records and
// frees two. Prints the sum of the fields seen and the last Point's fields.
// records.c is the same program in C, with a malloc and a free per record.
record Point { x: Int, y: Int }

fn combine(acc: Point, p: Point) -> Point {
    Point { x: (acc.x + p.y) & 1048575, y: (acc.y * 3 + p.x) & 1048575 }
}

fn main() {
    let mut acc = Point { x: 1, y: 2 }
    let mut sum = 0
    for i in 0..15_000_000 {
        let p = Point { x: i, y: i + 1 }
        acc = combine(acc, p)
        sum = sum + acc.x + acc.y
    }
    print(sum)
    print(acc.x)
    print(acc.y)
}

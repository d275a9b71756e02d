// function_calls: method_calls.qs with a free function instead of a method:
// 50 million calls `step(acc, i)`. function_calls.c is the same program in C.
record Acc { scale: Int, offset: Int }

fn step(acc: Acc, i: Int) -> Int { (i & 1023) * acc.scale + acc.offset }

fn main() {
    let acc = Acc { scale: 3, offset: 7 }
    let mut sum = 0
    for i in 0..50_000_000 {
        sum = sum + step(acc, i)
    }
    print(sum)
}

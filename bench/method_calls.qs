// method_calls: 50 million method calls `acc.step(i)` on a record, summed so
// that no call can be skipped. function_calls.qs is the same loop calling a
// free function `step(acc, i)`: resolve-methods makes a method call a call of
// the function `Acc.step`, so the two should cost the same (issue 16).
// method_calls.c is the same program in C.
record Acc { scale: Int, offset: Int }

impl Acc {
    fn step(self, i: Int) -> Int { (i & 1023) * self.scale + self.offset }
}

fn main() {
    let acc = Acc { scale: 3, offset: 7 }
    let mut sum = 0
    for i in 0..50_000_000 {
        sum = sum + acc.step(i)
    }
    print(sum)
}

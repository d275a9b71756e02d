// core.array's tests, run by `qnano test` on both targets (tests/core.test.ts).
use core.array
use core.test.{assert_eq}

// 0, 1, ..., n - 1 shuffled by a fixed linear congruential sequence.
fn shuffled(n: Int) -> Array[Int] {
    let a = array(n, 0)
    for i in 0..n { a[i] = i }
    let mut seed = 12345
    for i in 0..n {
        seed = (seed * 6364136223846793005 + 1442695040888963407) & 0x7fff_ffff_ffff_ffff
        let j = i + seed % (n - i)
        let x = a[i]
        a[i] = a[j]
        a[j] = x
    }
    a
}

fn test_sort_ints() {
    let a = shuffled(1000)
    array.sort(a)
    for i in 0..1000 { assert_eq(a[i], i) }
}

fn test_sort_small_and_repeated() {
    let empty = array(0, 0)
    array.sort(empty)
    assert_eq(len(empty), 0)
    let one = array(1, 7)
    array.sort(one)
    assert_eq(one[0], 7)
    let a = array(5, 3)
    a[1] = -1
    a[3] = 9223372036854775807
    a[4] = -9223372036854775807 - 1
    array.sort(a)
    assert_eq(a[0], -9223372036854775807 - 1)
    assert_eq(a[1], -1)
    assert_eq(a[2], 3)
    assert_eq(a[3], 3)
    assert_eq(a[4], 9223372036854775807)
}

fn test_sort_strings() {
    let a = array(4, "pear")
    a[1] = "apple"
    a[2] = "app"
    a[3] = "\u{e9}t\u{e9}"
    array.sort(a)
    assert_eq(a[0], "app")
    assert_eq(a[1], "apple")
    assert_eq(a[2], "pear")
    assert_eq(a[3], "\u{e9}t\u{e9}")
}

// A key that orders, a tag that does not, and a count of comparisons shared by all.
record Keyed { key: Int, tag: Int, comparisons: Box[Int] }

impl Ord for Keyed {
    fn cmp(self, other: Keyed) -> Int {
        self.comparisons.set(self.comparisons.get() + 1)
        self.key.cmp(other.key)
    }
}

fn test_sort_is_stable() {
    let count = Box(0)
    let n = 500
    let a = array(n, Keyed { key: 0, tag: 0, comparisons: count })
    let order = shuffled(n)
    for i in 0..n { a[i] = Keyed { key: order[i] % 7, tag: i, comparisons: count } }
    array.sort(a)
    for i in 1..n {
        assert(a[i - 1].key <= a[i].key)
        if a[i - 1].key == a[i].key { assert(a[i - 1].tag < a[i].tag) }
    }
}

fn test_sort_takes_n_log_n_comparisons() {
    let count = Box(0)
    let n = 1024
    let a = array(n, Keyed { key: 0, tag: 0, comparisons: count })
    let order = shuffled(n)
    for i in 0..n { a[i] = Keyed { key: order[i], tag: i, comparisons: count } }
    array.sort(a)
    for i in 0..n { assert_eq(a[i].key, i) }
    // A merge sort compares at most n * log2(n) times: 10 * 1024.
    assert(count.get() <= 10 * 1024)
}

fn test_reverse() {
    let a = shuffled(9)
    let b = array.copy(a)
    array.reverse(a)
    for i in 0..9 { assert_eq(a[i], b[8 - i]) }
    let even = array(4, 0)
    for i in 0..4 { even[i] = i }
    array.reverse(even)
    assert_eq(even[0], 3)
    assert_eq(even[3], 0)
    array.reverse(array(0, 0))
}

fn test_fill() {
    let a = array(3, "x")
    array.fill(a, "y")
    for s in a { assert_eq(s, "y") }
}

fn test_copy_is_a_new_array() {
    let a = shuffled(5)
    let b = array.copy(a)
    for i in 0..5 { assert_eq(b[i], a[i]) }
    b[0] = 100
    assert(a[0] != 100)
    assert_eq(len(array.copy(array(0, true))), 0)
}

fn test_contains_and_index_of() {
    let a = array(4, "a")
    a[2] = "b"
    assert(array.contains(a, "b"))
    assert(!array.contains(a, "c"))
    assert_eq(unwrap(array.index_of(a, "a")), 0)
    assert_eq(unwrap(array.index_of(a, "b")), 2)
    assert(is_none(array.index_of(a, "c")))
    assert(is_none(array.index_of(array(0, 1), 1)))
}

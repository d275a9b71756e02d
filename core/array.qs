// core.array: what every Array needs and the language does not give:
// sorting, reversing, filling, copying and searching.
module array

// Sorts `a` in place, smallest first by its `Ord`, keeping equal elements in
// the order they were in (stable). A merge sort: O(n log n) comparisons, and
// a second array of the same length for the merging.
pub fn sort[T: Ord](a: Array[T]) {
    let n = len(a)
    if n < 2 { return }
    let mut from = a
    let mut to = array(n, a[0])
    let mut in_a = true // whether `from` is `a`
    // Runs of `width` elements, sorted, merged two by two into runs twice as long.
    let mut width = 1
    while width < n {
        let mut start = 0
        while start < n {
            let middle = if start + width < n { start + width } else { n }
            let end = if start + 2 * width < n { start + 2 * width } else { n }
            merge(from, to, start, middle, end)
            start = end
        }
        let swap = from
        from = to
        to = swap
        in_a = !in_a
        width *= 2
    }
    // The sorted elements are in `from`: into `a` if that is the other array.
    if !in_a {
        for i in 0..n { a[i] = from[i] }
    }
}

// Merges the sorted runs from[start .. middle] and from[middle .. end] into
// to[start .. end]; on a tie the left run's element goes first (stability).
fn merge[T: Ord](from: Array[T], to: Array[T], start: Int, middle: Int, end: Int) {
    let mut i = start
    let mut j = middle
    for k in start..end {
        if i < middle && (j >= end || from[j] >= from[i]) {
            to[k] = from[i]
            i += 1
        } else {
            to[k] = from[j]
            j += 1
        }
    }
}

// Reverses `a` in place: its first element becomes its last.
pub fn reverse[T](a: Array[T]) {
    let n = len(a)
    for i in 0..n / 2 {
        let x = a[i]
        a[i] = a[n - 1 - i]
        a[n - 1 - i] = x
    }
}

// Sets every element of `a` to `value`.
pub fn fill[T](a: Array[T], value: T) {
    for i in 0..len(a) { a[i] = value }
}

// A new array with the elements of `a`, in order: changing one does not
// change the other (the elements themselves are shared when they are
// references, as an assignment shares them).
pub fn copy[T](a: Array[T]) -> Array[T] {
    if len(a) == 0 { return a } // (no element to make one from; an empty array cannot change)
    let b = array(len(a), a[0])
    for i in 1..len(a) { b[i] = a[i] }
    b
}

// Whether some element of `a` is equal to `x` by its `Eq`.
pub fn contains[T: Eq](a: Array[T], x: T) -> Bool {
    is_some(index_of(a, x))
}

// The index of the first element of `a` equal to `x` by its `Eq`, or `None`.
pub fn index_of[T: Eq](a: Array[T], x: T) -> Option[Int] {
    for i in 0..len(a) {
        if a[i] == x { return Some(i) }
    }
    None
}

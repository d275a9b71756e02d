// The brief's own example (shared/quastra-brief.md §8): a binary search tree.
union Tree { Leaf, Node(left: Tree, key: Int, right: Tree) }

fn insert(t: Tree, k: Int) -> Tree {
    match t {
        Leaf => Node(Leaf, k, Leaf),
        Node(l, x, r) if k < x => Node(insert(l, k), x, r),
        Node(l, x, r) => Node(l, x, insert(r, k)),
    }
}

fn sum(t: Tree) -> Int {
    match t { Leaf => 0, Node(l, x, r) => sum(l) + x + sum(r) }
}

fn main() {
    let mut t = Leaf
    for i in 0..10 { t = insert(t, (i * 7) % 10) }
    print(sum(t))        // 45
}

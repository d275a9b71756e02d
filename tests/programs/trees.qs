// A generic tree, and records and unions that refer to each other.
union Tree[T] { Leaf, Node(left: Tree[T], value: T, right: Tree[T]) }

fn size[T](t: Tree[T]) -> Int {
    match t { Leaf => 0, Node(l, _, r) => size(l) + 1 + size(r) }
}

fn height[T](t: Tree[T]) -> Int {
    match t {
        Leaf => 0,
        Node(l, _, r) => {
            let a = height(l)
            let b = height(r)
            1 + if a > b { a } else { b }
        }
    }
}

fn insert(t: Tree[Int], k: Int) -> Tree[Int] {
    match t {
        Leaf => Node(Leaf, k, Leaf),
        Node(l, v, r) if k < v => Node(insert(l, k), v, r),
        Node(l, v, r) if k > v => Node(l, v, insert(r, k)),
        Node(_, _, _) => t,
    }
}

fn contains(t: Tree[Int], k: Int) -> Bool {
    match t {
        Leaf => false,
        Node(l, v, r) => if k == v { true } else if k < v { contains(l, k) } else { contains(r, k) },
    }
}

fn in_order(t: Tree[Int]) {
    match t { Leaf => (), Node(l, v, r) => { in_order(l); print(v); in_order(r) } }
}

// A forest: a record holding a union holding the record again.
record Forest { trees: Trees, name: String }
union Trees { NoTrees, SomeTrees(first: Tree[Int], more: Forest) }

fn count(f: Forest) -> Int {
    match f.trees { NoTrees => 0, SomeTrees(t, more) => size(t) + count(more) }
}

fn main() {
    let mut t: Tree[Int] = Leaf
    for i in 0..9 { t = insert(t, (i * 5) % 7) }   // 0 5 3 1 6 4 2 0 5
    print(size(t))
    print(height(t))
    print(contains(t, 4))
    print(contains(t, 9))
    in_order(t)
    let small = Node(Leaf, "x", Leaf)
    print(size(small))
    let forest = Forest { trees: SomeTrees(t, Forest { trees: SomeTrees(small_ints(), Forest { trees: NoTrees, name: "end" }), name: "mid" }), name: "top" }
    print(count(forest))
}

fn small_ints() -> Tree[Int] { Node(Node(Leaf, 1, Leaf), 2, Leaf) }

// Show for a union tree, and a generic impl with a bound: a List[T] shows its
// elements when T shows itself. The tree is the brief's binary search tree.

union Tree { Leaf, Node(left: Tree, key: Int, right: Tree) }

impl Tree {
    fn insert(self, k: Int) -> Tree {
        match self {
            Leaf => Node(Leaf, k, Leaf),
            Node(l, x, r) if k < x => Node(l.insert(k), x, r),
            Node(l, x, r) => Node(l, x, r.insert(k)),
        }
    }
}

impl Show for Tree {
    fn show(self) -> String {
        match self {
            Leaf => ".",
            Node(l, k, r) => "(" + l.show() + " " + k.show() + " " + r.show() + ")",
        }
    }
}

union List[T] { Nil, Cons(head: T, tail: List[T]) }

impl[T: Show] Show for List[T] {
    fn show(self) -> String {
        match self {
            Nil => "[]",
            Cons(x, Nil) => x.show(),
            Cons(x, rest) => x.show() + ", " + rest.show(),
        }
    }
}

fn shown[T: Show](x: T) -> String { "<" + x.show() + ">" }

fn main() {
    let mut t = Leaf
    for i in 0..7 { t = t.insert((i * 5) % 7) }
    print(t.show())
    print(shown(Leaf))
    let xs = Cons(1, Cons(2, Cons(3, Nil)))
    print(xs.show())
    print(shown(Cons(true, Nil)))
    let trees = Cons(Node(Leaf, 1, Leaf), Cons(Leaf, Nil))
    print(shown(trees))
    print(shown(Cons(Cons("a", Nil), Cons(Cons("b", Cons("c", Nil)), Nil))))
}

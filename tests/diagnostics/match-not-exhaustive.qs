union Tree { Leaf, Node(left: Tree, key: Int, right: Tree) }
fn depth(t: Tree) -> Int {
    match t {
        Leaf => 0,
        Node(Node(_, _, _), _, _) => 2,
    }
}
fn sign(n: Int) -> Int {
    match n {
        0 => 0,
        1 => 1,
    }
}
fn pick(o: Option[Bool], n: Int) -> Int {
    match (o, n) {
        (Some(true), _) => 1,
        (None, _) => 2,
        (Some(false), k) if k > 0 => 3,
    }
}
fn main() {
    print(depth(Leaf) + sign(1) + pick(None, 2))
}

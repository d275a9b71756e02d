union Tree { Leaf, Node(left: Tree, key: Int, right: Tree) }
fn size(t: Tree) -> Int {
    match t {
        Leaf => 0,
        Node(l, _, r) => size(l) + 1 + size(r),
        Node(Leaf, _, Leaf) => 1,
    }
}
fn main() {
    let n = size(Node(Leaf, 1, Leaf))
    let s = match n > 0 {
        true => "some",
        false => "none",
        _ => "never",
    }
    let k = match n { x if x > 3 => 1, _ => 2, 7 => 3 }
    print(s)
}

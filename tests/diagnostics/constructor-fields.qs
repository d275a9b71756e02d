union Tree { Leaf, Node(left: Tree, key: Int, right: Tree) }
fn main() {
    let a = Node(Leaf, 1)
    let b = Leaf()
    let c = Node
    let d = Node(Leaf, true, Leaf)
    match a {
        Node(l, k) => print(k),
        Node => print(0),
        Leaf => print(1),
    }
}

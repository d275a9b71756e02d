// binary_trees: the Benchmarks Game's binary-trees at depth 16. Trees of
// every even depth from 4 are made and checked again and again, so the
// program is almost all allocation, matching and freeing; a long-lived tree
// stays all along. A node is a union's constructor with two fields; the empty
// tree, Empty, is an immediate and allocates nothing (spec/heap.md, "Unions").
// binary_trees.c is the same program in C: a node is malloc'ed, NULL is empty.
union Tree { Empty, Node(left: Tree, right: Tree) }

fn make(depth: Int) -> Tree {
    if depth == 0 { Node(Empty, Empty) } else { Node(make(depth - 1), make(depth - 1)) }
}

fn check(t: Tree) -> Int {
    match t {
        Empty => 0,
        Node(l, r) => 1 + check(l) + check(r),
    }
}

fn main() {
    let n = 16
    let min_depth = 4
    let max_depth = if min_depth + 2 > n { min_depth + 2 } else { n }
    print(max_depth + 1)
    print(check(make(max_depth + 1)))       // the stretch tree
    let long_lived = make(max_depth)
    let mut depth = min_depth
    while depth <= max_depth {
        let iterations = 1 << (max_depth - depth + min_depth)
        let mut sum = 0
        for _ in 0..iterations { sum += check(make(depth)) }
        print(iterations)
        print(depth)
        print(sum)
        depth += 2
    }
    print(max_depth)
    print(check(long_lived))
}

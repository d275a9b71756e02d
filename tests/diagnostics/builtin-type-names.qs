// The built-in types' names are taken; a record defined twice is an error
// whichever of the two has more fields.
record Int { x: Bool }
type Box = (Int, Int)
record Chan { x: Int }

record Pair { a: Int, b: Int }
record Pair { a: Int }

fn main() {
    let p = Pair { a: 1, b: 2 }
    print(p.b)
}

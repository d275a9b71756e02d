// `==` and `<` on values they do not compare (a tuple, a function): the error
// says what they compare.
fn main() {
    let inc = fn(x: Int) -> Int { x + 1 }
    let a = (1, 2) == (1, 2)
    let b = (1, 2) < (2, 0)
    let c = inc == inc
}

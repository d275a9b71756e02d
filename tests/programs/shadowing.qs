// Shadowing: an inner let hides an outer one until its block ends; a let may
// read the name it shadows.
fn main() {
    let x = 1
    print(x)
    {
        let x = x + 10
        print(x)
        {
            let x = x * 2
            print(x)
        }
        print(x)
        let x = true
        print(x)
    }
    print(x)
    let x = x + 100
    print(x)
    let mut y = 5
    {
        let y = 50
        print(y)
    }
    y += 1
    print(y)
}

type Alias[T] = (T, T)
fn f[]() { }
union U { A(), B }
fn main() {
    let x = 1
    match x { Nil() => 1, _ => 2 }
    match x { - 1 => 2, _ => 3 }
    match x { 1 => 2 3 => 4 }
    match x { if => 2 }
}

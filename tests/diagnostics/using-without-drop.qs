record Plain { x: Int }
record Odd { x: Int }
impl Odd { fn drop(self, now: Bool) {} }
record Counted { x: Int }
impl Counted { fn drop(self) -> Int { self.x } }
record Held[T] { value: T }
impl[T] Held[T] { fn drop(self) -> T { self.value } }

fn generic[T](x: T) {
    using held = x
}

fn main() {
    using p = Plain { x: 1 }
    using o = Odd { x: 2 }
    using c = Counted { x: 3 }
    using n = 5
    using h = Held { value: true }
}

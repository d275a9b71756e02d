// (added to core/prelude.qs) Show for every pair whose parts have Show.
impl[A: Show, B: Show] Show for (A, B) {
    fn show(self) -> String { "(" + self.0.show() + ", " + self.1.show() + ")" }
}

// Ill-typed: `+` on an Int and a Bool. bisect must answer with the type
// checker's diagnostic (as `qnano build` does), never run an interpreter on it.
fn main() {
    print(1 + true)
}

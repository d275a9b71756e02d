use modules.cycle_a

fn main() {
    print(cycle_a.a())
}

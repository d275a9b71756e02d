use modules.broken.{twice}

fn main() {
    print(twice(2))
}

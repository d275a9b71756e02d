module not_this_name
use modules.misnamed

fn main() {
    print(misnamed.one())
}

pub fn tag() -> String { helper() + "!" }

fn helper() -> String { "colors" }

// Same last segment as modules/colors.qs, in another folder: another module.
pub fn tag() -> String { helper() }

fn helper() -> String { "geo" }

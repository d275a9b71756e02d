use geo.shapes
use colors.{tag}

pub union Style { Loud, Quiet }

pub fn shout(s: String, style: Style) -> String {
    match style {
        Loud => helper(s) + "!",
        Quiet => s,
    }
}

pub fn banner() -> String { tag() + " " + shapes.LIMIT.show() }

fn helper(s: String) -> String { s + s }

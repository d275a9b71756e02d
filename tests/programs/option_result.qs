// Option and Result pipelines, with the prelude's helpers.
fn parse_digit(c: String) -> Option[Int] {
    match c {
        "0" => Some(0), "1" => Some(1), "2" => Some(2), "3" => Some(3), "4" => Some(4),
        "5" => Some(5), "6" => Some(6), "7" => Some(7), "8" => Some(8), "9" => Some(9),
        _ => None,
    }
}

fn safe_div(a: Int, b: Int) -> Result[Int, String] {
    if b == 0 { Err("divide " + "by zero") } else { Ok(a / b) }
}

fn option_to_result[T](o: Option[T], why: String) -> Result[T, String] {
    match o { Some(v) => Ok(v), None => Err(why) }
}

fn map_option(o: Option[Int], k: Int) -> Option[Int] {
    match o { Some(v) => Some(v * k), None => None }
}

fn pipeline(text: String, divisor: Int) -> Result[Int, String] {
    let d = try option_to_result(parse_digit(text), "not a digit: " + text)
    let q = try safe_div(d * 10, divisor)
    Ok(q + 1)
}

fn explain(r: Result[Int, String]) -> String {
    match r { Ok(_) => "ok", Err(e) => e }
}

fn main() {
    print(unwrap(parse_digit("7")))
    print(unwrap_or(parse_digit("x"), -1))
    print(is_some(parse_digit("3")))
    print(is_none(parse_digit("three")))
    print(unwrap_or(map_option(parse_digit("4"), 3), 0))
    print(unwrap_or(map_option(None, 3), 0))
    print(is_ok(option_to_result(Some(true), "never")))
    let results = array(3, Ok(0))
    results[0] = pipeline("8", 4)
    results[1] = pipeline("8", 0)
    results[2] = pipeline("?", 4)
    for r in results {
        print(explain(r))
        print(unwrap_or(ok_value(r), -1))
    }
    let nested: Option[Option[Int]] = Some(None)
    match nested {
        Some(Some(v)) => print(v),
        Some(None) => print("inner none"),
        None => print("outer none"),
    }
    print(abs(-12) + abs(12))
}

fn ok_value[T, E](r: Result[T, E]) -> Option[T] {
    match r { Ok(v) => Some(v), Err(_) => None }
}

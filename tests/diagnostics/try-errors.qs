fn parse(x: Int) -> Result[Int, String] {
    if x < 0 { Err("negative") } else { Ok(x) }
}
fn count(x: Int) -> Result[Int, Int] {
    let v = try parse(x)
    Ok(v)
}
fn plain(x: Int) -> Int {
    try parse(x)
}
fn wrong(x: Int) -> Result[Int, String] {
    let v = try x
    Ok(v)
}
fn main() {
    let v = try parse(1)
}

// A union with two constructors without fields (two immediates, 1 and 3) and
// one with: each nullary constructor is tested by its value, not by the low
// bit alone (which only a union with one such constructor may use:
// spec/heap.md, "Unions").
union Light { Off, Blinking, On(level: Int) }

fn describe(l: Light) -> Int {
    match l {
        Off => 0,
        Blinking => 1,
        On(level) => 10 + level,
    }
}

fn main() {
    let lights = array(5, Off)
    lights[0] = Blinking
    lights[1] = On(5)
    lights[3] = Blinking
    lights[4] = On(2)
    let mut total = 0
    for i in 0..len(lights) {
        let d = describe(lights[i])
        print(d)
        total = total * 100 + d
    }
    print(total)
}

// Tuples nested in records, and records in tuples; a type alias names one.
type Range = (Int, Int)
record Span { label: String, range: Range, open: Bool }

fn width(s: Span) -> Int { s.range.1 - s.range.0 }

fn widen(s: Span, by: Int) -> (Span, Int) {
    let r: Range = (s.range.0 - by, s.range.1 + by)
    let wider = Span { label: s.label + "+", range: r, open: s.open }
    (wider, width(wider))
}

fn main() {
    let s = Span { label: "s", range: (3, 8), open: true }
    let w = widen(s, 2)
    print(width(s))
    print(w.1)
    print(w.0.label)
    print(w.0.range.0)
    let mut pair = (w, s)
    pair.1.range.1 = 100
    pair.0.0.open = false
    print(width(pair.1))
    print(pair.0.0.open)
    print(s.open)
}

// An array of records: elements read, replaced and updated in place.
record Item { name: String, count: Int }

fn total(items: Array[Item]) -> Int {
    let mut t = 0
    for it in items { t += it.count }
    t
}

fn main() {
    let items = array(3, Item { name: "none", count: 0 })
    items[0] = Item { name: "apple", count: 3 }
    items[2] = Item { name: "cherry", count: 7 }
    let mut second = items[1]
    second.count = 40
    items[1] = second
    print(total(items))
    let mut names = ""
    for it in items { names = names + it.name + "," }
    print(names)
    let first = items[0]
    items[0] = Item { name: first.name, count: first.count * 10 }
    print(items[0].count)
    print(first.count)
}

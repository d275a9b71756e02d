// yield() puts the task at the back of the ready queue; a task that panics ends the run.
fn count(from: Int, n: Int) {
    let mut i = from
    while i < from + n {
        print(i)
        yield()
        i += 1
    }
}

fn main() {
    let results = channel[Int](10)
    scope {
        spawn { count(0, 3); results.send(1) }
        spawn { count(10, 2); results.send(2) }
        spawn {
            scope {
                spawn { count(20, 2); results.send(3) }
            }
            count(30, 1)
            results.send(4)
        }
    }
    results.close()
    let mut total = 0
    for r in results {
        total = total * 10 + r
    }
    print(total)
    scope {
        spawn { print(100) }
        spawn { let a = array(2, 0); print(a[total]) }
        spawn { print(200) }
    }
}

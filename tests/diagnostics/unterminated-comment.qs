fn main() {
    print(1)
}
/* a comment that /* nests */ but
never ends

// `core.` names a module the compiler ships, or else a folder of the program.
use core.strings

fn main() { }

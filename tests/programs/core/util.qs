// A module of the program's own folder named `core` (modules_core_folder.qs):
// `use core.util` finds it beside the importing file, as any `use` does.
pub fn twice(x: Int) -> Int { x * 2 }

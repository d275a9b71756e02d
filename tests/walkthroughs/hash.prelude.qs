// (added to core/prelude.qs) A protocol of the prelude, with impls for Int, Bool and String.
pub protocol Hash { fn hash(self) -> Int }
impl Hash for Int { fn hash(self) -> Int { self } }
impl Hash for Bool { fn hash(self) -> Int { if self { 1 } else { 0 } } }
impl Hash for String { fn hash(self) -> Int { len(self) } }

// The entry of a test binary (`qnano test`, cli/test.ts): a program's tests are
// its functions `fn test_NAME()`, and `qnano test` compiles each file once,
// with its own `main` (if any) replaced by one that reads a number from
// standard input and runs the test of that number:
//
//   fn main() {
//       let test = read_int()
//       if test == 0 { let ran = test_add() }
//       if test == 1 { let ran = test_sort() }
//   }
//
// so that each test runs in a process of its own (a panic fails that test
// only) from one binary. The driver hands the chosen tests in the pass
// context; parse calls `withTestEntry`. The entry has no locations, like the
// prelude: it is no part of the file.

import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { withoutLoc } from "../il/node.js";
import { diagnosticSink } from "./diagnostics.js";
import { declaredItem } from "./module-scope.js";
import { parseSource } from "./parser.js";

/** The prefix that makes a function a test. */
export const testPrefix = "test_";


/** A file's tests, in the order they are written: its functions `test_NAME()` with no
 * parameters (and no type parameters), `pub` or not. */
export function testNames(program: Lmodules.Program): string[] {
  return program.items.map(declaredItem).filter((item): item is Lmodules.Fn => item.kind === "Fn" && item.name.startsWith(testPrefix) && item.params.length === 0).map((fn) => fn.name);
}

/** The program with its `main` replaced by the entry that runs the test whose number
 * (in `tests`) standard input gives. */
export function withTestEntry(program: Lmodules.Program, tests: readonly string[]): Lmodules.Program {
  const calls = tests.map((name, i) => `    if test == ${i} { let ran = ${name}() }\n`).join("");
  const sink = diagnosticSink("(test entry)");
  const entry = parseSource(`fn main() {\n    let test = read_int()\n${calls}}\n`, sink);
  if (sink.diagnostics.length > 0) throw new Error(`the test entry does not parse: ${sink.diagnostics[0]!.message}`);
  const own = program.items.filter((item) => { const d = declaredItem(item); return !(d.kind === "Fn" && d.name === "main"); });
  return { ...program, items: [...own, ...entry.items.map((item) => withoutLoc(item) as Lmodules.Item)] };
}

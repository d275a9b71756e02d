// The entry of a test binary (`qnano test`, cli/test.ts): a program's tests are
// its functions `fn test_NAME()`, and `qnano test` compiles each file once,
// with a `main` of its own that reads a number from
// standard input and runs the test of that number:
//
//   fn main() {
//       let test = read_int()
//       if test == 0 { let ran = test_add() }
//       if test == 1 { let ran = test_sort() }
//   }
//
// so that each test runs in a process of its own (a panic fails that test
// only) from one binary. The file's own `main` is kept, renamed, and checked
// like any program's (a file that does not compile as a program fails), but
// never runs. The driver hands the chosen tests in the pass context; parse
// calls `withTestEntry`. The entry has no locations, like the prelude: it is
// no part of the file.

import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { withoutLoc } from "../il/node.js";
import { diagnosticSink } from "./diagnostics.js";
import { declaredItem } from "./module-scope.js";
import { parseSource } from "./parser.js";
import { hiddenName } from "./prelude.js";

/** The prefix that makes a function a test. */
export const testPrefix = "test_";


/** A file's tests, in the order they are written: its functions `test_NAME()` with no
 * parameters (and no type parameters), `pub` or not. */
export function testNames(program: Lmodules.Program): string[] {
  return program.items.map(declaredItem).filter((item): item is Lmodules.Fn => item.kind === "Fn" && item.name.startsWith(testPrefix) && item.params.length === 0).map((fn) => fn.name);
}

/** The functions named like a test that are none, for a warning: `test_NAME` with parameters or type parameters. */
export function notTests(program: Lmodules.Program): string[] {
  return program.items.map(declaredItem).filter((item) => (item.kind === "Fn" || item.kind === "GenericFn") && item.name.startsWith(testPrefix) && (item.kind === "GenericFn" || item.params.length > 0)).map((fn) => (fn as Lmodules.Fn).name);
}

/** What the file's own `fn main()` is named in a test binary: it is checked as `main` is
 * (check-items.ts), never run; no program can write the name. */
export const testedMain = "test.main";

/** The program with its `main` renamed `testedMain` and the entry that runs the test whose number
 * (in `tests`) standard input gives as its `main`; that number is read by the built-in
 * `read_int` even where the file declares one of its own (front-end/prelude.ts, hiddenBuiltin).
 * A file whose `main` is no function gets no entry: check-types says what `main` must be. */
export function withTestEntry(program: Lmodules.Program, tests: readonly string[]): Lmodules.Program {
  const calls = tests.map((name, i) => `    if test == ${i} { let ran = ${name}() }\n`).join("");
  const sink = diagnosticSink("(test entry)");
  const entry = parseSource(`fn main() {\n    let test = read_int()\n${calls}}\n`, sink);
  if (sink.diagnostics.length > 0) throw new Error(`the test entry does not parse: ${sink.diagnostics[0]!.message}`);
  const main = entry.items[0] as Lsrc.Fn;
  const [read, ...rest] = main.body.stmts as [Lsrc.Let, ...Lsrc.Stmt[]];
  const reads: Lsrc.Let = { ...read, init: { ...(read.init as Lsrc.Call), callee: hiddenName("read_int") } };
  const run = withoutLoc({ ...main, body: { ...main.body, stmts: [reads, ...rest] } }) as Lmodules.Item;
  const isMain = (item: Lmodules.Item) => (declaredItem(item) as { name?: string }).name === "main";
  if (program.items.some((item) => isMain(item) && !["Fn", "GenericFn"].includes(declaredItem(item).kind))) return program;
  const renamed = (item: Lmodules.Item): Lmodules.Item => (item.kind === "Pub" ? { ...item, item: renamed(item.item) as Lmodules.Pub["item"] } : ({ ...item, name: testedMain } as Lmodules.Item));
  return { ...program, items: [...program.items.map((item) => (isMain(item) ? renamed(item) : item)), run] };
}

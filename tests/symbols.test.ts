// The one naming scheme of the symbols in the assembly (spec/symbols.md): it is
// injective over names of every kind (instances, hidden prelude items, and the
// methods and module items to come), the assembly ILs print a symbol the way
// GNU as reads it and read it back, and the batches of the properties keep
// quoted labels apart.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conclusionOf, entryOf, functionOfLabel, functionOfSymbol, functionSymbol } from "../ir-defs/functions.js";
import { asmSymbol } from "../ir-defs/symbols.js";
import { methodNames, monoNames, uniqueNames } from "../ir-defs/names.js";
import { Lresolved } from "../ir-defs/lresolved.js";
import { Lx86var } from "../ir-defs/x86_64/lx86var.js";
import { La64var } from "../ir-defs/aarch64/la64var.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { printNode } from "../il/print.js";
import { readNode } from "../il/read.js";
import { suffixLabels } from "../props/batch.js";

/** Function names of every kind the scheme covers. */
const functions = [
  "main", "f", "area", "a", "block1", "start", "fn_x", "qn_alloc",
  "prelude.abs", "prelude.unwrap[Int]", "swap[Int, Bool]", "swap[Bool, Int]", "swap[(Int, Bool)]",
  "apply[fn(Int) -> Int]", "swap[prelude.Option[Int]]", "unwrap[Option[Int]]", "unwrap[prelude.Option[Int]]",
  // methods (resolve-methods), and module items to come
  "Point.norm1", "Stack[Int].push", "Int.show", "List[prelude.Option[Int]].show", "geometry.area", "util.text.pad", "a.block1", "a.start", "geometry.start",
];

/** Every symbol a function gets: its code's, and its blocks' labels. */
const symbolsOf = (fn: string): string[] => [functionSymbol(fn), entryOf(fn), `${fn}.block1`, `${fn}.block12`, `${fn}.drop1`, `${fn}.count1`, `${fn}.after1`, `${fn}.keep1`, `${fn}.release1`, `${fn}.rest1`, conclusionOf(fn)];

test("no two functions, instances, methods, module items or blocks get the same symbol", () => {
  const owner = new Map<string, string>();
  for (const fn of functions) {
    for (const symbol of symbolsOf(fn)) {
      assert.not.ok(owner.has(symbol), `${symbol} is both ${owner.get(symbol)}'s and ${fn}'s`);
      owner.set(symbol, fn);
    }
  }
  for (const s of ["qn_alloc", "qn_release", ".Lstr0"]) assert.not.ok(owner.has(s), `${s} is the runtime's or a string's`);
});

test("a label says whose block it is, a symbol whose code", () => {
  for (const fn of functions) {
    for (const label of symbolsOf(fn).slice(1)) assert.is(functionOfLabel(label), fn, label);
    assert.is(functionOfSymbol(functionSymbol(fn)), fn);
  }
  assert.is(functionOfSymbol("qn_alloc"), null);
});

test("a symbol is quoted for the assembler only when it must be", () => {
  assert.is(asmSymbol("fn.area"), "fn.area");
  assert.is(asmSymbol("main.block1"), "main.block1");
  assert.is(asmSymbol("fn.swap[Int, Bool]"), '"fn.swap[Int, Bool]"');
  assert.is(asmSymbol("apply[fn(Int) -> Int].start"), '"apply[fn(Int) -> Int].start"');
});

test("the names of instances read from Lmono on, and never as an element of a local", () => {
  const reads = (t: typeof monoNames, text: string) => t.read(text, 0).map((r) => text.slice(0, r.end));
  assert.ok(reads(monoNames, "swap[Int, Bool](x.1)").includes("swap[Int, Bool]"));
  assert.ok(reads(monoNames, "prelude.unwrap[prelude.Option[Int]]").includes("prelude.unwrap[prelude.Option[Int]]"));
  assert.equal(reads(monoNames, "a.3[K]"), ["a.3"]);
  assert.equal(reads(uniqueNames, "swap[Int, Bool]"), ["swap"]);
  assert.ok(monoNames.test("swap[Int, Bool]"));
  assert.not.ok(monoNames.test("match[Int]"), "a keyword names no item");
});

test("the assembly ILs print quoted symbols and labels, and read them back", () => {
  const block = {
    kind: "Block",
    label: "swap[Int, Bool].block1",
    instrs: [
      { kind: "Callq", target: "fn.swap[Int, Bool]", args: [] },
      { kind: "LeaFn", target: "fn.apply[fn(Int) -> Int]", dst: { kind: "Reg", name: "rax" } },
      { kind: "Jmp", target: "swap[Int, Bool].block2" },
      { kind: "Jmp", target: "main.block2" },
    ],
  };
  const text = printNode(Lx86var, block);
  assert.match(text, /^"swap\[Int, Bool\]\.block1":/);
  assert.match(text, /callq "fn\.swap\[Int, Bool\]"/);
  assert.match(text, /leaq "fn\.apply\[fn\(Int\) -> Int\]"\(%rip\), %rax/);
  assert.match(text, /jmp main\.block2/);
  assert.equal(readNode(Lx86var, text, "Block"), block);
  const bl = { kind: "Block", label: "f[Int].start", instrs: [{ kind: "Bl", target: "fn.f[Int]", args: [] }, { kind: "B", target: "f[Int].conclusion" }] };
  const a64 = printNode(La64var, bl);
  assert.match(a64, /bl "fn\.f\[Int\]"/);
  assert.equal(readNode(La64var, a64, "Block"), bl);
  // Lcfg writes labels as they are: it is not assembly.
  const goto = { kind: "Goto", target: "swap[Int, Bool].block1" };
  assert.is(printNode(Lcfg, goto), "goto swap[Int, Bool].block1");
  assert.equal(readNode(Lcfg, "goto swap[Int, Bool].block1", "Tail"), goto);
});

test("from Lresolved on, the ILs read a method's name, and a variable's field is still a field", () => {
  for (const name of ["Point.norm1", "Stack[Int].push", "Int.show", "List[prelude.Option[Int]].show"]) assert.ok(methodNames.test(name), name);
  for (const name of ["Point.norm1.x", "x.3.y", "3.x"]) assert.not.ok(methodNames.test(name), name);
  const call = { kind: "Call", callee: "Stack[Int].push", args: [{ kind: "Var", name: "s.1" }, { kind: "Int", value: 3n }] };
  assert.is(printNode(Lresolved, call), "call Stack[Int].push(s.1, 3)");
  assert.equal(readNode(Lresolved, "call Stack[Int].push(s.1, 3)", "Expr"), call);
  const field = { kind: "Field", target: { kind: "Var", name: "p.1" }, field: "x" };
  assert.equal(readNode(Lresolved, "p.1.x", "Expr"), field);
  assert.equal(readNode(Lresolved, "call Point.norm1(p.1)", "Expr"), { kind: "Call", callee: "Point.norm1", args: [{ kind: "Var", name: "p.1" }] });
});

test("a batch of programs renames quoted labels too, and leaves strings alone", () => {
  const asm = ['"fn.f[Int]":', '        callq "fn.f[Int]"', '        jmp "f[Int].block1"', '"f[Int].block1":', '        .ascii "fn.f[Int]"', "main.start:"].join("\n");
  assert.is(
    suffixLabels(asm, 3),
    ['"fn.f[Int]_p3":', '        callq "fn.f[Int]_p3"', '        jmp "f[Int].block1_p3"', '"f[Int].block1_p3":', '        .ascii "fn.f[Int]"', "main.start_p3:"].join("\n"),
  );
});

test.run();

// infer-borrows does what it says: what it marks borrowed is what its uses
// allow (the programs below each aim at one rule of spec/heap.md, "Borrowed
// references"), and Lborrowed's invariant catches a variable marked borrowed
// that its function consumes. That every marking keeps the meaning (counts,
// leak check) is the checking loop's, on every golden and generated program.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type * as B from "../ir-defs/generated/Lborrowed.js";
import { Lborrowed } from "../ir-defs/lborrowed.js";
import { validate } from "../il/validate.js";
import { compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";

const borrowed = (source: string): B.Program =>
  compile(source, "borrow.qs", { target: "x86_64", check: true, until: "infer-borrows" }).at(-1)!.output as B.Program;
const defOf = (p: B.Program, name: string) => p.defs.find((d) => d.name === name)!;
const paramsBorrowed = (p: B.Program, name: string) => defOf(p, name).params.filter((v) => defOf(p, name).borrows.includes(v)).map((v) => v.replace(/\.\d+$/, ""));
const callsOf = (d: B.Def): B.Call[] =>
  d.blocks.flatMap((b) => b.stmts.flatMap((s) => (s.kind === "Assign" && s.value.kind === "Call" ? [s.value] : s.kind === "Do" && s.expr.kind === "Call" ? [s.expr] : [])));
const bench = (name: string) => readFileSync(join(packageRoot, "bench", `${name}.qs`), "utf8");
const golden = (name: string) => readFileSync(join(packageRoot, "tests", "programs", `${name}.qs`), "utf8");

const lists = "union List { Nil, Cons(head: Int, tail: List) }\n";

test("a tree walked by recursion is borrowed, with the children read out of it, and its calls lend them", () => {
  const p = borrowed(bench("eval"));
  assert.equal(paramsBorrowed(p, "eval"), ["e"]);
  assert.equal(paramsBorrowed(p, "size"), ["e"]);
  assert.equal(paramsBorrowed(p, "simplify"), [], "simplify returns e (`other => other`): consumed");
  const evalDef = defOf(p, "eval");
  assert.equal(evalDef.refs, [], "eval counts nothing");
  for (const c of callsOf(evalDef)) assert.equal(c.lent, [0]);
});

test("a parameter consumed anywhere (returned, stored, put in an object, passed on owned) is owned", () => {
  const p = borrowed(`${lists}fn keep(l: List) -> List { l }\nfn wrap(l: List) -> List { Cons(0, l) }\nfn pass(l: List) -> List { keep(l) }\nfn put(b: Box[List], l: List) { b.set(l) }\nfn len(l: List) -> Int { match l { Nil => 0, Cons(_, t) => 1 + len(t) } }\nfn main() {\n    let l = Cons(1, Nil)\n    let b = Box(Nil)\n    put(b, l)\n    print(len(wrap(pass(l))))\n}\n`);
  assert.equal(paramsBorrowed(p, "keep"), []);
  assert.equal(paramsBorrowed(p, "wrap"), []);
  assert.equal(paramsBorrowed(p, "pass"), [], "keep's parameter is owned, so passing l to it consumes l");
  assert.equal(paramsBorrowed(p, "put"), ["b"], "a store through b only looks at b; the value stored is consumed");
  assert.equal(paramsBorrowed(p, "len"), ["l"]);
});

test("recursion: a fixed point over the call graph, starting from all borrowed", () => {
  // even consumes nothing itself, but passes l to odd, which returns it: both owned.
  const p = borrowed(`${lists}fn even(l: List, n: Int) -> List { if n == 0 { return Nil } odd(l, n - 1) }\nfn odd(l: List, n: Int) -> List { if n == 0 { return l } even(l, n - 1) }\nfn walk(l: List, n: Int) -> Int { if n == 0 { return 0 } walk2(l, n - 1) }\nfn walk2(l: List, n: Int) -> Int { match l { Nil => n, Cons(h, _) => h + walk(l, n) } }\nfn main() {\n    let l = Cons(1, Nil)\n    print(walk(l, 3))\n    let m = even(l, 3)\n}\n`);
  assert.equal(paramsBorrowed(p, "even"), []);
  assert.equal(paramsBorrowed(p, "odd"), []);
  assert.equal(paramsBorrowed(p, "walk"), ["l"]);
  assert.equal(paramsBorrowed(p, "walk2"), ["l"]);
});

test("a tail call that passes a reference its caller owns makes that parameter owned: the call stays a tail call", () => {
  const p = borrowed(`${lists}fn count(l: List, n: Int) -> Int { match l { Nil => n, Cons(_, t) => count(t, n + 1) } }\nfn first(l: List) -> Int { count(Cons(0, l), 0) }\nfn main() { print(first(Cons(1, Nil))) }\n`);
  assert.equal(paramsBorrowed(p, "count"), [], "first passes a new list, which it owns, in a tail call");
  assert.ok(defOf(p, "first").blocks.some((b) => b.tail.kind === "TailCall"));
  const q = borrowed(`${lists}fn count(l: List, n: Int) -> Int { match l { Nil => n, Cons(_, t) => count(t, n + 1) } }\nfn main() {\n    let l = Cons(1, Cons(2, Nil))\n    print(count(l, 0))\n}\n`);
  assert.equal(paramsBorrowed(q, "count"), ["l"], "a borrowed list's tail passed along in a tail call stays borrowed");
});

test("a field a Box's set writes is read owned; an array element is read owned", () => {
  const p = borrowed(`${lists}fn peek(b: Box[List]) -> Int { let l = b.get()\n    match l { Nil => 0, Cons(h, _) => h } }\nfn at(a: Array[List]) -> Int { let l = a[0]\n    match l { Nil => 0, Cons(h, _) => h } }\nfn main() {\n    let b = Box(Cons(1, Nil))\n    print(peek(b))\n    b.set(Nil)\n    print(at(array(2, Cons(2, Nil))))\n}\n`);
  assert.equal(paramsBorrowed(p, "peek"), ["b"]);
  assert.ok(defOf(p, "peek").refs.some((v) => v.startsWith("l.")), "the list read out of the Box is counted");
  assert.equal(paramsBorrowed(p, "at"), ["a"]);
  assert.ok(defOf(p, "at").refs.some((v) => v.startsWith("l.")), "the list read out of the array is counted");
});

test("a call through a closure lends it, unless a tail call through a closure passes one its caller owns", () => {
  const p = borrowed(bench("closure_calls"));
  assert.equal(paramsBorrowed(p, "make_fn1"), ["env"]);
  assert.equal(callsOf(defOf(p, "main")).filter((c) => c.callee.kind === "Var").map((c) => c.lent), [[0]]);
  const q = borrowed(golden("closure_tail_loop"));
  for (const d of q.defs) for (const c of callsOf(d)) if (c.callee.kind === "Var") assert.equal(c.lent, [], `${d.name} lends a closure`);
});

test("Lborrowed's invariant: a consumed variable marked borrowed, or a call that lends what its callee owns, is caught", () => {
  const p = borrowed(`${lists}fn keep(l: List) -> List { l }\nfn len(l: List) -> Int { match l { Nil => 0, Cons(_, t) => 1 + len(t) } }\nfn main() {\n    let l = Cons(1, Nil)\n    print(len(l))\n    let m = keep(l)\n}\n`);
  assert.ok(validate(Lborrowed, p).ok);
  const keep = defOf(p, "keep");
  const wrong = { ...p, defs: p.defs.map((d) => (d === keep ? { ...d, borrows: [d.params[0]!], refs: d.refs.filter((v) => v !== d.params[0]) } : d)) };
  const v = validate(Lborrowed, wrong);
  assert.not.ok(v.ok);
  assert.match(JSON.stringify(v), /keep: .*(consumed|lends)/);
  const len = defOf(p, "len");
  const unlent = { ...p, defs: p.defs.map((d) => ({ ...d, blocks: d.blocks.map((b) => ({ ...b, stmts: b.stmts.map((s) => (s.kind === "Assign" && s.value.kind === "Call" ? { ...s, value: { ...s.value, lent: [] } } : s)) })) })) };
  assert.ok(len.borrows.length > 0);
  assert.not.ok(validate(Lborrowed, unlent).ok, "a call to len that passes owned what len borrows");
});

test.run();

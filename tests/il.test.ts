// The IL machinery: definitions, validator, printer, BNF, traversal, and the
// derived files checked in beside them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Lcfg } from "../ir-defs/lcfg.js";
import { Lmon } from "../ir-defs/lmon.js";
import { Lsrc } from "../ir-defs/lsrc.js";
import { Luniq } from "../ir-defs/luniq.js";
import { derivedFiles } from "../scripts/derived-files.js";
import { defineIL, extendIL, parseTemplate, terminal } from "../il/define.js";
import { deltaText, grammarBnf, printNode } from "../il/print.js";
import { rewriter } from "../il/rewrite.js";
import { validate } from "../il/validate.js";
import { packageRoot } from "../driver/paths.js";

const int = (value: bigint) => ({ kind: "Int", value });
const v = (name: string) => ({ kind: "Var", name });
const block = (...stmts: unknown[]) => ({ kind: "Block", stmts });
const program = (...stmts: unknown[]) => ({ kind: "Program", items: [{ kind: "Fn", name: "main", params: [], ret: null, body: block(...stmts) }] });
/** The same after check-types, where every fn states its result type. */
const typedProgram = (...stmts: unknown[]) => ({ kind: "Program", items: [{ kind: "Fn", name: "main", params: [], ret: "Unit", body: block(...stmts) }] });

test("templates give fields, arities, separators and prefixes", () => {
  const { fields } = parseTemplate("fn <name:name>(<params:Param*, >)< -> |ret:type?> <body:Block>");
  assert.equal(
    fields.map((f) => [f.name, f.type, f.arity, f.separator, f.prefix]),
    [
      ["name", "name", "one", "", ""],
      ["params", "Param", "many", ", ", ""],
      ["ret", "type", "optional", "", " -> "],
      ["body", "Block", "one", "", ""],
    ],
  );
});

test("a definition with an unknown field type is refused", () => {
  assert.throws(() => defineIL({ name: "Lbad", purpose: "x", entry: "E", terminals: {}, grammar: { E: { A: "<x:Nope>" } } }), /unknown type Nope/);
});

test("a kind defined twice is refused", () => {
  assert.throws(() => defineIL({ name: "Lbad", purpose: "x", entry: "E", terminals: {}, grammar: { E: { A: "a" }, F: { A: "b" } } }), /defined twice/);
});

test("the validator accepts a well-formed program", () => {
  const p = program({ kind: "Let", decl: "let", name: "x", type: null, init: { kind: "Binary", op: "+", left: int(1n), right: v("y") } });
  assert.equal(validate(Lsrc, p), { ok: true });
});

test("the validator names the path and production of a wrong kind", () => {
  // Lmon's Binary takes atoms: a nested Binary is outside Lmon.
  const nested = { kind: "Binary", op: "+", left: int(1n), right: { kind: "Binary", op: "*", left: int(2n), right: int(3n) } };
  const p = typedProgram({ kind: "ExprStmt", expr: nested });
  const r = validate(Lmon, p);
  assert.is(r.ok, false);
  if (r.ok) return;
  assert.is(r.path, "items[0].body.stmts[0].expr.right");
  assert.match(r.message, /Binary is a Expr, not a Atom/);
  assert.match(r.production, /\(Binary\)/);
});

test("the validator rejects bad terminals, missing and extra fields", () => {
  const bad = (stmt: unknown) => validate(Lsrc, program(stmt));
  const outOfRange = bad({ kind: "ExprStmt", expr: int(1n << 63n) });
  assert.is(outOfRange.ok, false);
  assert.match(!outOfRange.ok ? outOfRange.message : "", /64-bit integer/);
  const missing = bad({ kind: "While", cond: { kind: "Bool", value: true } });
  assert.match(!missing.ok ? missing.message : "", /field body of While is missing/);
  const extra = bad({ kind: "Break", label: "x" });
  assert.match(!extra.ok ? `${extra.path} ${extra.message}` : "", /stmts\[0\]\.label Break has no field label/);
  const op = bad({ kind: "ExprStmt", expr: { kind: "Binary", op: "**", left: int(1n), right: int(2n) } });
  assert.match(!op.ok ? op.message : "", /binop/);
  const forgotten = validate(Lcfg, { kind: "Program", defs: [{ kind: "Def", name: "main", params: [], refs: [], unions: [], blocks: [{ kind: "BasicBlock", label: "main.start", stmts: [], tail: { kind: "While" } }] }] });
  assert.match(!forgotten.ok ? forgotten.message : "", /Lcfg has no While form/);
});

test("the validator checks invariants after the grammar", () => {
  const twice = typedProgram(
    { kind: "Let", decl: "let", name: "x.1", type: "Int", init: int(1n) },
    { kind: "Let", decl: "let", name: "x.1", type: "Int", init: int(2n) },
  );
  const r = validate(Luniq, twice);
  assert.is(r.ok, false);
  assert.match(!r.ok ? `${r.path}: ${r.message} / ${r.production}` : "", /stmts\[1\]: x\.1 is bound a second time \/ invariant: no name is bound twice/);
});

test("the printer follows the templates, with optional prefixes and indented lists", () => {
  const p = program(
    { kind: "Let", decl: "let mut", name: "x", type: "Int", init: int(1n) },
    { kind: "While", cond: { kind: "Binary", op: "<", left: v("x"), right: int(10n) }, body: block({ kind: "Assign", name: "x", op: "+=", value: int(1n) }) },
    { kind: "ExprStmt", expr: { kind: "If", cond: { kind: "Bool", value: true }, then: block(), else: null } },
  );
  assert.is(
    printNode(Lsrc, p),
    ["fn main() {", "  let mut x: Int = 1", "  while (x < 10) {", "    x += 1", "  }", "  if true {}", "}"].join("\n"),
  );
});

test("BNF and delta are read off the definition", () => {
  const bnf = grammarBnf(Lmon);
  assert.match(bnf, /Atom\s+::= int\s+Int/);
  assert.match(bnf, /\| Atom\s+\(Int, Bool, Unit, Str, Var, StaticClosure\)/);
  const delta = deltaText(Lmon);
  assert.match(delta, /^Lmon = Lchecked/);
  assert.match(delta, /~ Expr ::= \(Expr binop Expr\)\s+Binary\n\s+becomes Expr ::= \(Atom binop Atom\)\s+Binary/);
});

test("BNF keeps a space between a list and the hole after it, and before a list of lines", () => {
  const bnf = grammarBnf(Lcfg);
  assert.match(bnf, /Def\s+::= fn name\(name\*\) refs name\* unions name\* BasicBlock\*\s+Def/);
  assert.match(bnf, /BasicBlock ::= label: CStmt\* Tail\s+BasicBlock/);
  assert.not.match(bnf, /\*[A-Za-z]/, "no list runs into a word");
});

test("extension: removed, added and changed kinds are tracked", () => {
  const A = defineIL({ name: "La", purpose: "a", entry: "E", terminals: { int: terminal.int }, grammar: { E: { N: "<v:int>", Neg: "-<e:E>", Add: "<l:E> + <r:E>" } } });
  const B = extendIL(A, { name: "Lb", purpose: "b", remove: ["Neg"], add: { E: { Add: "(+ <l:E> <r:E>)", Mul: "<l:E> * <r:E>" } } });
  assert.equal(B.delta, { added: ["Mul"], removed: ["Neg"], changed: ["Add"], renamed: [] });
  assert.is(printNode(B, { kind: "Add", l: { kind: "N", v: 1n }, r: { kind: "Mul", l: { kind: "N", v: 2n }, r: { kind: "N", v: 3n } } }), "(+ 1 2 * 3)");
});

test("the traversal rebuilds only what changes and shares the rest", () => {
  const untouched = block({ kind: "ExprStmt", expr: int(7n) });
  const p = program({ kind: "ExprStmt", expr: v("a") }, { kind: "ExprStmt", expr: untouched });
  const rename = rewriter<any, string>(Lsrc, { Var: (node, suffix) => ({ ...node, name: node.name + suffix }) });
  const out = rename(p, ".1");
  assert.is(out.items[0].body.stmts[0].expr.name, "a.1");
  assert.is(out.items[0].body.stmts[1].expr, untouched, "an unchanged subtree is the same object");
  assert.is(rewriter<any, undefined>(Lsrc, {})(p, undefined), p, "no clause, no change: the same object");
});

test("a clause may return several statements, spliced into the list", () => {
  const p = program({ kind: "Break" }, { kind: "Continue" });
  const twice = rewriter<any, undefined>(Lsrc, { Break: (node) => [node, node] });
  assert.equal(
    twice(p, undefined).items[0].body.stmts.map((s: { kind: string }) => s.kind),
    ["Break", "Break", "Continue"],
  );
});

test("derived files (node types, spec pages, pipeline table) are up to date: run `npm run gen`", () => {
  for (const [path, content] of derivedFiles()) {
    let onDisk = "";
    try {
      onDisk = readFileSync(join(packageRoot, path), "utf8");
    } catch {}
    assert.ok(onDisk === content, `${path} is stale: run \`npm run gen\``);
  }
});

test.run();

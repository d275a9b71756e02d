// The reader derived from the templates (il/read.ts): read(print(p)) = p for
// every IL, as a property over generated programs compiled for both targets;
// the forms that print alike and still read apart; text written by hand; and
// what an error says.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../driver/driver.js";
import { printNode } from "../il/print.js";
import { readNode, ReadError } from "../il/read.js";
import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { La64 } from "../ir-defs/aarch64/la64.js";
import { La64var } from "../ir-defs/aarch64/la64var.js";
import { allILs } from "../ir-defs/index.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { Lmon } from "../ir-defs/lmon.js";
import { Lsrc } from "../ir-defs/lsrc.js";
import { Ltyped } from "../ir-defs/ltyped.js";
import { Luniq } from "../ir-defs/luniq.js";
import { Lwhile } from "../ir-defs/lwhile.js";
import { targets } from "../ir-defs/targets.js";
import { Lx86 } from "../ir-defs/x86_64/lx86.js";
import { Lx86homes } from "../ir-defs/x86_64/lx86homes.js";
import { Lx86var } from "../ir-defs/x86_64/lx86var.js";
import { programs } from "../props/generator.js";
import { writeProgram } from "../props/generator-modules.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withoutLoc } from "../il/node.js";
import { quickRun } from "./props/quick.js";


const show = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}n` : x));

/** Where two terms first differ, as a path and both values; null when they are equal. */
function difference(a: unknown, b: unknown, path = ""): string | null {
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path || "(root)"}: read ${show(a)}, printed ${show(b)}`;
}

/** Null when the term reads back from its printed text; else what went wrong. */
function roundTrip(il: IL, term: unknown): string | null {
  const text = printNode(il, term);
  try {
    return difference(readNode(il, text), withoutLoc(term));
  } catch (e) {
    return (e as Error).message;
  }
}

/** Prints a node and reads it back as a node of its own nonterminal. */
function back(il: IL, term: AnyNode): void {
  const text = printNode(il, term);
  assert.equal(readNode(il, text, il.kinds.get(term.kind)!.nonterminal), term, text);
}

const folder = mkdtempSync(join(tmpdir(), "qnano-read-"));
process.on("exit", () => rmSync(folder, { recursive: true, force: true }));

test("read(print(p)) = p for every IL, on generated programs after every pass, on both targets", () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(programs(), (g) => {
      const file = g.modules ? writeProgram(folder, g.source, g.modules) : "generated.qs"; // (a program of modules: its files in a folder)
      for (const target of targets) {
        for (const step of compile(g.source, file, { target, check: true })) {
          if (typeof step.pass.to === "string") continue;
          seen.add(step.pass.to.name);
          const wrong = roundTrip(step.pass.to, step.output);
          if (wrong) throw new Error(`${step.pass.name} (${target}) -> ${step.pass.to.name}: ${wrong}`);
        }
      }
    }),
    { numRuns: 30, seed: quickRun.seed },
  );
  assert.equal(allILs.map((l) => l.name).filter((n) => !seen.has(n)), [], "every IL is some pass's output");
});

// ---------------------------------------------------------------- forms that print alike

const int = (value: bigint) => ({ kind: "Int", value });
const v = (name: string) => ({ kind: "Var", name });
const reg = (name: string) => ({ kind: "Reg", name });
const stmt = (expr: unknown) => ({ kind: "ExprStmt", expr });

test("a negative integer and the negation of one: -5 and - 5", () => {
  const negation = { kind: "Unary", op: "-", arg: int(5n) };
  assert.is(printNode(Lmon, negation), "- 5");
  assert.equal(readNode(Lmon, "-5", "Expr"), int(-5n));
  assert.equal(readNode(Lmon, "- 5", "Expr"), negation);
  back(Lmon, { kind: "Unary", op: "-", arg: int(-5n) });
  back(Lsrc, { kind: "Unary", op: "-", arg: { kind: "Unary", op: "-", arg: int(0n) } });
  back(Lsrc, { kind: "Binary", op: "-", left: int(-1n), right: int(-2n) });
});

test("a name's dots are its own: t.3.0 is field 0 of t.3, and field next of i.2 prints i.2 .next where i.2.next is a name", () => {
  assert.equal(readNode(Luniq, "t.3.0", "Expr"), { kind: "Field", target: v("t.3"), field: "0" });
  assert.equal(readNode(Lsrc, "t.0.x", "Expr"), { kind: "Field", target: { kind: "Field", target: v("t"), field: "0" }, field: "x" });
  const next = { kind: "Field", target: v("i.2"), field: "next" };
  assert.is(printNode(Luniq, next), "i.2.next", "no loop names yet: no space");
  assert.is(printNode(Lwhile, next), "i.2 .next");
  assert.equal(readNode(Lwhile, "i.2.next", "Expr"), v("i.2.next"));
  back(Lwhile, next);
  back(Lwhile, { kind: "Field", target: v("p.4"), field: "x" });
  back(Luniq, { kind: "SetField", name: "p.4", path: ["next", "0"], op: "=", value: v("0.5") });
});

test("a postfix form's target that would read on through it is printed in parentheses: (-x).show(), (if c { a } else { b }).0", () => {
  const negated = { kind: "MethodCall", target: { kind: "Unary", op: "-", arg: v("x") }, method: "show", args: [] };
  assert.is(printNode(Lsrc, negated), "(-x).show()");
  back(Lsrc, negated);
  assert.equal(readNode(Lsrc, "-x.show()", "Expr"), { kind: "Unary", op: "-", arg: { ...negated, target: v("x") } });
  const chosen = { kind: "If", cond: v("c"), then: { kind: "Block", stmts: [{ kind: "ExprStmt", expr: v("a") }] }, else: { kind: "Block", stmts: [{ kind: "ExprStmt", expr: v("b") }] } };
  const field = { kind: "Field", target: chosen, field: "0" };
  assert.match(printNode(Lsrc, field), /^\(if c \{[^]*\}\)\.0$/);
  back(Lsrc, field);
  back(Lsrc, { kind: "Index", target: { kind: "Lambda", params: [], ret: null, body: { kind: "Block", stmts: [] } }, index: int(0n) });
  // A target that closes itself needs none: a tuple, a binary, a call, a field of a field.
  assert.is(printNode(Lsrc, { kind: "Field", target: { kind: "Tuple", elems: [v("a"), v("b")] }, field: "1" }), "(a, b).1");
  assert.is(printNode(Lsrc, { kind: "Field", target: { kind: "Binary", op: "+", left: v("a"), right: v("b") }, field: "x" }), "(a + b).x");
});

test("a call of the program's function is not a primitive, whatever its name", () => {
  const call = { kind: "Call", callee: "print_int", args: [int(1n)] };
  const prim = { kind: "Prim", op: "print_int", args: [int(1n)] };
  assert.is(printNode(Ltyped, call), "call print_int(1)");
  back(Ltyped, call);
  back(Ltyped, prim);
  back(Lcfg, { kind: "Do", expr: call });
  assert.is(printNode(Lsrc, { kind: "Call", callee: "print", args: [int(1n)] }), "print(1)", "the source's calls print as written");
});

test("one assembly text, two forms: the address of code or of data, a frame slot or a heap word, a tail call direct or not", () => {
  back(Lx86var, { kind: "LeaFn", target: "fn.f", dst: v("t.1") });
  back(Lx86var, { kind: "Leaq", label: ".Lstr0", dst: v("t.1") });
  back(La64var, { kind: "AdrpFn", dst: v("t.1"), symbol: "qn_main" });
  back(La64var, { kind: "Adrp", dst: reg("x16"), symbol: "qn_stack_limit" });
  back(La64var, { kind: "AddLo12Fn", dst: v("t.1"), src: v("t.1"), symbol: "fn.g" });
  back(La64var, { kind: "TailCall", target: "fn.f", args: [reg("x0")] });
  back(La64var, { kind: "TailCallIndirect", callee: reg("x12"), args: [reg("x0")] });
  back(Lx86, { kind: "Movq", src: { kind: "Mem", offset: -8n, base: "rbp" }, dst: reg("rax") });
  back(Lx86, { kind: "Load", offset: 16n, base: reg("rax"), dst: reg("rbx") });
  back(La64, { kind: "Ldr", dst: reg("x9"), src: { kind: "Mem", base: "sp", offset: 16n } });
  back(La64, { kind: "Load", dst: reg("x9"), base: reg("x1"), offset: 16n });
  back(La64, { kind: "Str", src: reg("x9"), dst: { kind: "Mem", base: "x16", offset: 0n } });
});

test("Unit is (), the empty tuple no program has", () => {
  assert.equal(readNode(Lsrc, "()", "Expr"), { kind: "Unit" });
  back(Lsrc, { kind: "Tuple", elems: [int(1n), { kind: "Unit" }] });
});

test("terminals read as they print: strings with escapes, types, free text, enumerations", () => {
  back(Lsrc, stmt({ kind: "Str", value: 'a "quoted" \\ word, é\n\t\u0000 😀' }));
  back(Lsrc, { kind: "Let", decl: "let mut", name: "f", type: "fn(Int, (Bool, Array[String])) -> Box[Int]", init: v("g") });
  back(Lx86homes, { kind: "Home", var: "x.1", home: { kind: "Slot", index: 3 }, why: "spilled (interferes with 7 others) after (x)" });
  back(Lsrc, { kind: "Assign", name: "x", op: "<<=", value: { kind: "Binary", op: "<<", left: v("x"), right: int(1n) } });
});

// ---------------------------------------------------------------- text written by hand

test("indentation is free, and so is the amount of space where the template has some", () => {
  const program = readNode(Lcfg, `
fn main()
main.start:
      x.1 =    (1 + 2)
  print_int(x.1)
  if x.1 < 0x10 goto main.start else main.done
main.done:
return ()`);
  assert.equal(program, {
    kind: "Program",
    defs: [
      {
        kind: "Def",
        name: "main",
        params: [],
        refs: [],
        unions: [],
        blocks: [
          {
            kind: "BasicBlock",
            label: "main.start",
            stmts: [
              { kind: "Assign", name: "x.1", value: { kind: "Binary", left: int(1n), op: "+", right: int(2n) } },
              { kind: "Do", expr: { kind: "Prim", op: "print_int", args: [v("x.1")] } },
            ],
            tail: { kind: "Branch", left: v("x.1"), op: "<", right: int(16n), then: "main.start", else: "main.done" },
          },
          { kind: "BasicBlock", label: "main.done", stmts: [], tail: { kind: "Return", value: { kind: "Unit" } } },
        ],
      },
    ],
  });
});

test("an error names the line and column, and what could have been read there", () => {
  const text = "fn main()\nmain.start:\n  x.1 = (1 +)\n  return x.1";
  try {
    readNode(Lcfg, text);
    assert.unreachable("read a bad program");
  } catch (e) {
    assert.instance(e, ReadError);
    const error = e as ReadError;
    assert.equal([error.line, error.col], [3, 13]);
    assert.is(error.message, '3:13: expected a space; found ")"');
  }
  assert.throws(() => readNode(Lcfg, "fn main()\nmain.start:\n  goto"), /^3:7: expected .*a block label; found the end of the text$/);
  assert.throws(() => readNode(Lcfg, "", "Tail"), /^1:1: expected .*"goto".*; found the end of the text$/);
  assert.throws(() => readNode(Lcfg, "return 1 2", "Tail"), /^1:9: expected .*the end of the text.*; found " 2"$/);
  assert.throws(() => readNode(Lcfg, "x", "Nope"), /Lcfg has no nonterminal Nope/);
});

test.run();

// A reader for Lalloc in (almost) its printed syntax, so that back-end tests can
// write programs by hand as text. One statement or tail per line:
//
//   fn f(a, n) refs a          starts a function (the first may be left out: main)
//   f.start:                   opens a block; its last line is its tail
//   x = alloc(32, 0x201)       alloc, alloc_array(n, init, info), a primitive,
//   y = *(x + 16): Int         call callee(args), a load, (a op b), -a, or an atom
//   *(a + 24 + 8 * i) = y      a store
//   check 0 <= i < n           inc x, dec x
//   if i < n goto L1 else L2   goto L, return a, tailcall callee(args)
//
// Atoms: 12, -3, 0x10, true, false, (), "text" (JSON escapes), &f, x.
import type * as A from "../ir-defs/generated/Lalloc.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { explainValidation, validate } from "../il/validate.js";

const name = String.raw`[A-Za-z_][A-Za-z0-9_.]*`;
const atomText = String.raw`-?(?:0x[0-9a-fA-F]+|\d+)|true|false|\(\)|"(?:[^"\\]|\\.)*"|&?${name}`;
const prims = ["print_int", "print_bool", "print_string", "read_int", "exit", "panic", "concat", "string_eq"];

export function atom(text: string): A.Atom {
  const t = text.trim();
  if (!new RegExp(`^(?:${atomText})$`).test(t)) throw new Error(`not an atom: ${t}`);
  if (/^-?(0x[0-9a-fA-F]+|\d+)$/.test(t)) return { kind: "Int", value: t.startsWith("-") ? -BigInt(t.slice(1)) : BigInt(t) };
  if (t === "true" || t === "false") return { kind: "Bool", value: t === "true" };
  if (t === "()") return { kind: "Unit" };
  if (t.startsWith('"')) return { kind: "Str", value: JSON.parse(t) as string };
  if (t.startsWith("&")) return { kind: "FunRef", name: t.slice(1) };
  return { kind: "Var", name: t };
}

const atoms = (text: string): A.Atom[] => (text.match(new RegExp(atomText, "g")) ?? []).map(atom);

/** `base + offset [+ 8 * index]` inside `*( ... )`. */
function address(text: string): { base: A.Atom; offset: bigint; index: A.Atom | null } {
  const m = new RegExp(String.raw`^(${atomText}) \+ (-?\d+)(?: \+ 8 \* (${atomText}))?$`).exec(text.trim());
  if (!m) throw new Error(`not an address: ${text}`);
  return { base: atom(m[1]!), offset: BigInt(m[2]!), index: m[3] ? atom(m[3]) : null };
}

function expression(text: string): A.CExpr {
  const t = text.trim();
  let m = /^\*\((.*)\): (.+)$/.exec(t);
  if (m) return { kind: "Load", ...address(m[1]!), type: m[2]! };
  m = /^alloc\((\S+), (\S+)\)$/.exec(t);
  if (m) return { kind: "Alloc", bytes: BigInt(m[1]!), info: BigInt(m[2]!) };
  m = /^alloc_array\((\S+), (\S+), (\S+)\)$/.exec(t);
  if (m) return { kind: "AllocArray", length: atom(m[1]!), init: atom(m[2]!), info: BigInt(m[3]!) };
  m = /^call (\S+?)\((.*)\)$/.exec(t);
  if (m) return { kind: "Call", callee: atom(m[1]!), args: atoms(m[2]!) };
  m = /^([a-z_]+)\((.*)\)$/.exec(t);
  if (m && prims.includes(m[1]!)) return { kind: "Prim", op: m[1] as A.Prim["op"], args: atoms(m[2]!) };
  m = /^\((\S+) (==|!=|<=|>=|<<|>>|<|>|\||\^|&|\+|-|\*|\/|%) (\S+)\)$/.exec(t);
  if (m) return { kind: "Binary", left: atom(m[1]!), op: m[2] as A.Binary["op"], right: atom(m[3]!) };
  m = /^([-!~])([A-Za-z_].*)$/.exec(t);
  if (m) return { kind: "Unary", op: m[1] as A.Unary["op"], arg: atom(m[2]!) };
  return atom(t);
}

function tail(t: string): A.Tail | null {
  let m = /^goto (\S+)$/.exec(t);
  if (m) return { kind: "Goto", target: m[1]! };
  m = /^if (\S+) (==|!=|<=|>=|<|>) (\S+) goto (\S+) else (\S+)$/.exec(t);
  if (m) return { kind: "Branch", left: atom(m[1]!), op: m[2] as A.Branch["op"], right: atom(m[3]!), then: m[4]!, else: m[5]! };
  m = /^return (.+)$/.exec(t);
  if (m) return { kind: "Return", value: atom(m[1]!) };
  m = /^tailcall (\S+?)\((.*)\)$/.exec(t);
  if (m) return { kind: "TailCall", callee: atom(m[1]!), args: atoms(m[2]!) };
  return null;
}

function statement(t: string): A.CStmt {
  let m = /^\*\((.*?)\) = (.+)$/.exec(t);
  if (m) return { kind: "Store", ...address(m[1]!), value: atom(m[2]!) };
  m = /^check 0 <= (\S+) < (\S+)$/.exec(t);
  if (m) return { kind: "CheckIndex", index: atom(m[1]!), length: atom(m[2]!) };
  m = /^(inc|dec) (\S+)$/.exec(t);
  if (m) return { kind: m[1] === "inc" ? "Inc" : "Dec", name: m[2]! };
  m = new RegExp(`^(${name}) = (.+)$`).exec(t);
  if (m) return { kind: "Assign", name: m[1]!, value: expression(m[2]!) };
  return { kind: "Do", expr: expression(t) };
}

/** Reads a program; throws when it is not a valid Lalloc program. */
export function lalloc(text: string): A.Program {
  const defs: A.Def[] = [];
  let def: { name: string; params: string[]; refs: string[]; blocks: A.BasicBlock[] } | null = null;
  let block: { label: string; stmts: A.CStmt[] } | null = null;
  const close = () => {
    if (block) throw new Error(`block ${block.label} has no tail`);
    if (def) defs.push({ kind: "Def", ...def });
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("//")) continue;
    const fn = new RegExp(String.raw`^fn (${name})\(([^)]*)\)(?: refs (.*))?$`).exec(line);
    if (fn) {
      close();
      def = { name: fn[1]!, params: fn[2]!.split(",").map((p) => p.trim()).filter(Boolean), refs: (fn[3] ?? "").split(",").map((p) => p.trim()).filter(Boolean), blocks: [] };
      continue;
    }
    def ??= { name: "main", params: [], refs: [], blocks: [] };
    const label = /^([A-Za-z_.][A-Za-z0-9_.]*):$/.exec(line);
    if (label) {
      if (block) throw new Error(`block ${block.label} has no tail`);
      block = { label: label[1]!, stmts: [] };
      continue;
    }
    if (!block) throw new Error(`a statement outside a block: ${line}`);
    const end = tail(line);
    if (end) {
      def.blocks.push({ kind: "BasicBlock", label: block.label, stmts: block.stmts, tail: end });
      block = null;
    } else block.stmts.push(statement(line));
  }
  close();
  const program: A.Program = { kind: "Program", defs };
  const v = validate(Lalloc, program);
  if (!v.ok) throw new Error(explainValidation(v));
  return program;
}

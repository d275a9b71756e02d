// Random well-typed Lcfg programs for the back ends (tests/backend.test.ts):
// Int variables v0..v5 start at interesting constants (the edges of 12-, 16-,
// 32- and 64-bit immediates, shift counts around 64), Bool variables b0..b2 at
// false, true, false. Each step computes a value with any operator (Int or
// Bool, unary or binary), prints an atom, or prints a comparison and branches
// on it into two blocks that print different things and meet again; at the
// end every variable is printed.
import fc from "fast-check";
import type * as Cfg from "../ir-defs/generated/Lcfg.js";
import { INT_MAX, INT_MIN } from "../ir-defs/semantics.js";

const interesting = [
  0n, 1n, -1n, 2n, 3n, -7n, 63n, 64n, 65n, 4095n, 4096n, 65535n, 65536n, -65536n,
  1n << 31n, -(1n << 31n), (1n << 31n) - 1n, 1n << 32n, INT_MIN, INT_MAX, 0x123456789abcdef0n,
];
const intOps = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"] as const;
const cmpOps = ["==", "!=", "<", "<=", ">", ">="] as const;
const boolOps = ["==", "!=", "&", "|", "^"] as const;

const int = (value: bigint): Cfg.Atom => ({ kind: "Int", value });
const variable = (name: string): Cfg.Atom => ({ kind: "Var", name });
const binary = (left: Cfg.Atom, op: Cfg.Binary["op"], right: Cfg.Atom): Cfg.Binary => ({ kind: "Binary", left, op, right });
const assign = (name: string, value: Cfg.CExpr): Cfg.CStmt => ({ kind: "Assign", name, value });
const print = (op: "print_int" | "print_bool", arg: Cfg.Atom): Cfg.CStmt => ({ kind: "Do", expr: { kind: "Prim", op, args: [arg] } });
const block = (label: string, stmts: Cfg.CStmt[], tail: Cfg.Tail): Cfg.BasicBlock => ({ kind: "BasicBlock", label, stmts, tail });

const intVar = fc.integer({ min: 0, max: 5 }).map((i) => `v${i}`);
const boolVar = fc.integer({ min: 0, max: 2 }).map((i) => `b${i}`);
const intAtom = fc.oneof(intVar.map(variable), fc.constantFrom(...interesting).map(int), fc.bigInt({ min: INT_MIN, max: INT_MAX }).map(int));
const boolAtom = fc.oneof(boolVar.map(variable), fc.boolean().map((value): Cfg.Atom => ({ kind: "Bool", value })));

type Step = { kind: "do"; stmt: Cfg.CStmt } | { kind: "branch"; left: Cfg.Atom; op: (typeof cmpOps)[number]; right: Cfg.Atom };
const does = (stmt: Cfg.CStmt): Step => ({ kind: "do", stmt });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(intVar, intAtom, fc.constantFrom(...intOps), intAtom).map(([to, l, op, r]) => does(assign(to, binary(l, op, r)))),
  fc.tuple(intVar, fc.constantFrom("-" as const, "~" as const), intAtom).map(([to, op, arg]) => does(assign(to, { kind: "Unary", op, arg }))),
  fc.tuple(boolVar, intAtom, fc.constantFrom(...cmpOps), intAtom).map(([to, l, op, r]) => does(assign(to, binary(l, op, r)))),
  fc.tuple(boolVar, boolAtom, fc.constantFrom(...boolOps), boolAtom).map(([to, l, op, r]) => does(assign(to, binary(l, op, r)))),
  fc.tuple(boolVar, boolAtom).map(([to, arg]) => does(assign(to, { kind: "Unary", op: "!", arg }))),
  intAtom.map((a) => does(print("print_int", a))),
  boolAtom.map((a) => does(print("print_bool", a))),
  fc.tuple(intAtom, fc.constantFrom(...cmpOps), intAtom).map(([left, op, right]): Step => ({ kind: "branch", left, op, right })),
);

export const randomLcfgProgram: fc.Arbitrary<Cfg.Program> = fc
  .tuple(fc.array(fc.constantFrom(...interesting), { minLength: 6, maxLength: 6 }), fc.array(step, { minLength: 1, maxLength: 25 }))
  .map(([init, steps]) => {
    const blocks: Cfg.BasicBlock[] = [];
    let label = "main.start";
    let stmts: Cfg.CStmt[] = [...init.map((x, i) => assign(`v${i}`, int(x))), ...[0, 1, 2].map((i) => assign(`b${i}`, { kind: "Bool", value: i === 1 }))];
    steps.forEach((s, k) => {
      if (s.kind === "do") return void stmts.push(s.stmt);
      const [yes, no, join] = [`main.yes${k}`, `main.no${k}`, `main.join${k}`];
      stmts.push(assign(`c${k}`, binary(s.left, s.op, s.right)), print("print_bool", variable(`c${k}`)));
      blocks.push(block(label, stmts, { kind: "Branch", left: s.left, op: s.op, right: s.right, then: yes, else: no }));
      for (const [l, value] of [[yes, 1n], [no, 0n]] as const) blocks.push(block(l, [print("print_int", int(value))], { kind: "Goto", target: join }));
      [label, stmts] = [join, []];
    });
    const end = [...[0, 1, 2, 3, 4, 5].map((i) => print("print_int", variable(`v${i}`))), ...[0, 1, 2].map((i) => print("print_bool", variable(`b${i}`)))];
    blocks.push(block(label, [...stmts, ...end], { kind: "Return", value: { kind: "Unit" } }));
    return { kind: "Program", defs: [{ kind: "Def", name: "main", params: [], refs: [], unions: [], blocks }] };
  });

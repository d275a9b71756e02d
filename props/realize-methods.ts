// What the generator adds for methods, protocols, bounds and `using` (issue
// 16), to a program realize has built: the skeleton's `methods` part says
// where, as small numbers and flags, so shrinking keeps every program well
// typed (props/generator.ts).
//
// - A function f0 or f1 whose first parameter is one of the program's records
//   (and that is never used as a value) becomes a method of that record,
//   `impl R { fn f0(self, ...) { let p0 = self; ... } }`, and each call
//   `f0(a, b)` the method call `a.f0(b)`: the receiver is evaluated first, as
//   the first argument was. One whose first parameter is an Int, Bool or
//   String becomes the method of a protocol of its own, `protocol F0 { fn
//   f0(self, ...) }` with `impl F0 for Int` (a program may implement its own
//   protocol for a built-in type).
// - Int literals in the functions' bodies become an expression that gives k
//   back, so the program means what it did (`weighed`): `(k).weight()` or
//   `heavier(k, k)`, a method of the prelude-like protocol Weigh, implemented
//   for Int and Bool (and for a record whose methods are made), and a generic
//   function bounded by it; Weigh's impls for a tuple `(k, 0).weight()`, an
//   array `array(1, k).weight()` and one instance of a generic record,
//   `heavier(Weighed { inner: k }, ...)`; a generic impl's method at two
//   instances, `Weighed { inner: k }.inner_of()` and `Weighed { inner: (k, true)
//   }.inner_of().0`, and one with a type parameter of its own, `.keep(true)`;
//   `==` and `<=` on a record through its Eq and Ord impls, `if Scored { v: k }
//   == Scored { v: k } { k } else { 0 }`.
// - A `using held_n = Held { id: n }` goes into some blocks of the functions,
//   before their last statement (which keeps their value): Held's drop prints
//   n, so the order of the drops on every way out of a block (its end,
//   `break`, `continue`, `return`) is in the output.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { rewriter } from "../il/rewrite.js";
import { forEachNode } from "../il/rewrite.js";

export interface MethodsSkel {
  /** Per function (f0, f1): make it a method of its first parameter's record. */
  readonly convert: readonly boolean[];
  /** Which Int literals of the functions' bodies (in the order met) go through Weigh: even `k.weight()`, odd `heavier(k, k)`. */
  readonly weigh: readonly number[];
  /** A `using` in the block-th block of the functions (in the order met), before its at-th
   * statement; with `exit` and an even block, the (block/2)-th of the blocks that end in `break`,
   * `continue` or `return`; with `exit` and an odd one, the (block/2)-th loop body, which then
   * ends in a `break` (even at) or a `continue` (odd at) that drops it. */
  readonly usings: readonly { readonly block: number; readonly at: number; readonly exit: boolean }[];
}

/** What each form of `weighed` is, for the coverage count. */
const weighForms = [
  "protocol method on Int", "bounded generic call", "generic impl's method at two instances (Int)", "generic impl's method at two instances (tuple)",
  "== on a record through Eq", "<= on a record through Ord", "impl for a tuple", "impl for an array", "impl for one instance of a generic record", "method with a type parameter of its own",
];

/** The constructs this adds, for the coverage count (props/constructs.ts). */
export const methodConstructs: readonly string[] = [
  "method of a record", "protocol of the program for a built-in type", "method call", "protocol method on Int", "bounded generic call", "using", "using in a loop", "using before an early exit", "using dropped by a break", "using dropped by a continue",
  ...weighForms.slice(2),
];

const int = (value: bigint): Lsrc.Int => ({ kind: "Int", value });
const param = (name: string, type: string): Lsrc.Param => ({ kind: "Param", name, type });
const block = (stmts: Lsrc.Stmt[]): Lsrc.Block => ({ kind: "Block", stmts });
const expr = (e: Lsrc.Expr): Lsrc.ExprStmt => ({ kind: "ExprStmt", expr: e });
const call = (callee: string, args: Lsrc.Expr[]): Lsrc.Call => ({ kind: "Call", callee, args });
const method = (target: Lsrc.Expr, name: string, args: Lsrc.Expr[] = []): Lsrc.MethodCall => ({ kind: "MethodCall", target, method: name, args });
const fn = (name: string, params: Lsrc.Param[], ret: string | null, stmts: Lsrc.Stmt[]): Lsrc.Fn => ({ kind: "Fn", name, params, ret, body: block(stmts) });

/** The program with methods, Weigh and usings where `skel` says; `constructs` notes what it made. */
export function withMethods(program: Lsrc.Program, skel: MethodsSkel, constructs: Set<string>): Lsrc.Program {
  const records = new Set(program.items.flatMap((i) => (i.kind === "Record" ? [i.name] : [])));
  const asValue = new Set<string>();
  forEachNode(LsrcIL, program, (node) => void (node.kind === "Var" && asValue.add(node.name as string)));
  const methods = new Map<string, string>(); // a function made a method -> its record
  const impls = new Map<string, Lsrc.Fn[]>();
  const protocols: Lsrc.Item[] = [];
  let items = program.items.filter((item) => {
    const i = item.kind === "Fn" ? /^f(\d+)$/.exec(item.name) : null;
    if (!i || item.kind !== "Fn" || !skel.convert[Number(i[1])]) return true;
    const [first, ...rest] = item.params;
    const builtin = ["Int", "Bool", "String"].includes(first?.type ?? "");
    if (!first || !(records.has(first.type) || builtin) || asValue.has(item.name)) return true;
    const let0: Lsrc.Let = { kind: "Let", decl: "let", name: first.name, type: null, init: { kind: "Var", name: "self" } };
    const asMethod: Lsrc.Fn = { ...item, params: [param("self", "Self"), ...rest], body: { ...item.body, stmts: [let0, ...item.body.stmts] } };
    if (builtin) {
      const protocol = item.name.toUpperCase();
      protocols.push({ kind: "Protocol", name: protocol, sigs: [{ kind: "Sig", name: item.name, params: asMethod.params, ret: item.ret }] });
      protocols.push({ kind: "ProtocolImpl", tparams: [], protocol, type: first.type, methods: [asMethod] });
      constructs.add("protocol of the program for a built-in type");
    } else impls.set(first.type, [...(impls.get(first.type) ?? []), asMethod]);
    methods.set(item.name, first.type);
    if (!builtin) constructs.add("method of a record");
    return false;
  });
  const weigh = new Set(skel.weigh);
  const forms = new Set<number>(); // (those used: their items are added)
  let literal = 0;
  let [blocks, exits, bodies] = [0, 0, 0];
  let held = 0;
  const exiting = (b: Lsrc.Block) => ["Break", "Continue", "Return"].includes(b.stmts[b.stmts.length - 1]?.kind ?? "");
  const usingsAt = (b: Lsrc.Block, body: boolean) => {
    const [n, e, l] = [blocks++, exiting(b) ? exits++ : -1, body ? bodies++ : -1];
    return skel.usings.filter((u) => (!u.exit ? u.block === n : u.block % 2 === 0 ? u.block / 2 === e : (u.block - 1) / 2 === l));
  };
  /** Whether the code is in a loop (of its own function), and whether a block is a loop's body. */
  const rewrite = rewriter<Lsrc.Node, { loop: boolean; body: boolean }>(LsrcIL, {
    Call(node, ctx, recur) {
      const args = node.args.map((a) => recur<Lsrc.Expr>(a, ctx));
      if (!methods.has(node.callee) || args.length === 0) return { ...node, args };
      constructs.add("method call");
      return method(args[0]!, node.callee, args.slice(1));
    },
    Int(node) {
      if (!weigh.has(literal++)) return node;
      const form = (literal - 1) % weighForms.length;
      constructs.add(weighForms[form]!);
      forms.add(form);
      return weighed(form, node.value);
    },
    While: (node, ctx, recur) => ({ ...node, cond: recur(node.cond, ctx), body: recur(node.body, { loop: true, body: true }) }),
    For: (node, ctx, recur) => ({ ...node, from: recur(node.from, ctx), to: recur(node.to, ctx), body: recur(node.body, { loop: true, body: true }) }),
    ForEach: (node, ctx, recur) => ({ ...node, iter: recur(node.iter, ctx), body: recur(node.body, { loop: true, body: true }) }),
    Lambda: (node, _ctx, recur) => ({ ...node, body: recur(node.body, { loop: false, body: false }) }),
    Block(node, ctx, recur) {
      const wanted = usingsAt(node, ctx.body);
      const stmts = node.stmts.map((s) => recur<Lsrc.Stmt>(s, { ...ctx, body: false }));
      // A using that a loop's body gets to be dropped by an escape: the body ends in one.
      const escape = wanted.find((u) => u.exit && u.block % 2 === 1);
      if (escape && !exiting(node)) {
        stmts.push(escape.at % 2 === 0 ? { kind: "Break" } : { kind: "Continue" });
        constructs.add(escape.at % 2 === 0 ? "using dropped by a break" : "using dropped by a continue");
      }
      const room = Math.max(0, stmts.length - 1); // (before the last statement, which gives the block its value or type)
      for (const u of [...wanted].sort((a, b) => b.at - a.at)) {
        const at = Math.min(u.at, room);
        const using: Lsrc.Using = { kind: "Using", name: `held_${held}`, init: { kind: "RecordLit", name: "Held", inits: [{ kind: "FieldInit", name: "id", value: int(BigInt(held++)) }] } };
        stmts.splice(at, 0, using);
        constructs.add("using");
        if (ctx.loop) constructs.add("using in a loop");
        if (node.stmts.slice(at).some((s) => s.kind === "Return" || s.kind === "Break" || s.kind === "Continue")) constructs.add("using before an early exit");
      }
      return { ...node, stmts };
    },
  });
  const body = <F extends Lsrc.Fn | Lsrc.GenericFn>(f: F): F => ({ ...f, body: rewrite(f.body, { loop: false, body: false }) as Lsrc.Block });
  items = items.map((item) => (item.kind === "Fn" || item.kind === "GenericFn" ? body(item) : item));
  for (const [record, fns] of impls) items.push({ kind: "Impl", tparams: [], type: record, methods: fns.map(body) });
  items.push(...protocols.map((p) => (p.kind === "ProtocolImpl" ? { ...p, methods: p.methods.map((m) => body(m as Lsrc.Fn)) } : p)));
  if (forms.size > 0) items.push(...weighItems([...impls.keys()]), ...[...formItems].filter(([form]) => [...forms].some((f) => form.includes(f))).flatMap(([, made]) => made()));
  if (held > 0) {
    items.push({ kind: "Record", name: "Held", fields: [{ kind: "FieldDecl", name: "id", type: "Int" }] });
    items.push({ kind: "Impl", tparams: [], type: "Held", methods: [fn("drop", [param("self", "Self")], null, [expr(call("print", [{ kind: "Field", target: { kind: "Var", name: "self" }, field: "id" }]))])] });
  }
  return { ...program, items };
}


const v = (name: string): Lsrc.Var => ({ kind: "Var", name });
const field = (target: Lsrc.Expr, name: string): Lsrc.Field => ({ kind: "Field", target, field: name });
const lit = (name: string, f: string, value: Lsrc.Expr): Lsrc.RecordLit => ({ kind: "RecordLit", name, inits: [{ kind: "FieldInit", name: f, value }] });
const ifElse = (cond: Lsrc.Expr, then: Lsrc.Expr, otherwise: Lsrc.Expr): Lsrc.If => ({ kind: "If", cond, then: block([expr(then)]), else: block([expr(otherwise)]) });

/** The form-th expression that gives the Int k back through a method, an impl or a protocol operator. */
function weighed(form: number, k: bigint): Lsrc.Expr {
  const wrap = (inner: Lsrc.Expr) => lit("Weighed", "inner", inner);
  const ranked = () => lit("Scored", "v", int(k));
  switch (form) {
    case 0: return method(int(k), "weight");
    case 1: return call("heavier", [int(k), int(k)]);
    case 2: return method(wrap(int(k)), "inner_of");
    case 3: return field(method(wrap({ kind: "Tuple", elems: [int(k), { kind: "Bool", value: true }] }), "inner_of"), "0");
    case 4: return ifElse({ kind: "Binary", op: "==", left: ranked(), right: ranked() }, int(k), int(0n));
    case 5: return ifElse({ kind: "Binary", op: "<=", left: ranked(), right: ranked() }, int(k), int(0n));
    case 6: return method({ kind: "Tuple", elems: [int(k), int(0n)] }, "weight");
    case 7: return method(call("array", [int(1n), int(k)]), "weight");
    case 8: return method(call("heavier", [wrap(int(k)), wrap(int(k))]), "inner_of");
    default: return method(wrap(int(k)), "keep", [{ kind: "Bool", value: true }]);
  }
}

const selfVar: Lsrc.Expr = { kind: "Var", name: "self" };
const weightImpl = (type: string, body: Lsrc.Expr, tparams: Lsrc.TypeParam[] = []): Lsrc.ProtocolImpl =>
  ({ kind: "ProtocolImpl", tparams, protocol: "Weigh", type, methods: [fn("weight", [param("self", "Self")], "Int", [expr(body)])] });
const tparam = (name: string): Lsrc.TypeParam => ({ kind: "TypeParam", name, bounds: [] });

/** The items the forms of `weighed` need, each list added when one of its forms is used. */
const formItems: readonly [readonly number[], () => Lsrc.Item[]][] = [
  [[2, 3, 8, 9], () => [
    { kind: "GenericRecord", name: "Weighed", tparams: [tparam("T")], fields: [{ kind: "FieldDecl", name: "inner", type: "T" }] },
    { kind: "Impl", tparams: [tparam("T")], type: "Weighed[T]", methods: [
      fn("inner_of", [param("self", "Self")], "T", [expr(field(selfVar, "inner"))]),
      { kind: "GenericFn", name: "keep", tparams: [tparam("U")], params: [param("self", "Self"), param("u", "U")], ret: "T", body: block([expr(method(selfVar, "inner_of"))]) },
    ] },
  ]],
  [[4, 5], () => {
    const cmp = ifElse({ kind: "Binary", op: "<", left: field(selfVar, "v"), right: field(v("other"), "v") }, int(-1n), ifElse({ kind: "Binary", op: "==", left: field(selfVar, "v"), right: field(v("other"), "v") }, int(0n), int(1n)));
    const one = (protocol: string, name: string, ret: string, body: Lsrc.Expr): Lsrc.ProtocolImpl =>
      ({ kind: "ProtocolImpl", tparams: [], protocol, type: "Scored", methods: [fn(name, [param("self", "Self"), param("other", "Scored")], ret, [expr(body)])] });
    return [
      { kind: "Record", name: "Scored", fields: [{ kind: "FieldDecl", name: "v", type: "Int" }] },
      one("Eq", "eq", "Bool", { kind: "Binary", op: "==", left: field(selfVar, "v"), right: field(v("other"), "v") }),
      one("Ord", "cmp", "Int", cmp),
    ];
  }],
  [[6], () => [weightImpl("(Int, Int)", field(selfVar, "0"))]],
  [[7], () => [weightImpl("Array[Int]", { kind: "Index", target: selfVar, index: int(0n) })]],
  [[8], () => [weightImpl("Weighed[Int]", field(selfVar, "inner"))]],
];

/** `protocol Weigh`, its impls for Int, Bool and the records given, and `heavier[T: Weigh]`. */
function weighItems(records: readonly string[]): Lsrc.Item[] {
  const self: Lsrc.Expr = { kind: "Var", name: "self" };
  const weight = (type: string, body: Lsrc.Expr): Lsrc.ProtocolImpl => ({ kind: "ProtocolImpl", tparams: [], protocol: "Weigh", type, methods: [fn("weight", [param("self", "Self")], "Int", [expr(body)])] });
  const weights = (x: string): Lsrc.Expr => method({ kind: "Var", name: x }, "weight");
  const cond: Lsrc.Expr = { kind: "Binary", op: ">=", left: weights("a"), right: weights("b") };
  return [
    { kind: "Protocol", name: "Weigh", sigs: [{ kind: "Sig", name: "weight", params: [param("self", "Self")], ret: "Int" }] },
    weight("Int", self),
    weight("Bool", { kind: "If", cond: self, then: block([expr(int(1n))]), else: block([expr(int(0n))]) }),
    ...records.map((r) => weight(r, int(1n))),
    {
      kind: "GenericFn", name: "heavier", tparams: [{ kind: "TypeParam", name: "T", bounds: ["Weigh"] }], params: [param("a", "T"), param("b", "T")], ret: "T",
      body: block([expr({ kind: "If", cond, then: block([expr({ kind: "Var", name: "a" })]), else: block([expr({ kind: "Var", name: "b" })]) })]),
    },
  ];
}

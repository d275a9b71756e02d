// Realizing a skeleton (tests/props/skeleton.ts) as an Lsrc program: the walk
// that knows the scope. A `pick` chooses among the variables in scope of the
// right type (and mutability, for assignments), falling back to a literal
// when there is none; `break` and `continue` appear only inside loops; loops
// get their bounds (see tests/props/generator.ts). It also names each
// construct it writes, for the coverage count.
import type * as Lsrc from "../../ir-defs/generated/Lsrc.js";
import { boolOps, compareOps, edgeInts, intAssignOps, intOps, MAX, type AnyE, type BoolE, type CallE, type FnSkeleton, type IntE, type Shared, type Skeleton, type Stmt, type Ty, type UnitE } from "./skeleton.js";

interface Variable {
  readonly name: string;
  readonly type: Ty;
  readonly mutable: boolean;
}

/** A function the code may call. */
interface Signature {
  readonly name: string;
  readonly params: readonly ("Int" | "Bool")[];
  readonly ret: Ty;
}

/** Where a piece of code is: the variables in scope, how many loops enclose it, what it may call. */
interface Context {
  readonly scope: Variable[];
  readonly loops: number;
  /** Inside a const: only literals, operators and other consts. */
  readonly constant: boolean;
  readonly callable: readonly Signature[];
}

const namePool = ["a", "b", "c", "x", "y", "n", "flag", "K0"];
const panicMessages = ["unreachable", "gave up", "bad state: \"x\"", "done\t!"];


const int = (value: bigint): Lsrc.Int => ({ kind: "Int", value });
const bool = (value: boolean): Lsrc.Bool => ({ kind: "Bool", value });
const v = (name: string): Lsrc.Var => ({ kind: "Var", name });
const bin = (left: Lsrc.Expr, op: Lsrc.Binary["op"], right: Lsrc.Expr): Lsrc.Binary => ({ kind: "Binary", left, op, right });
const call = (callee: string, ...args: Lsrc.Expr[]): Lsrc.Call => ({ kind: "Call", callee, args });
const block = (...stmts: Lsrc.Stmt[]): Lsrc.Block => ({ kind: "Block", stmts });
const exprStmt = (expr: Lsrc.Expr): Lsrc.ExprStmt => ({ kind: "ExprStmt", expr });

/** Builds the Lsrc program of a skeleton; `constructs` collects what it uses. */
export function realize(skeleton: Skeleton): { program: Lsrc.Program; constructs: Set<string> } {
  const used = new Set<string>();
  let counters = 0;

  /** The variables a name reaches (the latest binding of each name), of a type. */
  const visible = (scope: readonly Variable[], type: Ty, mutable: boolean): Variable[] => {
    const seen = new Set<string>();
    const out: Variable[] = [];
    for (let i = scope.length - 1; i >= 0; i--) {
      const x = scope[i]!;
      if (seen.has(x.name)) continue;
      seen.add(x.name);
      if (x.type === type && (!mutable || x.mutable)) out.push(x);
    }
    return out;
  };

  const variable = (ctx: Context, type: Ty, pick: number): Lsrc.Expr | null => {
    const vars = visible(ctx.scope, type, false).filter((x) => !ctx.constant || /^[A-Z]/.test(x.name));
    if (vars.length === 0) return null;
    used.add(`variable ${type}`);
    return v(vars[pick % vars.length]!.name);
  };

  const fallback = (type: Ty, pick: number): Lsrc.Expr => (type === "Int" ? int(BigInt(pick)) : type === "Bool" ? bool(pick % 2 === 0) : { kind: "Unit" });

  /** A call of a function with a result of `type`, or a literal when there is none to call. */
  const callExpr = (e: CallE, type: Ty, ctx: Context): Lsrc.Expr => {
    const candidates = ctx.constant ? [] : ctx.callable.filter((f) => f.ret === type);
    if (candidates.length === 0) return fallback(type, e.pick);
    const f = candidates[e.pick % candidates.length]!;
    let [i, b] = [0, 0];
    const args = f.params.map((p) => {
      if (p === "Int") return e.ints[i] ? intExpr(e.ints[i++]!, ctx) : int(BigInt(i++));
      return e.bools[b] ? boolExpr(e.bools[b++]!, ctx) : bool(b++ % 2 === 0);
    });
    used.add(`call ${type}`);
    if (f.params.length > 0) used.add("call with arguments");
    if (!e.indirect) return call(f.name, ...args);
    used.add("call through a variable");
    const holder = `fv${counters++}`;
    return block({ kind: "Let", decl: "let", name: holder, type: null, init: v(f.name) }, exprStmt(call(holder, ...args)));
  };

  const shared = <E>(e: Shared<E>, type: Ty, ctx: Context, self: (e: E, ctx: Context) => Lsrc.Expr): Lsrc.Expr => {
    switch (e.k) {
      case "call": return callExpr(e, type, ctx);
      case "var": return variable(ctx, type, e.pick) ?? fallback(type, e.pick);
      case "if": {
        if (ctx.constant) return self(e.then, ctx);
        used.add(`if-else ${type}`);
        const otherwise = self(e.else, ctx);
        if (otherwise.kind === "If") used.add("else if");
        return { kind: "If", cond: boolExpr(e.cond, ctx), then: block(exprStmt(self(e.then, ctx))), else: otherwise.kind === "If" ? otherwise : block(exprStmt(otherwise)) };
      }
      case "block": {
        if (ctx.constant) return self(e.value, ctx);
        used.add(`block value ${type}`);
        const inner: Context = { ...ctx, scope: [...ctx.scope] };
        const stmts = statements(e.stmts, inner, false);
        return block(...stmts, exprStmt(self(e.value, inner)));
      }
      case "never": {
        if (ctx.constant) return self(e.value, ctx);
        const escape: Lsrc.Stmt =
          ctx.loops > 0 && e.how > 0 ? (e.how === 1 ? { kind: "Break" } : { kind: "Continue" }) : exprStmt(call("panic", { kind: "Str", value: panicMessages[e.how]! }));
        used.add(`never branch (${escape.kind === "ExprStmt" ? "panic" : escape.kind.toLowerCase()})`);
        return { kind: "If", cond: boolExpr(e.cond, ctx), then: block(exprStmt(self(e.value, ctx))), else: block(escape) };
      }
    }
  };

  const intExpr = (e: IntE, ctx: Context): Lsrc.Expr => {
    switch (e.k) {
      case "lit":
        if (edgeInts.includes(e.value) && e.value !== 0n && e.value !== 1n) used.add("edge value");
        return int(e.value);
      case "read":
        if (ctx.constant) return int(7n);
        used.add("read_int");
        return call("read_int");
      case "unary":
        used.add(`unary ${e.op}`);
        return { kind: "Unary", op: e.op, arg: intExpr(e.arg, ctx) };
      case "binary": {
        used.add(`binary ${e.op}`);
        const right = intExpr(e.right, ctx);
        const divides = e.op === "/" || e.op === "%";
        return bin(intExpr(e.left, ctx), e.op, divides && (e.safe || ctx.constant) ? bin(right, "|", int(1n)) : right);
      }
      case "effect": {
        const targets = ctx.constant ? [] : visible(ctx.scope, "Int", true);
        if (targets.length === 0) return intExpr(e.result, ctx);
        used.add("assignment inside an expression");
        const name = targets[e.pick % targets.length]!.name;
        const value = intExpr(e.value, ctx);
        const assign: Lsrc.Assign = { kind: "Assign", name, op: e.op, value: e.op === "/=" || e.op === "%=" ? bin(value, "|", int(1n)) : value };
        const effect = block(assign, exprStmt(e.pick % 2 === 0 ? v(name) : intExpr(e.result, ctx)));
        // Sometimes read the variable just before: `(x - { x += 1; r })` reads the old x.
        return e.pick % 3 === 0 ? bin(v(name), "-", effect) : effect;
      }
      default: return shared(e, "Int", ctx, intExpr);
    }
  };

  const boolExpr = (e: BoolE, ctx: Context): Lsrc.Expr => {
    switch (e.k) {
      case "lit": return bool(e.value);
      case "not":
        used.add("unary !");
        return { kind: "Unary", op: "!", arg: boolExpr(e.arg, ctx) };
      case "logic":
        used.add(`binary ${e.op} Bool`);
        return bin(boolExpr(e.left, ctx), e.op, boolExpr(e.right, ctx));
      case "compare": {
        used.add(`binary ${e.op} Int`);
        const left = intExpr(e.left, ctx);
        const same = e.mirror === 0 && (left.kind === "Int" || left.kind === "Var");
        return bin(left, e.op, same ? left : intExpr(e.right, ctx));
      }
      default: return shared(e, "Bool", ctx, boolExpr);
    }
  };

  const unitExpr = (e: UnitE, ctx: Context): Lsrc.Expr => {
    switch (e.k) {
      case "unit": return { kind: "Unit" };
      case "print":
        used.add(`print ${e.ty}`);
        return call("print", e.ty === "Int" ? intExpr(e.arg as IntE, ctx) : boolExpr(e.arg as BoolE, ctx));
      case "assert": {
        used.add("assert");
        // Most asserts hold (a random Int is almost never this one), so programs go on.
        const arg = e.likely ? bin(int(0x5eed_cafen), "!=", variable(ctx, "Int", 0) ?? int(1n)) : boolExpr(e.arg, ctx);
        return call("assert", arg);
      }
      case "when": {
        used.add("if without else");
        return { kind: "If", cond: boolExpr(e.cond, ctx), then: block(...statements(e.body, { ...ctx, scope: [...ctx.scope] }, true)), else: null };
      }
      default: return shared(e, "Unit", ctx, unitExpr);
    }
  };

  const anyExpr = (e: AnyE, ctx: Context): Lsrc.Expr => (e.ty === "Int" ? intExpr(e.e, ctx) : e.ty === "Bool" ? boolExpr(e.e, ctx) : unitExpr(e.e, ctx));

  /** One statement, or none (an escape outside a loop, an assignment with no mutable variable). */
  const statement = (s: Stmt, ctx: Context): Lsrc.Stmt | null => {
    switch (s.k) {
      case "let": {
        const name = namePool[s.name % namePool.length]!;
        const init = anyExpr(s.init, ctx);
        if (visible(ctx.scope, s.init.ty, false).some((x) => x.name === name) || ctx.scope.some((x) => x.name === name)) used.add("shadowing");
        ctx.scope.push({ name, type: s.init.ty, mutable: s.mutable });
        used.add(s.mutable ? "let mut" : "let");
        if (s.annotate) used.add("let with type");
        return { kind: "Let", decl: s.mutable ? "let mut" : "let", name, type: s.annotate ? s.init.ty : null, init };
      }
      case "assign": {
        const targets = visible(ctx.scope, s.ty, true);
        if (targets.length === 0) {
          // Nothing to assign to yet: declare a mutable variable instead, so later assignments find one.
          const name = namePool[s.pick % namePool.length]!;
          const init = s.ty === "Int" ? intExpr(s.value as IntE, ctx) : boolExpr(s.value as BoolE, ctx);
          ctx.scope.push({ name, type: s.ty, mutable: true });
          used.add("let mut");
          return { kind: "Let", decl: "let mut", name, type: null, init };
        }
        used.add(`assign ${s.op}`);
        const value = s.ty === "Int" ? intExpr(s.value, ctx) : boolExpr(s.value, ctx);
        const safe = s.op === "/=" || s.op === "%=" ? bin(value, "|", int(1n)) : value;
        return { kind: "Assign", name: targets[s.pick % targets.length]!.name, op: s.op, value: s.pick % 3 === 0 ? value : safe };
      }
      case "expr": return exprStmt(anyExpr(s.expr, ctx));
      case "if": {
        used.add("if statement");
        const cond = boolExpr(s.cond, ctx);
        const then = block(...statements(s.then, { ...ctx, scope: [...ctx.scope] }, true));
        if (s.else === null) return exprStmt({ kind: "If", cond, then, else: null });
        const otherwise = block(...statements(s.else, { ...ctx, scope: [...ctx.scope] }, true));
        // `else if c { ... }`: the else block's first statement, when it is an if, becomes the chain.
        const first = otherwise.stmts[0];
        if (s.chain && otherwise.stmts.length === 1 && first?.kind === "ExprStmt" && first.expr.kind === "If") {
          used.add("else if");
          return exprStmt({ kind: "If", cond, then, else: first.expr });
        }
        return exprStmt({ kind: "If", cond, then, else: otherwise });
      }
      case "while": {
        // { let mut w = 0; while w < cap && cond { w += 1; body } }: the counter is nobody else's.
        used.add("while");
        const counter = `w${counters++}`;
        const cond = bin(bin(v(counter), "<", int(BigInt(s.cap))), "&&", boolExpr(s.cond, ctx));
        const body = statements(s.body, { ...ctx, scope: [...ctx.scope], loops: ctx.loops + 1 }, true);
        return exprStmt(
          block(
            { kind: "Let", decl: "let mut", name: counter, type: null, init: int(0n) },
            { kind: "While", cond, body: block({ kind: "Assign", name: counter, op: "+=", value: int(1n) }, ...body) },
          ),
        );
      }
      case "for": {
        used.add(s.nearMax ? "for up to MAX" : "for");
        const name = namePool[s.name % namePool.length]!;
        const small = (e: IntE) => bin(intExpr(e, ctx), "&", int(3n));
        const from = s.nearMax ? bin(int(MAX), "-", small(s.from)) : small(s.from);
        const to = s.nearMax ? int(MAX) : small(s.to);
        const inner: Context = { ...ctx, scope: [...ctx.scope, { name, type: "Int", mutable: false }], loops: ctx.loops + 1 };
        return { kind: "For", name, from, to, body: block(...statements(s.body, inner, true)) };
      }
      case "escape":
        if (ctx.loops === 0) return null;
        used.add(s.brk ? "break" : "continue");
        return s.brk ? { kind: "Break" } : { kind: "Continue" };
      case "exit":
        used.add("exit");
        return exprStmt(call("exit", intExpr(s.code, ctx)));
      case "panic":
        used.add("panic");
        return exprStmt(call("panic", { kind: "Str", value: panicMessages[s.message % panicMessages.length]! }));
    }
  };

  /** Statements in order; with `unit`, a last statement that has a value is printed instead (the block must be Unit). */
  const statements = (list: readonly Stmt[], ctx: Context, unit: boolean): Lsrc.Stmt[] => {
    const out: Lsrc.Stmt[] = [];
    let lastType: Ty = "Unit";
    for (const s of list) {
      const r = statement(s, ctx);
      if (r === null) continue;
      out.push(r);
      lastType = s.k === "expr" && r.kind === "ExprStmt" ? s.expr.ty : "Unit";
    }
    const last = out[out.length - 1];
    if (unit && last?.kind === "ExprStmt" && lastType !== "Unit") out[out.length - 1] = exprStmt(call("print", last.expr));
    return out;
  };

  // Consts first (each may use the ones before it), then main.
  const scope: Variable[] = [];
  const consts: Lsrc.Const[] = [];
  const after: Lsrc.Const[] = [];
  skeleton.consts.forEach((c, i) => {
    const name = `K${i}`;
    const ctx: Context = { scope: [...scope], loops: 0, constant: true, callable: [] };
    const value = c.ty === "Int" ? intExpr(c.value as IntE, ctx) : boolExpr(c.value as BoolE, ctx);
    used.add("const");
    (c.after ? after : consts).push({ kind: "Const", name, type: c.ty, value });
    scope.push({ name, type: c.ty, mutable: false });
  });
  // Then the functions, each of which may call the ones before it.
  const signatures: Signature[] = [];
  const before: Lsrc.Fn[] = [];
  const later: Lsrc.Fn[] = [];
  skeleton.functions.forEach((f, i) => {
    (f.after ? later : before).push(fnItem(f, `f${i}`, { scope: [...scope], loops: 0, constant: false, callable: [...signatures] }));
    signatures.push({ name: `f${i}`, params: f.params, ret: f.result.ty });
    if (f.after) used.add("fn after main");
  });
  const body = statements(skeleton.body, { scope, loops: 0, constant: false, callable: signatures }, true);
  // The program's state is what the properties can observe: print every variable still in scope.
  for (const x of [...visible(scope, "Int", false), ...visible(scope, "Bool", false)].reverse()) body.push(exprStmt(call("print", v(x.name))));
  const main: Lsrc.Fn = { kind: "Fn", name: "main", params: [], ret: null, body: block(...body) };
  return { program: { kind: "Program", items: [...consts, ...before, main, ...after, ...later] }, constructs: used };

  /** A fn item: its parameters in scope (immutable), an early return maybe, statements, its result. */
  function fnItem(f: FnSkeleton, name: string, ctx: Context): Lsrc.Fn {
    const params: Lsrc.Param[] = f.params.map((type, j) => ({ kind: "Param", name: `p${j}`, type }));
    for (const p of params) ctx.scope.push({ name: p.name, type: p.type as Ty, mutable: false });
    const stmts: Lsrc.Stmt[] = [];
    const ret = f.result.ty;
    if (f.early) {
      used.add(ret === "Unit" ? "return without a value" : "return with a value");
      const value = ret === "Unit" ? null : anyExpr(f.result, { ...ctx, scope: [...ctx.scope] });
      stmts.push(exprStmt({ kind: "If", cond: boolExpr(f.early, ctx), then: block({ kind: "Return", value }), else: null }));
    }
    stmts.push(...statements(f.body, ctx, true));
    stmts.push(exprStmt(anyExpr(f.result, ctx)));
    if (ret === "Unit") used.add("fn without a result");
    return { kind: "Fn", name, params, ret: ret === "Unit" ? null : ret, body: block(...stmts) };
  }
}

/** Every construct the generator can produce: the coverage test expects each in a sample. */
export const allConstructs: readonly string[] = [
  "variable Int", "variable Bool", "variable Unit", "read_int", "edge value", "const",
  "unary -", "unary ~", "unary !",
  ...intOps.map((op) => `binary ${op}`),
  ...compareOps.map((op) => `binary ${op} Int`),
  ...boolOps.map((op) => `binary ${op} Bool`),
  "if-else Int", "if-else Bool", "if-else Unit", "else if", "if without else", "if statement",
  "block value Int", "block value Bool", "block value Unit",
  "never branch (panic)", "never branch (break)", "never branch (continue)",
  "let", "let mut", "let with type", "shadowing",
  ...intAssignOps.map((op) => `assign ${op}`),
  "while", "for", "for up to MAX", "break", "continue",
  "print Int", "print Bool", "assert", "exit", "panic", "assignment inside an expression",
  "call Int", "call Bool", "call Unit", "call with arguments", "call through a variable",
  "return with a value", "return without a value", "fn without a result", "fn after main",
];


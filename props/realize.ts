// Realizing a skeleton (props/skeleton.ts) as an Lsrc program: the walk
// that knows the scope. A `pick` chooses among the variables in scope of the
// right type (and mutability, for assignments), falling back to a literal or
// a default value when there is none; `break` and `continue` appear only
// inside loops; loops get their bounds (see props/generator.ts). This
// file is the core (Int, Bool, Unit, control flow, the program); the other
// parts share a Walk (props/walk.ts): realize-functions.ts does calls
// and fn items, realize-data.ts strings and heap data, places.ts the paths
// into values, types.ts the records, aliases and types. Each names the
// constructs it writes, for the coverage count (constructs.ts).
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { observe } from "./places.js";
import { assignEarlier, boxSetExpr, dataExpr, dataStatement, lenExpr, projExpr, strExpr } from "./realize-data.js";
import { callExpr, closureVariables, fnItem, typeOfAny } from "./realize-functions.js";
import { lambdaExpr, letFnStmt } from "./realize-closures.js";
import { matchOver } from "./realize-match.js";
import { folds, genericFns, unionExpr } from "./realize-unions.js";
import { noteUnionItems } from "./union-coverage.js";
import { needsType, typed } from "./union-values.js";
import { edgeInts, MAX, type AnyE, type BoolE, type IntE, type Shared, type Skeleton, type Stmt, type StrE, type UnitE } from "./skeleton.js";
import { printable, scalarType, Types, type TypeInfo } from "./types.js";
import { bin, block, bool, call, exprStmt, int, kindOf, laterOperand, letStmt, namePool, prefer, str, v, type Context, type Signature, type Variable, type Walk } from "./walk.js";

const panicMessages = ["unreachable", "gave up", "bad state: \"x\"", "done\t!"];

/** Builds the Lsrc program of a skeleton; `constructs` collects what it uses. */
export function realize(skeleton: Skeleton): { program: Lsrc.Program; constructs: Set<string> } {
  const used = new Set<string>();
  let counters = 0;
  const types = new Types(skeleton.decls, skeleton.palette, skeleton.unions !== undefined);
  const paletteType = (n: number) => types.palette[n < 0 ? types.palette.length + n : n % types.palette.length]!;

  const visible = (scope: readonly Variable[], type: string | null, mutable: boolean): Variable[] => {
    const seen = new Set<string>();
    const out: Variable[] = [];
    for (let i = scope.length - 1; i >= 0; i--) {
      const x = scope[i]!;
      if (seen.has(x.name)) continue;
      seen.add(x.name);
      if ((type === null ? !x.type.startsWith("fn(") : x.type === type) && (!mutable || x.mutable)) out.push(x);
    }
    return out;
  };

  const variable = (ctx: Context, type: string, pick: number): Lsrc.Expr | null => {
    const all = visible(ctx.scope, type, false).filter((x) => !ctx.constant || /^[A-Z]/.test(x.name));
    // Half the time a `let mut` one, which a later operand may assign (`i` in `a[i] = { i = 2; 7 }`).
    const mutable = pick >= 4 ? all.filter((x) => x.mutable) : [];
    const vars = mutable.length > 0 ? mutable : all;
    if (vars.length === 0) return null;
    used.add(`variable ${kindOf(type)}`);
    return v(vars[pick % vars.length]!.name);
  };

  const fallback = (type: string, pick: number): Lsrc.Expr =>
    type === "Int" ? int(BigInt(pick)) : type === "Bool" ? bool(pick % 2 === 0) : type === "Unit" ? { kind: "Unit" } : types.defaultValue(type, pick);

  const shared = <E,>(e: Shared<E>, type: string, ctx: Context, self: (e: E, ctx: Context) => Lsrc.Expr): Lsrc.Expr => {
    switch (e.k) {
      case "call": return callExpr(w, e, type, ctx);
      case "var": return variable(ctx, type, e.pick) ?? fallback(type, e.pick);
      case "if": {
        if (ctx.constant) return self(e.then, ctx);
        used.add(`if-else ${kindOf(type)}`);
        const otherwise = self(e.else, ctx);
        if (otherwise.kind === "If") used.add("else if");
        return { kind: "If", cond: boolExpr(e.cond, ctx), then: block(exprStmt(self(e.then, ctx))), else: otherwise.kind === "If" ? otherwise : block(exprStmt(otherwise)) };
      }
      case "block": {
        if (ctx.constant) return self(e.value, ctx);
        used.add(`block value ${kindOf(type)}`);
        const inner: Context = { ...ctx, scope: [...ctx.scope] };
        const stmts = statements(e.stmts, inner, false);
        return block(...stmts, exprStmt(self(e.value, inner)));
      }
      case "never": {
        if (ctx.constant) return self(e.value, ctx);
        const escape: Lsrc.Stmt =
          ctx.loops > 0 && e.how > 0 ? (e.how === 1 ? { kind: "Break" } : { kind: "Continue" }) : exprStmt(call("panic", str(panicMessages[e.how]!)));
        used.add(`never branch (${escape.kind === "ExprStmt" ? "panic" : escape.kind.toLowerCase()})`);
        return { kind: "If", cond: boolExpr(e.cond, ctx), then: block(exprStmt(self(e.value, ctx))), else: block(escape) };
      }
      case "sideEffect": return sideEffect(e.effect, ctx, "side effect before a value", (c) => self(e.value, c));
      case "lambda": return lambdaExpr(w, e, type, ctx, self);
      case "match": return matchOver(w, e, type, ctx, self);
      case "try": case "prelude": case "generic": return unionExpr(w, e, type, ctx);
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
        const left = intExpr(e.left, ctx);
        const right = intExpr(e.right, laterOperand(ctx, left));
        const divides = e.op === "/" || e.op === "%";
        if (divides && e.safe >= 4) {
          used.add(`${e.op} by a power of two`);
          return bin(left, e.op, int([2n, 8n, 1n << 62n][e.safe - 4]!));
        }
        if (divides && e.safe === 1 && !ctx.constant) {
          used.add(`${e.op} by 1 to 16`); // its guards are dropped (drop-division-checks)
          return bin(left, e.op, bin(bin(right, "&", int(15n)), "+", int(1n)));
        }
        return bin(left, e.op, divides && (e.safe >= 2 || ctx.constant) ? bin(right, "|", int(e.safe === 3 ? -2n : 1n)) : right);
      }
      case "effect": {
        const targets = ctx.constant ? [] : visible(ctx.scope, "Int", true);
        if (targets.length === 0) return intExpr(e.result, ctx);
        used.add("assignment inside an expression");
        const name = prefer(ctx, targets, (x) => x.name, e.pick)!.name;
        const value = intExpr(e.value, e.op === "=" ? ctx : laterOperand(ctx, v(name)));
        const assign: Lsrc.Assign = { kind: "Assign", name, op: e.op, value: e.op === "/=" || e.op === "%=" ? bin(value, "|", int(1n)) : value };
        const effect = block(assign, exprStmt(e.pick % 2 === 0 ? v(name) : intExpr(e.result, ctx)));
        // Sometimes read the variable just before: `(x - { x += 1; r })` reads the old x.
        return e.pick % 3 === 0 ? bin(v(name), (["-", "+", "*", "^", "&", "|"] as const)[e.pick % 6]!, effect) : effect;
      }
      case "proj": return projExpr(w, e, "Int", ctx) ?? variable(ctx, "Int", e.pick) ?? fallback("Int", e.pick);
      case "len": return ctx.constant ? int(BigInt(e.pick)) : lenExpr(w, e, ctx);
      case "byte":
        if (ctx.constant) return int(BigInt(e.at));
        used.add("string_byte");
        return call("string_byte", strExpr(w, e.text, ctx), int(BigInt(e.at)));
      default: return shared(e, "Int", ctx, intExpr);
    }
  };

  const boolExpr = (e: BoolE, ctx: Context): Lsrc.Expr => {
    switch (e.k) {
      case "lit": return bool(e.value);
      case "not":
        used.add("unary !");
        return { kind: "Unary", op: "!", arg: boolExpr(e.arg, ctx) };
      case "effect": {
        const targets = ctx.constant ? [] : visible(ctx.scope, "Bool", true);
        if (targets.length === 0) return boolExpr(e.result, ctx);
        used.add("assignment inside an expression");
        const name = prefer(ctx, targets, (x) => x.name, e.pick)!.name;
        const effect = block({ kind: "Assign", name, op: "=", value: boolExpr(e.value, ctx) }, exprStmt(e.pick % 2 === 0 ? v(name) : boolExpr(e.result, ctx)));
        return e.pick % 3 === 0 ? bin(v(name), e.op, effect) : effect;
      }
      case "logic": {
        used.add(`binary ${e.op} Bool`);
        const left = boolExpr(e.left, ctx);
        return bin(left, e.op, boolExpr(e.right, laterOperand(ctx, left)));
      }
      case "compare": {
        used.add(`binary ${e.op} Int`);
        const left = intExpr(e.left, ctx);
        // A test of divisibility, written as `n % 2 == 0` is (what mask-remainders changes): by 2, 4, 8 or 16.
        if (e.mirror >= 2 && (e.op === "==" || e.op === "!=")) {
          used.add("binary % Int");
          const power = e.right.k === "lit" ? 2n << BigInt.asUintN(2, e.right.value) : 2n;
          return bin(bin(left, "%", int(power)), e.op, int(0n));
        }
        const same = e.mirror === 0 && (left.kind === "Int" || left.kind === "Var");
        return bin(left, e.op, same ? left : intExpr(e.right, laterOperand(ctx, left)));
      }
      case "strcmp": {
        if (ctx.constant) return bool(e.op === "==");
        used.add(`binary ${e.op} String`);
        const left = strExpr(w, e.left, ctx);
        const same = e.mirror === 0 && (left.kind === "Str" || left.kind === "Var");
        return bin(left, e.op, same ? left : strExpr(w, e.right, laterOperand(ctx, left)));
      }
      case "proj": return projExpr(w, e, "Bool", ctx) ?? variable(ctx, "Bool", e.pick) ?? fallback("Bool", e.pick);
      default: return shared(e, "Bool", ctx, boolExpr);
    }
  };

  const unitExpr = (e: UnitE, ctx: Context): Lsrc.Expr => {
    switch (e.k) {
      case "unit": return { kind: "Unit" };
      case "print":
        used.add(`print ${e.ty}`);
        return call("print", e.ty === "Int" ? intExpr(e.arg as IntE, ctx) : e.ty === "Bool" ? boolExpr(e.arg as BoolE, ctx) : strExpr(w, e.arg as StrE, ctx));
      case "write":
        used.add("write_string");
        return call("write_string", strExpr(w, e.arg, ctx));
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
      case "boxSet": return boxSetExpr(w, e, ctx);
      default: return shared(e, "Unit", ctx, unitExpr);
    }
  };

  const typeOf = (e: AnyE): TypeInfo => typeOfAny(types, e);

  const anyExpr = (e: AnyE, ctx: Context): Lsrc.Expr => {
    switch (e.ty) {
      case "Int": return intExpr(e.e, ctx);
      case "Bool": return boolExpr(e.e, ctx);
      case "Unit": return unitExpr(e.e, ctx);
      case "String": return strExpr(w, e.e, ctx);
      case "Data": return dataExpr(w, e.e, paletteType(e.type).canon, ctx);
    }
  };

  /** One statement as none, one or a few (an escape outside a loop, an assignment with nothing to assign to: none);
   * `type`: the value's type when it is an expression statement, else Unit. */
  const statement = (s: Stmt, ctx: Context): { stmts: Lsrc.Stmt[]; type: string } => {
    const one = (stmt: Lsrc.Stmt) => ({ stmts: [stmt], type: "Unit" });
    switch (s.k) {
      case "let": {
        const name = namePool[s.name % namePool.length]!;
        const type = typeOf(s.init);
        const init = anyExpr(s.init, ctx);
        if (ctx.scope.some((x) => x.name === name)) used.add("shadowing");
        ctx.scope.push({ name, type: type.canon, mutable: s.mutable });
        used.add(s.mutable ? "let mut" : "let");
        if (s.annotate) used.add(type.written !== type.canon ? "let with an alias type" : type.depth > 0 ? "let with a heap type" : "let with type");
        // A value whose type arguments nothing in it fixes (`None`) gets its type written (realize-unions.ts).
        const annotate = s.annotate || needsType(w, init);
        if (!s.annotate && annotate) used.add("let typed to fix a type argument");
        return one({ kind: "Let", decl: s.mutable ? "let mut" : "let", name, type: annotate ? type.written : null, init });
      }
      case "assign": {
        const earlier = assignEarlier(w, s, ctx);
        if (earlier !== null) return one(earlier);
        if (s.ty !== "Int" && s.ty !== "Bool") return { stmts: dataStatement(w, s, ctx), type: "Unit" };
        const targets = visible(ctx.scope, s.ty, true);
        if (targets.length === 0) {
          // Nothing to assign to yet: declare a mutable variable instead, so later assignments find one.
          const name = namePool[s.pick % namePool.length]!;
          const init = s.ty === "Int" ? intExpr(s.value as IntE, ctx) : boolExpr(s.value as BoolE, ctx);
          ctx.scope.push({ name, type: s.ty, mutable: true });
          used.add("let mut");
          return one({ kind: "Let", decl: "let mut", name, type: null, init });
        }
        used.add(`assign ${s.op}`);
        const name = prefer(ctx, targets, (x) => x.name, s.pick)!.name;
        // `x op= e` reads x first.
        const inner = s.op === "=" ? ctx : laterOperand(ctx, v(name));
        const value = s.ty === "Int" ? intExpr(s.value, inner) : boolExpr(s.value, inner);
        const safe = s.op === "/=" || s.op === "%=" ? bin(value, "|", int(1n)) : value;
        return one({ kind: "Assign", name, op: s.op, value: s.pick % 3 === 0 ? value : safe });
      }
      case "expr": {
        const type = typeOf(s.expr).canon;
        if (type !== "Unit" && !printable(type)) used.add("heap value dropped unused");
        return { stmts: [exprStmt(typed(w, anyExpr(s.expr, ctx), type))], type };
      }
      case "if": {
        used.add("if statement");
        const cond = boolExpr(s.cond, ctx);
        const then = block(...statements(s.then, { ...ctx, scope: [...ctx.scope] }, true));
        if (s.else === null) return one(exprStmt({ kind: "If", cond, then, else: null }));
        const otherwise = block(...statements(s.else, { ...ctx, scope: [...ctx.scope] }, true));
        // `else if c { ... }`: the else block's first statement, when it is an if, becomes the chain.
        const first = otherwise.stmts[0];
        if (s.chain && otherwise.stmts.length === 1 && first?.kind === "ExprStmt" && first.expr.kind === "If") {
          used.add("else if");
          return one(exprStmt({ kind: "If", cond, then, else: first.expr }));
        }
        return one(exprStmt({ kind: "If", cond, then, else: otherwise }));
      }
      case "while": {
        // { let mut w = 0; while w < cap && cond { w += 1; body } }: the counter is nobody else's.
        used.add("while");
        const counter = `w${counters++}`;
        const start = letStmt(counter, int(0n), true);
        const step: Lsrc.Assign = { kind: "Assign", name: counter, op: "+=", value: int(1n) };
        const turns = bin(v(counter), "<", int(BigInt(s.cap)));
        const inLoop = (): Context => ({ ...ctx, scope: [...ctx.scope], loops: ctx.loops + 1 });
        if (s.cap === 4) {
          // Over a flag, set first in each turn: { let mut w = 0; let mut go = true; while go { w += 1; go = w < 4 && cond; body } }.
          used.add("while over a flag");
          const flag = w.fresh("go");
          const update: Lsrc.Assign = { kind: "Assign", name: flag, op: "=", value: bin(turns, "&&", boolExpr(s.cond, inLoop())) };
          const body = statements(s.body, inLoop(), true);
          return one(exprStmt(block(start, letStmt(flag, bool(true), true), { kind: "While", cond: v(flag), body: block(step, update, ...body) })));
        }
        const cond = bin(turns, "&&", boolExpr(s.cond, ctx));
        const body = statements(s.body, inLoop(), true);
        return one(exprStmt(block(start, { kind: "While", cond, body: block(step, ...body) })));
      }
      case "for": {
        used.add(s.nearMax ? "for up to MAX" : "for");
        const name = namePool[s.name % namePool.length]!;
        const small = (e: IntE, c = ctx) => bin(intExpr(e, c), "&", int(3n));
        // From a variable x, `for i in x..(x + (e & 3))`: at most 3 turns (none when x + 3 wraps); or none, `for i in x..x`.
        const first = s.nearMax || s.from.k !== "var" ? null : variable(ctx, "Int", s.from.pick);
        if (first !== null) used.add("for from a variable");
        const upTo = (x: Lsrc.Expr) => (s.to.k === "var" ? x : bin(x, "+", small(s.to, laterOperand(ctx, x))));
        const from = first ?? (s.nearMax ? bin(int(MAX), "-", small(s.from)) : small(s.from));
        const to = s.nearMax ? int(MAX) : first !== null ? upTo(first) : small(s.to);
        const inner: Context = { ...ctx, scope: [...ctx.scope, { name, type: "Int", mutable: false }], loops: ctx.loops + 1 };
        const scaled = s.scale === null ? [] : [exprStmt(call("print", bin(v(name), "*", int(s.scale))))];
        if (scaled.length > 0) used.add("for printing its counter times a literal");
        return one({ kind: "For", name, from, to, body: block(...scaled, ...statements(s.body, inner, true)) });
      }
      case "escape":
        if (ctx.loops === 0) return { stmts: [], type: "Unit" };
        used.add(s.brk ? "break" : "continue");
        return one(s.brk ? { kind: "Break" } : { kind: "Continue" });
      case "exit":
        used.add("exit");
        return one(exprStmt(call("exit", intExpr(s.code, ctx))));
      case "callLet": {
        // Every function gets called now and then, whatever its result type.
        const callable = [...ctx.callable, ...closureVariables(ctx)];
        if (callable.length === 0) return { stmts: [], type: "Unit" };
        const ret = callable[s.call.pick % callable.length]!.ret;
        const call = callExpr(w, s.call, ret, ctx);
        if (ret === "Unit") return one(exprStmt(call));
        const name = namePool[s.name % namePool.length]!;
        ctx.scope.push({ name, type: ret, mutable: false });
        used.add("let");
        return one({ kind: "Let", decl: "let", name, type: null, init: call });
      }
      case "letFn": return one(letFnStmt(w, s, namePool[s.name % namePool.length]!, ctx));
      case "panic":
        used.add(s.text === null ? "panic" : "panic with a computed message");
        return one(exprStmt(call("panic", s.text === null ? str(panicMessages[s.message % panicMessages.length]!) : strExpr(w, s.text, ctx))));
      default: return { stmts: dataStatement(w, s, ctx), type: "Unit" };
    }
  };

  /** Statements in order; with `unit`, a last statement that has a value is printed, or followed by `()` (the block must be Unit). */
  const statements = (list: readonly Stmt[], ctx: Context, unit: boolean): Lsrc.Stmt[] => {
    const out: Lsrc.Stmt[] = [];
    let lastType = "Unit";
    for (const s of list) {
      const r = statement(s, ctx);
      if (r.stmts.length === 0) continue;
      out.push(...r.stmts);
      lastType = r.type;
    }
    const last = out[out.length - 1];
    if (unit && last?.kind === "ExprStmt" && lastType !== "Unit") {
      if (printable(lastType)) out[out.length - 1] = exprStmt(call("print", last.expr));
      else out.push(exprStmt({ kind: "Unit" }));
    }
    return out;
  };

  const sideEffect = (effect: Stmt, ctx: Context, construct: string, value: (ctx: Context) => Lsrc.Expr): Lsrc.Expr => {
    // An assignment changes some variable in scope, whatever its type, so that the effect shows.
    const assign = effect.k === "assign" && !ctx.constant ? assignEarlier(w, effect, ctx, true) : null;
    const stmts = ctx.constant ? [] : assign !== null ? [assign] : statements([effect], { ...ctx, scope: [...ctx.scope] }, false);
    if (stmts.length === 0) return value(ctx);
    used.add(construct);
    // What the effect would declare (`let x = f()`, or a variable to assign when there is none) is only computed.
    return block(...stmts.map((s) => (s.kind === "Let" ? exprStmt(s.type === null ? s.init : typed(w, s.init, s.type)) : s)), exprStmt(value(ctx)));
  };

  const w: Walk = { used, types, items: new Map(), wideConcats: 0, fresh: (prefix) => `${prefix}${counters++}`, visible, variable, fallback, int: intExpr, bool: boolExpr, any: anyExpr, shared, statements, sideEffect };

  // The records and aliases first; then consts (each may use the ones before it), then main.
  if (types.items.some((d) => d.item.kind === "TypeAlias")) used.add("type alias");
  if (types.items.some((d) => d.item.kind === "Record")) used.add("record");
  if (types.items.some((d) => d.after)) used.add("type declared after main");
  const scope: Variable[] = [];
  const consts: Lsrc.Const[] = [];
  const after: Lsrc.Const[] = [];
  skeleton.consts.forEach((c, i) => {
    const name = `K${i}`;
    const ctx: Context = { scope: [...scope], loops: 0, constant: true, callable: [], main: false, earlier: [] };
    const value = c.ty === "Int" ? intExpr(c.value as IntE, ctx) : c.ty === "Bool" ? boolExpr(c.value as BoolE, ctx) : strExpr(w, c.value as StrE, ctx);
    used.add(c.ty === "String" ? "const String" : "const");
    (c.after ? after : consts).push({ kind: "Const", name, type: c.ty, value });
    scope.push({ name, type: c.ty, mutable: false });
  });
  // Then the functions, each of which may call the ones before it: with the `unions` switch, first
  // the structurally recursive ones and the generic ones (props/realize-unions.ts).
  const signatures: Signature[] = [];
  const before: Lsrc.Item[] = [];
  const later: Lsrc.Fn[] = [];
  if (skeleton.unions) {
    const base: Context = { scope: [...scope], loops: 0, constant: false, callable: [], main: false, earlier: [] };
    const recursive = folds(w, skeleton.unions.folds, base);
    signatures.push(...recursive.signatures);
    before.push(...recursive.items, ...genericFns(w, skeleton.unions.generics, { ...base, callable: [...signatures] }));
  }
  skeleton.functions.forEach((f, i) => {
    const params = f.params.map((p) => (typeof p === "number" ? paletteType(p) : scalarType(p)));
    const result = typeOf(f.result).canon;
    (f.after ? later : before).push(fnItem(w, f, `f${i}`, params, { scope: [...scope], loops: 0, constant: false, callable: [...signatures], main: false, earlier: [], result, fn: `f${i}` }));
    signatures.push({ name: `f${i}`, params: params.map((p) => p.canon), ret: result });
    if (f.after) used.add("fn after main");
  });
  const body = statements(skeleton.body, { scope, loops: 0, constant: false, callable: signatures, main: true, earlier: [], result: "Unit" }, true);
  // The program's state is what the properties can observe: print everything in every variable still in scope.
  for (const x of visible(scope, null, false).reverse()) body.push(...observe(w, v(x.name), x.type));
  if (skeleton.tail && signatures.some((f) => f.ret === "Unit")) {
    used.add("call ending main");
    body.push(exprStmt(callExpr(w, skeleton.tail, "Unit", { scope, loops: 0, constant: false, callable: signatures, main: true, earlier: [] })));
  }
  const main: Lsrc.Fn = { kind: "Fn", name: "main", params: [], ret: null, body: block(...body) };
  const decls = (late: boolean) => types.items.filter((d) => d.after === late).map((d) => d.item);
  const program: Lsrc.Program = { kind: "Program", items: [...decls(false), ...consts, ...before, main, ...after, ...later, ...w.items.values(), ...decls(true)] };
  if (types.unions !== null) noteUnionItems(w, program);
  return { program, constructs: used };
}

// The typing rules of statements and expressions (part of check-types): each
// function checks one construct of Lsrc and returns its Ltyped version with its
// type. The rules, one per construct, are those of spec/language.md; the
// operator rules live in front-end/types.ts.
//
// Scopes: a block opens a scope, a `for` body another one holding the loop
// variable. A `let` may shadow any name, in the same block or an outer one;
// the new binding starts after its initialiser. Consts, fns and constructors
// are global. A use of a generic item gets its type arguments by inference
// (inference.ts): a call of a generic fn becomes a GenericCall stating them.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import { didYouMean } from "./diagnostics.js";
import { unreachable, type Loc } from "../il/node.js";
import { checkAssignable, checkConstruct, checkField, checkForEach, checkIndex, checkMethodCall, checkRecordLit, methodsOf, checkSetField, checkSetIndex, checkTuple, checkUpdate } from "./check-data.js";
import { checkMatch, checkTry } from "./check-match.js";
import { arrowHint, bind, expectType, implFix, joinTypes, known, lookup, made, mustKnow, namesInScope, neverValue, tailLoc, use, withinBoundary, type Binding, type Checker, type Signature, type Typed } from "./checker.js";
import { giveUp, instantiate, substitute, unify, writeType } from "./inference.js";
import { binaryTyping, unaryTyping } from "./operators.js";
import { hasImpl, lookupMethod } from "./protocols.js";
import { BoolType, elementOf, ErrorType, IntType, isType, NeverType, show, silent, StringType, typeText, UnitType, type Type } from "./types.js";
import { typeLocOf } from "./parser.js";
import { boundaryOf, checkChannel, checkScope, checkSpawn, checkYield } from "./check-tasks.js";
import { builtins, hiddenBuiltin } from "./prelude.js";


// A block's type is that of its last statement if that is an expression,
// Never if it is break or continue, Unit otherwise.
export function checkBlock(c: Checker, b: Lsrc.Block): Typed<Ltyped.Block> {
  c.scope = { names: null, parent: c.scope };
  const stmts: Ltyped.Stmt[] = [];
  let type: Type = UnitType;
  for (const s of b.stmts) {
    const checked = checkStatement(c, s);
    stmts.push(checked.node);
    type = checked.type;
  }
  c.scope = c.scope.parent;
  return { node: { ...b, stmts }, type };
}

/** A statement, with the type it gives a block that ends with it. */
function checkStatement(c: Checker, s: Lsrc.Stmt): Typed<Ltyped.Stmt> {
  switch (s.kind) {
    case "Let": {
      const init = checkExpr(c, s.init);
      let type: Type = init.type === NeverType ? UnitType : init.type;
      if (s.type !== null) {
        type = c.data.resolve(s.type, typeLocOf(s) ?? s.loc, c.typeScope);
        expectType(c, init.type, type, tailLoc(s.init));
      }
      bind(c, s.name, { type, mutable: s.decl === "let mut", what: "let", loc: s.loc });
      return { node: writeType(c.inference, c.types, { ...s, type: "", init: init.node }, "type", type), type: UnitType };
    }
    case "Using": return { node: checkUsing(c, s), type: UnitType };
    case "Assign": return { node: checkAssign(c, s), type: UnitType };
    case "SetField": return { node: checkSetField(c, s), type: UnitType };
    case "SetIndex": return { node: checkSetIndex(c, s), type: UnitType };
    case "ForEach": return { node: checkForEach(c, s), type: UnitType };
    case "While": {
      const cond = checkExpr(c, s.cond);
      expectType(c, cond.type, BoolType, s.cond.loc);
      c.loops++;
      const body = checkBlock(c, s.body);
      c.loops--;
      return { node: { ...s, cond: cond.node, body: body.node }, type: UnitType };
    }
    case "For": {
      const from = checkExpr(c, s.from);
      expectType(c, from.type, IntType, s.from.loc);
      const to = checkExpr(c, s.to);
      expectType(c, to.type, IntType, s.to.loc);
      c.scope = { names: new Map([[s.name, { type: IntType, mutable: false, what: "for", loc: s.loc } as Binding]]), parent: c.scope };
      c.loops++;
      const body = checkBlock(c, s.body);
      c.loops--;
      c.scope = c.scope.parent;
      return { node: { ...s, from: from.node, to: to.node, body: body.node }, type: UnitType };
    }
    case "Return": return { node: checkReturn(c, s), type: NeverType };
    case "Break":
    case "Continue":
      if (c.loops === 0) {
        const word = s.kind === "Break" ? "break" : "continue";
        const boundary = boundaryOf(c);
        if (boundary === "spawn") c.sink.report(s.loc, `\`${word}\` cannot leave a spawned block: the loop it would ${word} is outside the task`);
        else c.sink.report(s.loc, `\`${word}\` outside a loop${boundary === "lambda" ? " (it cannot leave the anonymous function around it)" : ""}`);
      }
      return { node: s, type: NeverType };
    case "ExprStmt": {
      const e = checkExpr(c, s.expr);
      return { node: { ...s, expr: e.node }, type: e.type };
    }
    default: return unreachable(s);
  }
}

// `using r = e` binds r like a `let`, and e's type needs a method `fn drop(self)` returning Unit
// (brief §6: `drop(self)`); a `drop` of another signature is shown where it is declared.
function checkUsing(c: Checker, s: Lsrc.Using): Ltyped.Using {
  const init = checkExpr(c, s.init);
  const type = mustKnow(c, init.type, tailLoc(s.init));
  // `using r = { return }`: there is never an r whose drop could run.
  if (type === NeverType) neverValue(c, tailLoc(s.init), "`using` needs a value to drop");
  else if (!silent(type)) {
    const found = lookupMethod(c.protocols, type, "drop", c.types);
    if ("methods" in found) c.sink.report(s.loc, `\`using\` needs a method \`drop(self)\` on ${show(type)}, which has none${methodsOf(c, type, found.methods)}`);
    else if (found.params.length > 0 || !isType(found.ret, UnitType)) {
      const note = found.loc ? [{ loc: found.loc, message: `its \`drop\` is declared here` }] : [];
      const how = found.params.length > 0 ? `takes ${found.params.length} parameter${found.params.length > 1 ? "s" : ""} after \`self\`` : `returns ${show(found.ret)}`;
      c.sink.report(s.loc, `\`using\` needs \`fn drop(self)\` on ${show(type)}, with no other parameter and returning Unit, but its \`drop\` ${how}`, note);
    }
    else if (found.impl) c.pendingBounds.push({ params: found.impl.tparams, args: found.targs, loc: s.loc, what: `the method \`drop\` of \`${show(found.impl.type)}\`` });
  }
  bind(c, s.name, { type, mutable: false, what: "let", loc: s.loc });
  return writeType(c.inference, c.types, { ...s, type: "", init: init.node }, "type", type);
}

// `x = e` needs `x` declared `let mut` and e of x's type; `x op= e` is typed as `x = x op e`.
function checkAssign(c: Checker, s: Lsrc.Assign): Ltyped.Assign {
  const value = checkExpr(c, s.value);
  if (checkAssignable(c, s.name, s.loc)) checkUpdate(c, s.op, lookup(c, s.name)!.type, value, s.value, s.loc);
  return { ...s, value: value.node };
}

/** An expression's Ltyped form and its type, with what inference knows so far written in. */
export function checkExpr(c: Checker, e: Lsrc.Expr): Typed<Ltyped.Expr> {
  const checked = typeOfExpr(c, e);
  return checked.type.open ? { node: checked.node, type: known(c, checked.type) } : checked;
}

function typeOfExpr(c: Checker, e: Lsrc.Expr): Typed<Ltyped.Expr> {
  switch (e.kind) {
    case "Int": return { node: e, type: IntType };
    case "Bool": return { node: e, type: BoolType };
    case "Unit": return { node: e, type: UnitType };
    case "Str": return { node: e, type: StringType };
    case "Var": {
      const b = lookup(c, e.name);
      if (b) return { node: e, type: b.type };
      const constant = c.constants.get(e.name);
      if (constant) {
        use(c, e.name);
        return { node: e, type: constant.type };
      }
      const fn = c.functions.get(e.name);
      if (fn !== undefined && e.name !== "main") return fnValue(c, e, fn);
      if (c.data.ctors.has(e.name)) return checkConstruct(c, e.name, null, e.loc);
      if (e.name === "main") c.sink.report(e.loc, "`main` cannot be called or used as a value");
      else if (e.name === "self") c.sink.report(e.loc, "`self` outside a method: only a method in an impl has `self`");
      else if (builtins.has(e.name)) c.sink.report(e.loc, `\`${e.name}\` is a function: call it with \`${e.name}(...)\``);
      else c.sink.report(e.loc, `unknown name \`${e.name}\`${didYouMean(e.name, namesInScope(c))}`);
      return { node: e, type: ErrorType };
    }
    case "Binary": {
      const left = checkExpr(c, e.left);
      const right = checkExpr(c, e.right);
      settleOperands(c, e.op, left.type, right.type);
      const [leftType, rightType] = [known(c, left.type), known(c, right.type)];
      const viaProtocol = protocolOperator(c, e, left, right, leftType, rightType);
      if (viaProtocol) return viaProtocol;
      if (isType(leftType, BoolType) && ["<", "<=", ">", ">="].includes(e.op)) return boolOrder(c, e, left.node, right.node, rightType);
      if (isType(leftType, StringType) && ["<", "<=", ">", ">="].includes(e.op)) {
        // Strings order byte by byte: `a < b` is `string_cmp(a, b) < 0` (the prelude's Ord agrees).
        expectType(c, rightType, StringType, e.right.loc);
        const cmp: Ltyped.Prim = { kind: "Prim", op: "string_cmp", args: [left.node, right.node], ...(e.loc ? { loc: e.loc } : {}) };
        return { node: { ...e, left: cmp, right: { kind: "Int", value: 0n, ...(e.loc ? { loc: e.loc } : {}) } }, type: BoolType };
      }
      if (isType(leftType, StringType) && (e.op === "+" || e.op === "==" || e.op === "!=")) {
        // Strings: `+` concatenates, `==` and `!=` compare bytes.
        expectType(c, rightType, StringType, e.right.loc);
        const prim: Ltyped.Prim = { kind: "Prim", op: e.op === "+" ? "concat" : "string_eq", args: [left.node, right.node], loc: e.loc };
        if (e.op === "+") return { node: prim, type: StringType };
        return { node: e.op === "==" ? prim : { kind: "Unary", op: "!", arg: prim, loc: e.loc }, type: BoolType };
      }
      const typing = binaryTyping(e.op, leftType, rightType);
      if (typing.error) {
        c.sink.report(typing.error.side === "left" ? e.left.loc : e.right.loc, typing.error.message);
        giveUp(c.inference, leftType);
        giveUp(c.inference, rightType);
      }
      return { node: { ...e, left: left.node, right: right.node }, type: typing.type };
    }
    case "Unary": {
      const arg = checkExpr(c, e.arg);
      if (known(c, arg.type).kind === "var") unify(c.inference, arg.type, e.op === "!" ? BoolType : IntType);
      const typing = unaryTyping(e.op, known(c, arg.type));
      if (typing.error) c.sink.report(e.arg.loc, typing.error.message);
      return { node: { ...e, arg: arg.node }, type: typing.type };
    }
    case "Block": return checkBlock(c, e);
    case "If": return checkIf(c, e);
    case "Call": return checkCall(c, e);
    case "Tuple": return checkTuple(c, e);
    case "Field": return checkField(c, e);
    case "Index": return checkIndex(c, e);
    case "RecordLit": return checkRecordLit(c, e);
    case "MethodCall": return checkMethodCall(c, e);
    case "Match": return checkMatch(c, e);
    case "Try": return checkTry(c, e);
    case "Lambda": return checkLambda(c, e);
    case "Apply": return checkApply(c, e);
    case "Scope": return checkScope(c, e);
    case "Spawn": return checkSpawn(c, e);
    case "Channel": return checkChannel(c, e);
    default: return unreachable(e);
  }
}

/** `==` `!=` on a type other than Int, Bool and String call the prelude's Eq (`a.eq(b)`), and
 * `<` `<=` `>` `>=` on a type other than Int, Bool and String its Ord (`a.cmp(b) < 0`): a type parameter needs
 * the bound, any other type an impl. Null for the operators' own rules (operators.ts). */
function protocolOperator(c: Checker, e: Lsrc.Binary, left: Typed<Ltyped.Expr>, right: Typed<Ltyped.Expr>, leftType: Type, rightType: Type): Typed<Ltyped.Expr> | null {
  const equality = e.op === "==" || e.op === "!=";
  if (!equality && !["<", "<=", ">", ">="].includes(e.op)) return null;
  const h = leftType.head;
  const userType = h.kind === "param" || (h.kind === "named" && (c.data.records.has(h.name) || c.data.unions.has(h.name)));
  if (!userType) return null;
  const [protocol, method, bound] = equality ? [c.preludeEq, "eq", "Eq"] : [c.preludeOrd, "cmp", "Ord"];
  if (protocol === null || !hasImpl(c.protocols, leftType, protocol, c.data)) {
    const fix = implFix(c, protocol ?? bound, leftType);
    c.sink.report(e.left.loc, `\`${e.op}\` on ${show(leftType)} needs an impl of ${bound} (${fix})`);
    return { node: { ...e, left: left.node, right: right.node }, type: BoolType };
  }
  expectType(c, rightType, leftType, e.right.loc);
  const call: Ltyped.MethodCall = { kind: "MethodCall", target: left.node, type: "", method, args: [right.node], ...(e.loc ? { loc: e.loc } : {}) };
  writeType(c.inference, c.types, call, "type", leftType);
  const loc = e.loc ? { loc: e.loc } : {};
  if (e.op === "==") return { node: call, type: BoolType };
  if (e.op === "!=") return { node: { kind: "Unary", op: "!", arg: call, ...loc }, type: BoolType };
  return { node: { kind: "Binary", op: e.op, left: call, right: { kind: "Int", value: 0n, ...loc }, ...loc }, type: BoolType };
}

/** `<` `<=` `>` `>=` on Bool, where `false < true` (brief §6, as the prelude's Ord says): both
 * operands evaluated, in order, without a branch: `a < b` is `!a & b`, `a <= b` is `!a | b`,
 * `a > b` is `a & !b` and `a >= b` is `a | !b`. */
function boolOrder(c: Checker, e: Lsrc.Binary, left: Ltyped.Expr, right: Ltyped.Expr, rightType: Type): Typed<Ltyped.Expr> {
  expectType(c, rightType, BoolType, e.right.loc);
  const loc = e.loc ? { loc: e.loc } : {};
  const not = (arg: Ltyped.Expr): Ltyped.Expr => ({ kind: "Unary", op: "!", arg, ...loc });
  const [a, b] = e.op === "<" || e.op === "<=" ? [not(left), right] : [left, not(right)];
  return { node: { kind: "Binary", op: e.op === "<" || e.op === ">" ? "&" : "|", left: a, right: b, ...loc }, type: BoolType };
}

/** Before an operator's rule: an operand whose type inference has not found yet gets the
 * operator's (Int for arithmetic and order, Bool for && and ||, the other side's for the rest);
 * one whose type is known in part (`None`: an Option of what?) gets the rest from the other
 * side, so that `None == r` is `r == None`. */
function settleOperands(c: Checker, op: string, left: Type, right: Type): void {
  const want = op === "&&" || op === "||" ? BoolType : ["==", "!=", "&", "|", "^"].includes(op) ? null : IntType;
  for (const side of [left, right]) {
    const type = known(c, side);
    if (type.kind === "var" && want) unify(c.inference, side, want);
    else if (type.kind === "var" || (type.open && want !== BoolType)) unify(c.inference, left, right);
  }
}

// `if c {a} else {b}`: c is Bool, a and b have one type (Never joins any); no else: Unit.
function checkIf(c: Checker, e: Lsrc.If): Typed<Ltyped.If> {
  const cond = checkExpr(c, e.cond);
  expectType(c, cond.type, BoolType, e.cond.loc);
  const then = checkBlock(c, e.then);
  if (e.else === null) return { node: { ...e, cond: cond.node, then: then.node, else: null }, type: UnitType };
  const otherwise = checkExpr(c, e.else);
  const type = joinTypes(c, then.type, otherwise.type);
  if (type === null) c.sink.report(tailLoc(e.else), `expected ${show(then.type)}, found ${show(otherwise.type)} (\`if\` and \`else\` must have the same type)`);
  return { node: { ...e, cond: cond.node, then: then.node, else: otherwise.node }, type: type ?? ErrorType };
}

// `return e` needs e to fit the function's result type; `return` alone, Unit.
function checkReturn(c: Checker, s: Lsrc.Return): Ltyped.Return {
  if (boundaryOf(c) === "spawn") c.sink.report(s.loc, "`return` cannot leave a spawned block: a task has no function to return from (let the block end instead)");
  if (s.value === null) {
    if (!unify(c.inference, UnitType, c.result)) c.sink.report(s.loc, `missing return value: the function returns ${show(c.result)}`);
    return { ...s, value: { kind: "Unit", loc: s.loc } };
  }
  const value = checkExpr(c, s.value);
  expectType(c, value.type, c.result, tailLoc(s.value), arrowHint(c, value.type) ?? `the function returns ${show(c.result)}`);
  return { ...s, value: value.node };
}

/** A fn item used as a value: a generic one with the type arguments inference finds for it. */
function fnValue(c: Checker, e: Lsrc.Var, fn: Signature): Typed<Ltyped.Expr> {
  use(c, e.name);
  if (fn.tparams.length === 0) return { node: e, type: fn.type };
  const { args, sub } = instantiate(c.inference, c.types, fn.tparams, e.name, e.loc);
  c.pendingBounds.push({ params: fn.tparams, args, loc: e.loc, what: `\`${e.name}\`` });
  const node: Ltyped.FnInstance = { kind: "FnInstance", name: e.name, targs: args.map(() => ""), loc: e.loc };
  args.forEach((a, i) => writeType(c.inference, c.types, node, "targs", a, i));
  return { node, type: substitute(c.types, fn.type, sub) };
}

// A call of a generic fn: its type parameters get vars (inference.ts), which the
// arguments fix by unification, as with a fn of those types.
function checkGenericCall(c: Checker, e: Lsrc.Call, fn: Signature): Typed<Ltyped.Expr> {
  const { args: targs, sub } = instantiate(c.inference, c.types, fn.tparams, e.callee, e.loc);
  c.pendingBounds.push({ params: fn.tparams, args: targs, loc: e.loc, what: `\`${e.callee}\`` });
  const checked = checkUserCall(c, e, substitute(c.types, fn.type, sub));
  const node: Ltyped.GenericCall = { kind: "GenericCall", callee: e.callee, targs: targs.map(() => ""), args: (checked.node as Ltyped.Call).args, loc: e.loc };
  targs.forEach((a, i) => writeType(c.inference, c.types, node, "targs", a, i));
  return { node, type: checked.type };
}

// A call of the program's own function, by its name or through a variable of
// type fn(T1, ..., Tn) -> R: n arguments, the i-th fitting Ti; its type is R.
function checkUserCall(c: Checker, e: Lsrc.Call, type: Type): Typed<Ltyped.Expr> {
  const args = e.args.map((a) => checkExpr(c, a));
  const node: Ltyped.Call = { ...e, args: args.map((a) => a.node) };
  return { node, type: callType(c, type, args, e.args, e.loc, `\`${e.callee}\``) };
}

// `f(a1, ..., an)` where f is any expression but a name (`table[i](x)`, `(r.f)(x)`,
// `curry(g)(1)`): f, evaluated first, has a type fn(T1, ..., Tn) -> R, as for a call by name.
function checkApply(c: Checker, e: Lsrc.Apply): Typed<Ltyped.Apply> {
  const callee = checkExpr(c, e.callee);
  const args = e.args.map((a) => checkExpr(c, a));
  const node: Ltyped.Apply = { ...e, callee: callee.node, args: args.map((a) => a.node) };
  return { node, type: callType(c, callee.type, args, e.args, tailLoc(e.callee), "this function") };
}

/** The result type of a call through a value of type `type` (`what` names it in messages, `loc`
 * is its place): it must be a function taking as many arguments as given, each fitting. */
function callType(c: Checker, type: Type, args: readonly Typed<unknown>[], exprs: readonly Lsrc.Expr[], loc: Loc | undefined, what: string): Type {
  const signature = mustKnow(c, type, loc).head;
  if (signature.kind !== "fn") {
    if (type === NeverType) neverValue(c, loc, "it cannot be called");
    else if (type !== ErrorType) c.sink.report(loc, `${what === "this function" ? "this expression" : what} is not a function: it is ${article(type)}`);
    return ErrorType;
  }
  const { params, ret } = signature;
  if (args.length !== params.length) {
    c.sink.report(loc, `${what} takes ${params.length} argument${params.length === 1 ? "" : "s"}, found ${args.length}`);
    return ret;
  }
  args.forEach((a, i) => expectType(c, a.type, params[i]!, tailLoc(exprs[i]!)));
  return ret;
}

// `fn(x1: T1, ..., xn: Tn) -> R { B }` has type fn(T1, ..., Tn) -> R. Its parameters are bound,
// immutable, in a scope of their own, the boundary of what it captures (checker.ts, `lookup`); its
// body fits R, `return` returns from it, and `break` and `continue` cannot leave it.
function checkLambda(c: Checker, e: Lsrc.Lambda): Typed<Ltyped.Lambda> {
  const params = e.params.map((p) => c.data.resolve(p.type, typeLocOf(p) ?? p.loc, c.typeScope));
  const ret = e.ret === null ? UnitType : c.data.resolve(e.ret, typeLocOf(e) ?? e.loc, c.typeScope);
  const [result, scopes, arrowless] = [c.result, c.scopes, c.arrowless];
  [c.result, c.scopes, c.arrowless] = [ret, 0, e.ret === null ? "this anonymous function" : null];
  const body = withinBoundary(c, e.loc, "this anonymous function", false, () => {
    e.params.forEach((param, i) => {
      if (c.scope!.names?.has(param.name)) c.sink.report(param.loc, `\`${param.name}\` is a parameter of this function twice`);
      bind(c, param.name, { type: params[i]!, mutable: false, what: "parameter", loc: param.loc });
    });
    return checkBlock(c, e.body);
  });
  const why = arrowHint(c, body.type) ?? `the body of the anonymous function must end in its ${show(ret)} result or return it`;
  [c.result, c.scopes, c.arrowless] = [result, scopes, arrowless];
  expectType(c, body.type, ret, tailLoc(e.body), why);
  const node: Ltyped.Lambda = { ...e, params: e.params.map((p, i) => ({ ...p, type: typeText(params[i]!) })), ret: typeText(ret), body: body.node };
  return { node, type: made(c, c.types.fn(params, ret), e.loc) };
}

/** Whether a closed type may be given where the built-in type `want` is: Never and errors may. */
const fitsBuiltin = (t: Type, want: Type): boolean => t.canon === want || t.kind === "never" || t.kind === "error";

const article = (t: Type) => (t.head.kind === "fn" ? `a function of type ${show(t)}` : /^[AEIOU]/.test(show(t)) ? `an ${show(t)}` : `a ${show(t)}`);

// A call of a built-in becomes a primitive: print (Int or Bool), read_int, exit, assert, panic, ...
function checkCall(c: Checker, e: Lsrc.Call): Typed<Ltyped.Expr> {
  const hidden = hiddenBuiltin(e.callee); // (`prelude.len`: the built-in, where the program's own file has a `len`)
  const name = hidden ?? e.callee;
  const local = hidden ? undefined : lookup(c, name);
  if (local) return checkUserCall(c, e, local.type);
  const fn = hidden ? undefined : c.functions.get(name);
  if (fn !== undefined && name !== "main" && !c.constants.has(name)) {
    use(c, name);
    return fn.tparams.length > 0 ? checkGenericCall(c, e, fn) : checkUserCall(c, e, fn.type);
  }
  if (!hidden && c.data.ctors.has(name) && !c.constants.has(name)) return checkConstruct(c, name, e.args, e.loc);
  const arity = !hidden && (lookup(c, name) || c.constants.has(name)) ? undefined : builtins.get(name);
  const first = e.args[0];
  const args = e.args.map((a) => checkExpr(c, a));
  const prim = (op: Ltyped.Prim["op"], type: Type): Typed<Ltyped.Expr> => {
    const node: Ltyped.Prim = { kind: "Prim", op, args: args.map((a) => a.node) };
    return { node: e.loc ? { ...node, loc: e.loc } : node, type };
  };
  if (arity === undefined) {
    if (lookup(c, name) || c.constants.has(name)) c.sink.report(e.loc, `\`${name}\` is not a function: it is a constant`);
    else if (name === "main") c.sink.report(e.loc, "`main` cannot be called or used as a value");
    else if (name === "channel" && !c.functions.has(name)) c.sink.report(e.loc, "a channel is made with its element type written: `channel[Int](4)`");
    else if (name === "assert_eq" && !c.functions.has(name)) c.sink.report(e.loc, "unknown function `assert_eq`: it is core.test's (`use core.test.{assert_eq}`)");
    else if (!c.functions.has(name)) {
      // In a method, a method of its type called without `self.`.
      const self = c.typeScope.params.get("Self");
      const method = self !== undefined && !("methods" in lookupMethod(c.protocols, self, name, c.types));
      const hint = method ? `; \`${name}\` is a method of ${show(self!)}: call it \`self.${name}(...)\`` : didYouMean(name, [...namesInScope(c), ...builtins.keys()]);
      c.sink.report(e.loc, `${/^[A-Z]/.test(name) ? "unknown constructor or function" : "unknown function"} \`${name}\`${hint}`);
    }
    return prim("assert", ErrorType); // never emitted: the program has errors
  }
  if (args.length !== arity) {
    c.sink.report(e.loc, `\`${name}\` takes ${arity} argument${arity === 1 ? "" : "s"}, found ${args.length}`);
    return prim("assert", ErrorType);
  }
  const arg = args[0];
  switch (name) {
    case "print": {
      const type = mustKnow(c, arg!.type, first!.loc); // it chooses the primitive
      if (!fitsBuiltin(type, IntType) && !fitsBuiltin(type, BoolType) && !isType(type, StringType)) c.sink.report(first!.loc, `\`print\` takes an Int, a Bool or a String, found ${show(type)}`);
      return prim(isType(type, BoolType) ? "print_bool" : isType(type, StringType) ? "print_string" : "print_int", UnitType);
    }
    case "len": {
      const type = mustKnow(c, arg!.type, first!.loc);
      if (!isType(type, StringType) && elementOf(type, "Array") === null && type !== ErrorType) c.sink.report(first!.loc, `\`len\` takes an Array or a String, found ${show(type)}`);
      return prim("len", IntType);
    }
    case "array": {
      expectType(c, arg!.type, IntType, first!.loc);
      const init = args[1]!.type;
      return prim("array", made(c, c.types.named("Array", [init]), e.loc)); // Never if init is (types.ts)
    }
    case "Box": return prim("box", made(c, c.types.named("Box", [arg!.type]), e.loc));
    case "yield": return checkYield(c, e);
    case "read_int": return prim("read_int", IntType);
    case "input_line": return prim("input_line", StringType);
    case "string_byte": case "string_slice":
      expectType(c, arg!.type, StringType, tailLoc(first!));
      e.args.slice(1).forEach((a, i) => expectType(c, args[i + 1]!.type, IntType, tailLoc(a)));
      return prim(name, name === "string_byte" ? IntType : StringType);
    case "write_string":
      expectType(c, arg!.type, StringType, tailLoc(first!));
      return prim("write_string", UnitType);
    case "exit":
      expectType(c, arg!.type, IntType, first!.loc);
      return prim("exit", NeverType);
    case "assert":
      expectType(c, arg!.type, BoolType, first!.loc);
      return prim("assert", UnitType);
    default: // panic
      expectType(c, arg!.type, StringType, tailLoc(first!));
      return prim("panic", NeverType);
  }
}

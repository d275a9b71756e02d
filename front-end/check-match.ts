// The typing rules of `match`, its patterns, and `try` (part of check-types).
// spec/language.md states the same rules.
//
// `match e { p1 if g1 => b1, ... }`: e is checked once; each pattern is checked
// against e's type, binding its names (each at most once per pattern) in a
// scope of the arm's own, where the guard (a Bool) and the body are checked;
// the arms' bodies have one type, Never giving way, which is the match's. A
// bare name in a pattern is a constructor without fields if one has that name,
// else a binder. Then exhaustiveness.ts judges the arms: a value no arm matches
// is an error naming it, an arm that can never match a warning.
//
// `try e`: e is a Result[T, E] (the prelude's), and the function returns a
// Result[U, E] (the same E); `try e` is a T.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import { unreachable, type Loc } from "../il/node.js";
import { didYouMean } from "./diagnostics.js";
import { expectType, joinTypes, known, mustKnow, neverValue, tailLoc, use, type Binding, type Checker, type Typed } from "./checker.js";
import { analyseMatch, anything, type Constructor, type Shape } from "./exhaustiveness.js";
import { giveUp, instantiate, substitute, unify, writeType } from "./inference.js";
import type { CtorInfo } from "./type-items.js";
import { boundaryOf } from "./check-tasks.js";
import { BoolType, ErrorType, IntType, NeverType, show, silent, StringType, type Type } from "./types.js";

// ---------------------------------------------------------------- constructors, as exhaustiveness.ts sees them

const unionConstructors = new WeakMap<CtorInfo, Constructor>();

function constructorOf(ctor: CtorInfo): Constructor {
  let c = unionConstructors.get(ctor);
  if (!c) {
    const name = ctor.name;
    c = { key: `ctor ${name}`, arity: ctor.fields.length, siblings: () => ctor.union.ctors.map(constructorOf), show: (args) => (args.length === 0 ? name : `${name}(${args.join(", ")})`) };
    unionConstructors.set(ctor, c);
  }
  return c;
}

const tupleConstructors = new Map<number, Constructor>();

function tupleConstructor(n: number): Constructor {
  let c = tupleConstructors.get(n);
  if (!c) {
    const self: Constructor = { key: `tuple ${n}`, arity: n, siblings: () => [self], show: (args) => `(${args.join(", ")})` };
    tupleConstructors.set(n, (c = self));
  }
  return c;
}

const boolConstructors: readonly Constructor[] = [false, true].map((b) => ({ key: String(b), arity: 0, siblings: () => boolConstructors, show: () => String(b) }));

const literalConstructor = (key: string, text: string): Constructor => ({ key, arity: 0, siblings: null, show: () => text });

// ---------------------------------------------------------------- patterns

interface CheckedPattern {
  readonly node: Ltyped.Pattern;
  readonly shape: Shape;
}

/** The names a pattern binds so far, for "bound twice". */
type Binders = Map<string, Binding>;

const article = (t: Type) => (/^[AEIOU]/.test(show(t)) ? `an ${show(t)}` : `a ${show(t)}`);

/** Reports a pattern that cannot match a value of the type `expected`. */
function wrongType(c: Checker, loc: Loc | undefined, what: string, expected: Type): void {
  c.sink.report(loc, `this pattern is ${what}, but the value it matches is ${article(known(c, expected))}`);
}

/** A literal pattern: the value's type must be `type`. */
function literal(c: Checker, p: Lsrc.IntPat | Lsrc.BoolPat | Lsrc.StrPat, type: Type, expected: Type, ctor: Constructor): CheckedPattern {
  if (!unify(c.inference, type, expected)) {
    wrongType(c, p.loc, article(type), expected);
    return { node: p, shape: anything };
  }
  return { node: p, shape: { kind: "ctor", ctor, args: [] } };
}

/** Checks a pattern against the type of the value it matches, binding its names in `binders`. */
function checkPattern(c: Checker, p: Lsrc.Pattern, expected: Type, binders: Binders): CheckedPattern {
  switch (p.kind) {
    case "Wildcard": return { node: p, shape: anything };
    case "Binder": {
      const ctor = c.data.ctors.get(p.name);
      if (ctor) return ctorPattern(c, p, ctor, null, expected, binders);
      // A capitalized name near one of the matched union's constructors is most likely that one mistyped: as a binder it matches every value.
      const union = expected.head.kind === "named" && /^[A-Z]/.test(p.name) ? c.data.unions.get(expected.head.name) : undefined;
      const near = union ? didYouMean(p.name, union.ctors.map((k) => k.name)) : "";
      if (near) c.warnings.report(p.loc, `\`${p.name}\` is no constructor of ${union!.name}: as a name it binds every value${near}`);
      const first = binders.get(p.name);
      if (first) c.sink.report(p.loc, `\`${p.name}\` is bound twice in this pattern`, first.loc ? [{ loc: first.loc, message: `the first \`${p.name}\` is here` }] : []);
      else binders.set(p.name, { type: expected, mutable: false, what: "pattern", loc: p.loc });
      return { node: writeType(c.inference, c.types, { kind: "Binder", name: p.name, type: "", loc: p.loc }, "type", expected), shape: anything };
    }
    case "IntPat": return literal(c, p, IntType, expected, literalConstructor(`int ${p.value}`, String(p.value)));
    case "BoolPat": return literal(c, p, BoolType, expected, boolConstructors[p.value ? 1 : 0]!);
    case "StrPat": return literal(c, p, StringType, expected, literalConstructor(`string ${JSON.stringify(p.value)}`, JSON.stringify(p.value)));
    case "TuplePat": {
      // (a value whose type inference has not found yet is a tuple of this many: `let mut best = None` matched by `Some((i, x))`)
      if (known(c, expected).kind === "var") unify(c.inference, expected, c.types.tuple(p.elems.map(() => c.types.fresh())));
      const t = mustKnow(c, expected, p.loc);
      const head = t.head;
      const fits = head.kind === "tuple" && head.elems.length === p.elems.length;
      if (!fits && !silent(t)) wrongType(c, p.loc, `a tuple of ${p.elems.length}`, t);
      const elems = p.elems.map((x, i) => checkPattern(c, x, fits ? head.elems[i]! : ErrorType, binders));
      const node: Ltyped.TuplePat = { ...p, elems: elems.map((x) => x.node) };
      return { node, shape: fits ? { kind: "ctor", ctor: tupleConstructor(elems.length), args: elems.map((x) => x.shape) } : anything };
    }
    case "CtorPat": {
      const ctor = c.data.ctors.get(p.ctor);
      if (ctor) return ctorPattern(c, p, ctor, p.args, expected, binders);
      c.sink.report(p.loc, c.functions.has(p.ctor) ? `\`${p.ctor}\` is a function, not a constructor: a pattern cannot call it` : `unknown constructor \`${p.ctor}\`${didYouMean(p.ctor, c.data.ctors.keys())}`);
      const args = p.args.map((x) => checkPattern(c, x, ErrorType, binders).node);
      return { node: { kind: "CtorPat", type: "Unit", ctor: p.ctor, args, loc: p.loc }, shape: anything };
    }
    default: return unreachable(p);
  }
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** `Node(l, x, r)`, or a bare `Nil` (args null): the union's type arguments come from the
 * value matched; each field's pattern is checked against the field's type there. */
function ctorPattern(c: Checker, p: Lsrc.Binder | Lsrc.CtorPat, ctor: CtorInfo, given: readonly Lsrc.Pattern[] | null, expected: Type, binders: Binders): CheckedPattern {
  use(c, ctor.union.name);
  const { args: targs, sub } = instantiate(c.inference, c.types, ctor.union.params, ctor.name, p.loc);
  const type = c.types.named(ctor.union.name, targs);
  const arity = ctor.fields.length;
  let ok = unify(c.inference, type, expected);
  if (!ok) {
    wrongType(c, p.loc, `\`${ctor.name}\`, of the union ${ctor.union.name}`, expected);
    giveUp(c.inference, type);
  }
  else if (given === null && arity > 0) c.sink.report(p.loc, `\`${ctor.name}\` has ${plural(arity, "field")}: match ${arity === 1 ? "it" : "them"}, as in \`${ctor.name}(${Array(arity).fill("_").join(", ")})\``);
  else if (given !== null && given.length !== arity) c.sink.report(p.loc, `\`${ctor.name}\` has ${plural(arity, "field")}, the pattern has ${given.length}`);
  ok &&= (given?.length ?? 0) === arity;
  const args = (given ?? []).map((x, i) => checkPattern(c, x, ok ? substitute(c.types, ctor.fields[i]!.type, sub) : ErrorType, binders));
  const node: Ltyped.CtorPat = { kind: "CtorPat", type: "", ctor: ctor.name, args: args.map((x) => x.node), loc: p.loc };
  writeType(c.inference, c.types, node, "type", type);
  return { node, shape: ok ? { kind: "ctor", ctor: constructorOf(ctor), args: args.map((x) => x.shape) } : anything };
}

// ---------------------------------------------------------------- match

/** One arm: its pattern's names are bound in a scope of its own, for the guard and the body. */
function checkArm(c: Checker, arm: Lsrc.Arm, scrutinee: Type) {
  const binders: Binders = new Map();
  const pattern = checkPattern(c, arm.pattern, scrutinee, binders);
  c.scope = { names: binders.size > 0 ? binders : null, parent: c.scope };
  let guard: Ltyped.Expr | null = null;
  if (arm.guard !== null) {
    const checked = c.checkExpr(c, arm.guard);
    expectType(c, checked.type, BoolType, tailLoc(arm.guard), "a guard is a condition");
    guard = checked.node;
  }
  const body = c.checkExpr(c, arm.body);
  c.scope = c.scope.parent;
  const node: Ltyped.Arm = { ...arm, pattern: pattern.node, guard, body: body.node };
  return { node, type: body.type, shape: pattern.shape };
}

export function checkMatch(c: Checker, e: Lsrc.Match): Typed<Ltyped.Match> {
  const scrutinee = c.checkExpr(c, e.scrutinee);
  let type = scrutinee.type;
  if (type === NeverType) {
    neverValue(c, tailLoc(e.scrutinee), "there is nothing to match");
    type = ErrorType;
  }
  const before = c.sink.diagnostics.length;
  const arms = e.arms.map((arm) => checkArm(c, arm, type));
  const patternsOk = c.sink.diagnostics.length === before && type !== ErrorType;
  let result: Type = NeverType;
  arms.forEach((arm, i) => {
    const joined = joinTypes(c, result, arm.type);
    if (joined === null) c.sink.report(tailLoc(e.arms[i]!.body), `expected ${show(known(c, result))}, found ${show(known(c, arm.type))} (the arms of a \`match\` must have the same type)`);
    result = joined ?? ErrorType;
  });
  if (patternsOk) judgeArms(c, e, arms.map((a, i) => ({ shape: a.shape, guarded: e.arms[i]!.guard !== null })));
  const node: Ltyped.Match = { kind: "Match", scrutinee: scrutinee.node, type: "", arms: arms.map((a) => a.node), loc: e.loc };
  return { node: writeType(c.inference, c.types, node, "type", type), type: result };
}

/** Exhaustiveness (an error naming a value no arm matches) and redundancy (a warning per arm
 * that can never match), by exhaustiveness.ts. */
function judgeArms(c: Checker, e: Lsrc.Match, arms: readonly { shape: Shape; guarded: boolean }[]): void {
  const analysis = analyseMatch(arms);
  if (analysis.kind === "too complex") {
    c.sink.report(e.loc, "this `match` is too complex to check that it covers every value: split it into smaller matches");
    return;
  }
  for (const i of analysis.redundant) {
    c.warnings.report(e.arms[i]!.pattern.loc, "this arm can never match: the arms before it match every value it matches");
  }
  if (analysis.missing === null) return;
  const guarded = arms.some((a) => a.guarded) ? "; an arm with a guard covers nothing, since its guard may be false" : "";
  const literals = analysis.literals ? "; literals never cover every Int or String: add a `_` arm" : "";
  c.sink.report(e.loc, `this \`match\` does not cover every value: \`${analysis.missing}\` is not matched${literals}${guarded}`);
}

// ---------------------------------------------------------------- try

/** `try e`: e a Result[T, E], in a function returning a Result[U, E]; it is a T. */
export function checkTry(c: Checker, e: Lsrc.Try): Typed<Ltyped.Try> {
  if (boundaryOf(c) === "spawn") c.sink.report(e.loc, "`try` cannot leave a spawned block: a task has no function to return an Err from (match on the Result instead)");
  const value = c.checkExpr(c, e.value);
  const node: Ltyped.Try = { kind: "Try", value: value.node, type: "Unit", ret: "Unit", loc: e.loc };
  const result = c.preludeResult;
  if (result === null) {
    c.sink.report(e.loc, "`try` needs the prelude's Result, and this compilation has no prelude");
    return { node, type: ErrorType };
  }
  use(c, result);
  const t = mustKnow(c, value.type, tailLoc(e.value));
  if (t === NeverType) neverValue(c, tailLoc(e.value), "`try` has nothing to unwrap");
  const operand = t.head;
  if (silent(t)) return { node, type: ErrorType };
  // When the program has a Result of its own, the prelude's is shown by the name the ILs give it.
  const aResult = result === "Result" ? "a Result" : `the prelude's Result (${result}: the program's own Result is another type)`;
  if (operand.kind !== "named" || operand.name !== result) {
    c.sink.report(tailLoc(e.value), `\`try\` unwraps ${aResult}, found ${show(t)}`);
    return { node, type: ErrorType };
  }
  const returns = known(c, c.result).head;
  if (returns.kind !== "named" || returns.name !== result) {
    c.sink.report(e.loc, `\`try\` returns the error from the function, so the function must return ${aResult}: this one returns ${show(c.result)}`);
  } else if (!unify(c.inference, operand.args[1]!, returns.args[1]!)) {
    c.sink.report(e.loc, `\`try\` would return the error ${show(known(c, operand.args[1]!))} from a function whose errors are ${show(known(c, returns.args[1]!))}`);
  } else {
    writeType(c.inference, c.types, node, "type", t);
    writeType(c.inference, c.types, node, "ret", c.result);
  }
  return { node, type: operand.args[0]! };
}

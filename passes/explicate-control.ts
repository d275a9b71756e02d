// explicate-control: Lmon -> Lcfg
//
// Makes the order of evaluation explicit: each function's body becomes basic blocks of
// simple statements, each ending in a goto, a branch or a return. Ifs become
// branches (a comparison branches directly), while loops a test block with a
// back edge, break and continue gotos, and a block's value an assignment to
// the variable that receives it. As in Essentials of Compilation (effect,
// assign and predicate below are its explicate_effect, _assign and _pred), code
// is built backwards: each statement is explicated in front of the code that
// follows it (its continuation), by a loop over each statement list. A
// function whose result is not Unit returns its body's value (result below,
// EoC's explicate_tail); `return e` does the same from anywhere in the body.
// Labels start with the function's name: `fib.start`, `fib.block1`, ...
// A call whose value the function returns (`return f(x)`, or the body's last
// value) becomes a tail call, which the back ends make a jump that reuses the
// frame; so does a call of a Unit fn item just before the end of a Unit
// function (a call through a variable there is not: its result type is not
// known here). Only calls with at most six arguments, all in registers on
// both targets, are tail calls.
//
// Before:                              After:
//   fn main() {                          main.start:
//     let mut i.1: Int = 0                 i.1 = 0
//     while (i.1 < 3) {                    goto main.block1
//       print_int(i.1)                   main.block1:  if i.1 < 3 goto main.block2 else main.block3
//       i.1 = (i.1 + 1)                  main.block2:
//     }                                    print_int(i.1)
//   }                                      i.1 = (i.1 + 1)
//                                          goto main.block1
//                                        main.block3:  return ()
//   fn half(n.2: Int) -> Int {           fn half(n.2)
//     if (n.2 < 0) { return 0 } else {}    half.start:  if n.2 < 0 goto half.block1 else half.block2
//     (n.2 / 2)                            half.block1:  return 0
//   }                                      half.block2:
//                                            result.3 = (n.2 / 2)
//                                            return result.3

import type * as In from "../ir-defs/generated/Lmon.js";
import type * as Out from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { Lmon } from "../ir-defs/lmon.js";
import { pass } from "../il/pass.js";
import type { Loc } from "../il/node.js";
import { basicBlock, code, orderBlocks, prepend, type Code } from "./explicate-control/basic-blocks.js";
import { freshNamer } from "./shared/fresh-names.js";
import { declaredType, typeContext, type TypeContext } from "./shared/expression-types.js";
import { forEachNode } from "../il/rewrite.js";
import { isHeapType } from "../ir-defs/type-syntax.js";

/** Where break and continue go in the innermost loop; null outside loops. */
type Loop = { readonly breakTo: string; readonly continueTo: string } | null;

const unit: Out.Unit = { kind: "Unit" };
const comparisons = new Set(["==", "!=", "<", "<=", ">", ">="]);
const neverReturns = (e: In.Expr) => e.kind === "Prim" && (e.op === "exit" || e.op === "panic");

export const explicateControl = pass({
  name: "explicate-control",
  from: Lmon,
  to: Lcfg,
  purpose: "turn nested control flow into basic blocks joined by goto, branch and return",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lmon, program);
    const unitFunctions = new Set(program.items.filter((fn) => fn.ret === "Unit").map((fn) => fn.name));
    const types = typeContext(Lmon, program);
    const defs = program.items.map((fn) => explicateFunction(fn, fresh, unitFunctions, types));
    return { kind: "Program", defs, loc: program.loc };
  },
});

/** One function's body as basic blocks labelled `NAME.start`, `NAME.block1`, ... */
/** Tail calls pass their arguments in registers only: six on x86-64, eight on AArch64. */
export const tailCallArguments = 6;

function explicateFunction(fn: In.Fn, fresh: (hint: string) => string, unitFunctions: ReadonlySet<string>, types: TypeContext): Out.Def {
  const blocks = new Map<string, Out.BasicBlock>();
  // The variables that hold references: the parameters and lets of type Ref, and new ones that receive a reference.
  const refs = new Set<string>();
  forEachNode(Lmon, fn, (node) => (node.kind === "Param" || node.kind === "Let") && node.type === "Ref" && refs.add(node.name as string));
  const holding = (e: In.Expr, hint: string): string => {
    const name = fresh(hint);
    if (isHeapType(declaredType(e, types))) refs.add(name);
    return name;
  };
  const prefix = `${fn.name}.block`;
  let count = 0;
  const addBlock = (label: string, c: Code) => blocks.set(label, basicBlock(label, c));
  /** A goto to `c`, made a block of its own unless it is only a goto already; `loc`: the statement that jumps. */
  const jumpTo = (c: Code, loc?: Loc): Out.Goto => {
    if (c.reversed.length === 0 && c.tail.kind === "Goto") return c.tail;
    const label = `${prefix}${++count}`;
    addBlock(label, c);
    return { kind: "Goto", target: label, ...(loc ? { loc } : {}) };
  };

  const statements = (stmts: readonly In.Stmt[], c: Code, loop: Loop): Code => {
    for (let i = stmts.length - 1; i >= 0; i--) c = statement(stmts[i]!, c, loop);
    return c;
  };

  const statement = (s: In.Stmt, c: Code, loop: Loop): Code => {
    switch (s.kind) {
      case "Let": return assign(s.init, s.name, c, loop);
      case "Assign": return assign(s.value, s.name, c, loop);
      case "ExprStmt": return effect(s.expr, c, loop);
      case "Break":
      case "Continue":
        if (loop === null) throw new Error(`${s.kind.toLowerCase()} outside a loop`);
        return code({ kind: "Goto", target: s.kind === "Break" ? loop.breakTo : loop.continueTo, loc: s.loc });
      case "Return": return result(s.value, loop);
      case "Store": case "CheckIndex": return prepend(s, c);
      case "While": {
        const after = jumpTo(c, s.loc);
        const test = `${prefix}${++count}`;
        const body = effect(s.body, code({ kind: "Goto", target: test, loc: s.loc }), { breakTo: after.target, continueTo: test });
        addBlock(test, predicate(s.cond, body, code(after), loop));
        return code({ kind: "Goto", target: test, loc: s.loc });
      }
      default: {
        const never: never = s;
        throw new Error(`unknown statement ${(never as { kind: string }).kind}`);
      }
    }
  };

  /** Whether `tail` returns () at once, or goes (through empty blocks) to a block that does only that. */
  const returnsNothing = (tail: Out.Tail, seen = new Set<string>()): boolean => {
    if (tail.kind === "Goto") {
      const next = blocks.get(tail.target);
      if (!next || next.stmts.length > 0 || seen.has(tail.target)) return false; // an empty loop never returns
      seen.add(tail.target);
      return returnsNothing(next.tail, seen);
    }
    return tail.kind === "Return" && tail.value.kind === "Unit";
  };

  /** Code that evaluates `e` only for what it does, then runs `c`. */
  const effect = (e: In.Expr, c: Code, loop: Loop): Code => {
    switch (e.kind) {
      case "Block": return statements(e.stmts, c, loop);
      case "If": {
        const join = jumpTo(c, e.loc);
        return predicate(e.cond, effect(e.then, code(join), loop), effect(e.else, code(join), loop), loop);
      }
      case "Prim":
        if (e.op === "concat" || e.op === "string_eq") return c; // no effect
        return prepend({ kind: "Do", expr: e, loc: e.loc }, neverReturns(e) ? code({ kind: "Return", value: unit, loc: e.loc }) : c);
      case "NewArray": return assign(e, holding(e, "unused"), c, loop); // may panic; the array made is dropped at once
      case "Call": {
        // A call of a Unit fn item just before `return ()` returns what it returns: a tail call.
        const returnsUnit = c.reversed.length === 0 && returnsNothing(c.tail);
        if (returnsUnit && unitFunctions.has(e.callee) && e.args.length <= tailCallArguments) return code({ kind: "TailCall", callee: e.callee, args: e.args, loc: e.loc });
        if (isHeapType(declaredType(e, types))) return assign(e, holding(e, "unused"), c, loop); // a reference, to drop
        return prepend({ kind: "Do", expr: e, loc: e.loc }, c);
      }
      case "Binary": return e.op === "/" || e.op === "%" ? prepend({ kind: "Do", expr: e, loc: e.loc }, c) : c; // may panic
      default: return c; // atoms and other operators have no effect
    }
  };

  /** Code that evaluates `e` into the variable `name`, then runs `c`. */
  const assign = (e: In.Expr, name: string, c: Code, loop: Loop): Code => {
    switch (e.kind) {
      case "Block": { // its value is its last statement's, or () when that is not an expression
        const last = e.stmts[e.stmts.length - 1];
        if (last?.kind === "ExprStmt") return statements(e.stmts.slice(0, -1), assign(last.expr, name, c, loop), loop);
        return statements(e.stmts, assign(unit, name, c, loop), loop);
      }
      case "If": {
        const join = jumpTo(c, e.loc);
        return predicate(e.cond, assign(e.then, name, code(join), loop), assign(e.else, name, code(join), loop), loop);
      }
      default:
        if (neverReturns(e)) return effect(e, c, loop);
        return prepend({ kind: "Assign", name, value: e, loc: e.loc }, c);
    }
  };

  /** Code that evaluates the condition `e`, then runs `then` if it is true, else `otherwise`. */
  const predicate = (e: In.Expr, then: Code, otherwise: Code, loop: Loop): Code => {
    const branch = (left: Out.Atom, op: Out.Branch["op"], right: Out.Atom): Code =>
      code({ kind: "Branch", left, op, right, then: jumpTo(then).target, else: jumpTo(otherwise).target, loc: e.loc });
    switch (e.kind) {
      case "Bool": return e.value ? then : otherwise;
      case "Var": return branch(e, "==", { kind: "Bool", value: true });
      case "Unary": if (e.op === "!") return predicate(e.arg, otherwise, then, loop); break;
      case "Binary": if (comparisons.has(e.op)) return branch(e.left, e.op as Out.Branch["op"], e.right); break;
      case "Block": {
        const last = e.stmts[e.stmts.length - 1];
        if (last?.kind === "ExprStmt") return statements(e.stmts.slice(0, -1), predicate(last.expr, then, otherwise, loop), loop);
        // Otherwise the block has type Never: it ends in a jump, and nothing after it runs.
        if (last?.kind !== "Break" && last?.kind !== "Continue" && last?.kind !== "Return") throw new Error("a condition block must end in a Bool expression");
        return statements(e.stmts, code({ kind: "Return", value: unit, loc: e.loc }), loop);
      }
      case "If": {
        const [toThen, toOtherwise] = [jumpTo(then, e.loc), jumpTo(otherwise, e.loc)];
        const inner = (arm: In.Block) => predicate(arm, code(toThen), code(toOtherwise), loop);
        return predicate(e.cond, inner(e.then), inner(e.else), loop);
      }
      case "Int": case "Unit": case "Str": throw new Error(`a ${e.kind} cannot be a condition`);
    }
    // Any other Bool expression (a & b, a primitive) is computed into a temporary first.
    const temp = fresh("tmp");
    return assign(e, temp, branch({ kind: "Var", name: temp }, "==", { kind: "Bool", value: true }), loop);
  };

  /** Code that evaluates `e` and returns its value from the function. */
  const result = (e: In.Expr, loop: Loop): Code => {
    switch (e.kind) {
      case "Int": case "Bool": case "Unit": case "Str": case "Var": return code({ kind: "Return", value: e, loc: e.loc });
      case "Block": {
        const last = e.stmts[e.stmts.length - 1];
        if (last?.kind === "ExprStmt") return statements(e.stmts.slice(0, -1), result(last.expr, loop), loop);
        return statements(e.stmts, code({ kind: "Return", value: unit, loc: e.loc }), loop);
      }
      case "If": return predicate(e.cond, result(e.then, loop), result(e.else, loop), loop);
      default: {
        if (e.kind === "Call" && e.args.length <= tailCallArguments) return code({ kind: "TailCall", callee: e.callee, args: e.args, loc: e.loc });
        if (neverReturns(e)) return effect(e, code({ kind: "Return", value: unit, loc: e.loc }), loop);
        const temp = holding(e, "result");
        return assign(e, temp, code({ kind: "Return", value: { kind: "Var", name: temp }, loc: e.loc }), loop);
      }
    }
  };

  // A Unit function's body runs for its effects and returns (); any other returns the body's value.
  const start = `${fn.name}.start`;
  // The return at a Unit function's end comes from the function (its line).
  addBlock(start, fn.ret === "Unit" ? effect(fn.body, code({ kind: "Return", value: unit, loc: fn.loc }), null) : result(fn.body, null));
  const ordered = orderBlocks(start, blocks, prefix);
  return { kind: "Def", name: fn.name, params: fn.params.map((p) => p.name), refs: [...refs].sort(), blocks: ordered, loc: fn.loc };
}

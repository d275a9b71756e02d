// explicate-control: Lreturn -> Lcfg
//
// Purpose: make the order of evaluation explicit: each function's body becomes
// basic blocks of simple statements, each ending in a goto, a branch or a
// return. Ifs become branches (a comparison branches directly), while loops a
// test block with a back edge, break and continue gotos, a block's value an
// assignment. As in Essentials of Compilation (effect, assign and predicate are
// its explicate_effect, _assign and _pred), code is built backwards: each
// statement in front of the code that follows it. Labels are `main.start`, then
// `main.block1`, ... in the order they are made (order-blocks reorders them).
//
// Before:                              After:
//   fn main() {                          main.start:
//     let mut i.1: Int = 0                 i.1 = 0
//     while (i.1 < 3) {                    goto main.block2
//       print_int(i.1)                   main.block1:  return ()
//       i.1 = (i.1 + 1)                  main.block3:
//     }                                    print_int(i.1)
//   }                                      i.1 = (i.1 + 1)
//                                          goto main.block2
//                                        main.block2:  if i.1 < 3 goto main.block3 else main.block1

import type * as In from "../ir-defs/generated/Lreturn.js";
import type * as Out from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { Lreturn } from "../ir-defs/lreturn.js";
import { forEachNode } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { unreachable } from "../il/node.js";

/** Code being built backwards: statements (last first) in front of a tail. */
type Code = { readonly reversed: Out.CStmt[]; readonly tail: Out.Tail };
const code = (tail: Out.Tail): Code => ({ reversed: [], tail });
/** Puts `stmt` in front of `c` (which is used up: the result replaces it). */
const prepend = (stmt: Out.CStmt, c: Code): Code => (c.reversed.push(stmt), c);

/** Where break and continue go in the innermost loop; null outside loops. */
type Loop = { readonly breakTo: string; readonly continueTo: string } | null;

const unit: Out.Unit = { kind: "Unit" };
const comparisons = new Set(["==", "!=", "<", "<=", ">", ">="]);
const neverReturns = (e: In.Expr) => e.kind === "Prim" && (e.op === "exit" || e.op === "panic");

export const explicateControl = pass({
  name: "explicate-control",
  from: Lreturn,
  to: Lcfg,
  purpose: "turn nested control flow into basic blocks joined by goto, branch and return",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lreturn, program);
    return { kind: "Program", defs: program.items.map((fn) => explicateFunction(fn, fresh)), loc: program.loc };
  },
});

function explicateFunction(fn: In.Fn, fresh: (hint: string) => string): Out.Def {
  const blocks = new Map<string, Out.BasicBlock>();
  let count = 0;
  const addBlock = (label: string, c: Code) => blocks.set(label, { kind: "BasicBlock", label, stmts: c.reversed.reverse(), tail: c.tail });
  /** A goto to `c`, made a block of its own unless it is only a goto already; `loc`: the statement that jumps. */
  const jumpTo = (c: Code, loc?: Out.Goto["loc"]): Out.Goto => {
    if (c.reversed.length === 0 && c.tail.kind === "Goto") return c.tail;
    const label = `${fn.name}.block${++count}`;
    addBlock(label, c);
    return { kind: "Goto", target: label, ...(loc ? { loc } : {}) };
  };
  const statements = (stmts: readonly In.Stmt[], c: Code, loop: Loop): Code => {
    for (let i = stmts.length - 1; i >= 0; i--) c = statement(stmts[i]!, c, loop);
    return c;
  };
  /** A block's statements in front of `last(e)` for its value e, or of `never()` when it has none (it ends in a jump). */
  const block = (b: In.Block, last: (e: In.Expr) => Code, never: () => Code, loop: Loop): Code => {
    const end = b.stmts[b.stmts.length - 1];
    return end?.kind === "ExprStmt" ? statements(b.stmts.slice(0, -1), last(end.expr), loop) : statements(b.stmts, never(), loop);
  };
  const statement = (s: In.Stmt, c: Code, loop: Loop): Code => {
    switch (s.kind) {
      case "Let": return assign(s.init, s.name, c, loop);
      case "Assign": return assign(s.value, s.name, c, loop);
      case "ExprStmt": return effect(s.expr, c, loop);
      case "Break": case "Continue":
        if (loop === null) throw new Error(`${s.kind.toLowerCase()} outside a loop`);
        return code({ kind: "Goto", target: s.kind === "Break" ? loop.breakTo : loop.continueTo, loc: s.loc });
      case "Return": return code({ kind: "Return", value: s.value, loc: s.loc });
      case "ReturnCall": return code({ ...s });
      case "Store": case "CheckIndex": return prepend(s, c);
      case "While": {
        const after = jumpTo(c, s.loc);
        const test = `${fn.name}.block${++count}`;
        const body = effect(s.body, code({ kind: "Goto", target: test, loc: s.loc }), { breakTo: after.target, continueTo: test });
        addBlock(test, predicate(s.cond, body, code(after), loop));
        return code({ kind: "Goto", target: test, loc: s.loc });
      }
      default: return unreachable(s);
    }
  };
  /** Code that evaluates `e` only for what it does, then runs `c`. */
  const effect = (e: In.Expr, c: Code, loop: Loop): Code => {
    switch (e.kind) {
      case "Block": return statements(e.stmts, c, loop);
      case "If": {
        const join = jumpTo(c, e.loc);
        return predicate(e.cond, effect(e.then, code(join), loop), effect(e.else, code(join), loop), loop);
      }
      default: return prepend({ kind: "Do", expr: e, loc: e.loc }, neverReturns(e) ? code({ kind: "Return", value: unit, loc: e.loc }) : c);
    }
  };
  /** Code that evaluates `e` into the variable `name`, then runs `c`. */
  const assign = (e: In.Expr, name: string, c: Code, loop: Loop): Code => {
    switch (e.kind) {
      case "Block": return block(e, (last) => assign(last, name, c, loop), () => assign(unit, name, c, loop), loop);
      case "If": {
        const join = jumpTo(c, e.loc);
        return predicate(e.cond, assign(e.then, name, code(join), loop), assign(e.else, name, code(join), loop), loop);
      }
      default: return neverReturns(e) ? effect(e, c, loop) : prepend({ kind: "Assign", name, value: e, loc: e.loc }, c);
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
      // A block without a value has type Never: it ends in a jump, and nothing after it runs.
      case "Block": return block(e, (last) => predicate(last, then, otherwise, loop), () => code({ kind: "Return", value: unit, loc: e.loc }), loop);
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

  const start = `${fn.name}.start`;
  addBlock(start, effect(fn.body, code({ kind: "Return", value: unit, loc: fn.loc }), null)); // the end's return: the fn's line
  const [refs, unions]: [string[], string[]] = [[], []]; // the parameters and lets that hold references (Ref), or maybe an immediate (Union)
  forEachNode(Lreturn, fn, (node) => (node.kind === "Param" || node.kind === "Let") && (node.type === "Ref" || node.type === "Union") && (node.type === "Union" ? unions : refs).push(node.name as string));
  const ordered = [blocks.get(start)!, ...[...blocks.values()].filter((b) => b !== blocks.get(start))];
  return { kind: "Def", name: fn.name, params: fn.params.map((p) => p.name), refs: [...refs, ...unions].sort(), unions: unions.sort(), blocks: ordered, loc: fn.loc };
}

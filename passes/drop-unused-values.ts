// drop-unused-values: Lreturn -> Lreturn
//
// Purpose: an expression statement whose value nobody uses keeps only what it
// does. A value without an effect (an atom, arithmetic, a load, a new object,
// concat, string_eq, string_cmp) is dropped; one that may have an effect stays: a call, a
// primitive that prints, reads, exits or panics, a division (which may panic),
// an if or a block (whose own statements go through the same). A reference
// that one would make (a call's result, an array, which may panic, a string
// slice, a line of input or a channel) is kept in a variable of its own, `unused.N`,
// which insert-refcounts releases at once; so is a new object that holds a
// reference (releasing it releases what it holds: a Some of a word received,
// which only that object owns).
// The last expression of a block whose value is used is no such statement.
//
// Before (Lreturn):                      After (Lreturn):
//   (a.1 + 1)
//   (a.1 / b.2)                            (a.1 / b.2)
//   names()                                let unused.3: Ref = names()
//   print_int(a.1)                         print_int(a.1)
//   let x.4: Int = {                       let x.4: Int = {
//     concat(s.5, s.5)
//     a.1                                    a.1
//   }                                      }

import type * as L from "../ir-defs/generated/Lreturn.js";
import { Lreturn } from "../ir-defs/lreturn.js";
import { isHeapType } from "../ir-defs/type-syntax.js";
import { rewriter, type Recur } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { freshNamer } from "./shared/fresh-names.js";

/** Whether an expression's value is used (a block gives its last expression's). */
type Ctx = "value" | "effect";

export const dropUnusedValues = pass({
  name: "drop-unused-values",
  from: Lreturn,
  to: Lreturn,
  purpose: "an expression statement keeps only its effect: a value without one is dropped, a reference made is kept in unused.N to be released",
  run(program: L.Program): L.Program {
    const fresh = freshNamer(Lreturn, program);
    const types = typeContext(Lreturn, program);
    // (a Union, when a call gives one: it may be an immediate, which no count is taken from)
    const unused = (e: L.Expr, loc: L.Stmt["loc"], type = "Ref"): L.Let => ({ kind: "Let", decl: "let", name: fresh("unused"), type, init: e, loc });

    /** An expression statement whose value is not used. */
    const discard = (s: L.ExprStmt, recur: Recur<Ctx>): L.Stmt[] => {
      const e = s.expr;
      switch (e.kind) {
        case "Block": case "If": return [{ ...s, expr: recur(e, "effect") }];
        case "Prim":
          if (e.op === "concat" || e.op === "string_eq" || e.op === "string_cmp") return [];
          // A string made by one that may panic or read, a channel (a capacity below 0 panics): kept, to be released at once.
          return e.op === "string_slice" || e.op === "input_line" || e.op === "channel" ? [unused(e, s.loc)] : [s];
        case "Binary": return e.op === "/" || e.op === "%" ? [s] : []; // may panic
        case "NewArray": return [unused(e, s.loc)]; // may panic; the array made is released at once
        // An object holding references: released at once, and they with it (lower-channels' Some of a word received owns it).
        case "New": return e.refs.includes("1") ? [unused(e, s.loc)] : [];
        case "Call": return isHeapType(declaredType(e, types)) ? [unused(e, s.loc, declaredType(e, types))] : [s];
        default: return []; // atoms, other operators, loads and new objects have no effect
      }
    };

    const drop = rewriter<L.Node, Ctx>(Lreturn, {
      Fn: (node, _ctx, recur) => ({ ...node, body: recur(node.body, "effect") }),
      While: (node, _ctx, recur) => ({ ...node, cond: recur(node.cond, "value"), body: recur(node.body, "effect") }),
      If: (node, ctx, recur) => ({ ...node, cond: recur(node.cond, "value"), then: recur(node.then, ctx), else: recur(node.else, ctx) }),
      Block(node, ctx, recur): L.Block {
        const last = node.stmts.length - 1;
        const stmts = node.stmts.flatMap((s, i) => (s.kind === "ExprStmt" && !(ctx === "value" && i === last) ? discard(s, recur) : [recur<L.Stmt>(s, "value")]));
        return { ...node, stmts };
      },
    });
    return drop(program, "value");
  },
});

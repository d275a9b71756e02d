// insert-index-checks: Llayout -> Lchecked
//
// Purpose: write out the check that each element access makes. In Llayout a
// load or store with an index panics `index out of bounds` by itself unless
// 0 <= i < the array's length (the word at offset 16); here that check becomes
// a statement just before it, and the access is a plain memory access. The
// array and the index are atoms (lower-data-layout keeps them in variables: an
// invariant of Llayout), so reading them again in the check is safe.
//
// Before (Llayout):                       After (Lchecked):
//   let x.3: Int = *(a.1 + 24 + 8 * i.2)    let x.3: Int = {
//                                             check 0 <= i.2 < *(a.1 + 16): Int
//                                             *(a.1 + 24 + 8 * i.2)
//                                           }
//   *(a.1 + 24 + 8 * 0) = x.3               check 0 <= 0 < *(a.1 + 16): Int
//                                           *(a.1 + 24 + 8 * 0) = x.3
//   print_int(*(a.1 + 24 + 8 * i.2))        (the same: a block around the load)

import type * as In from "../ir-defs/generated/Llayout.js";
import type * as Out from "../ir-defs/generated/Lchecked.js";
import { Lchecked } from "../ir-defs/lchecked.js";
import { Llayout } from "../ir-defs/llayout.js";
import { lengthOffset } from "../ir-defs/heap-layout.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";

/** `check 0 <= index < *(base + 16): Int`. */
const check = (base: Out.Expr, index: Out.Expr, loc: In.Expr["loc"]): Out.CheckIndex => ({
  kind: "CheckIndex",
  index,
  length: { kind: "Load", base, offset: BigInt(lengthOffset), size: null, index: null, type: "Int", loc },
  loc,
});

export const insertIndexChecks = pass({
  name: "insert-index-checks",
  from: Llayout,
  to: Lchecked,
  purpose: "write out the index check of each element access (load or store at an index) as a statement just before it",
  run(program: In.Program): Out.Program {
    const insert = rewriter<In.Node, undefined>(Llayout, {
      // An element read as a statement (a block's value, lower-data-layout's `{ lets; a[i] }`): the check goes before.
      ExprStmt: (node, ctx, recur): Out.Stmt | Out.Stmt[] =>
        node.expr.kind === "Load" && node.expr.index !== null ? [check(node.expr.base, node.expr.index, node.loc), node as Out.ExprStmt] : recur.children(node, ctx),
      Load: (node, ctx, recur): Out.Expr =>
        node.index === null ? recur.children(node, ctx) : { kind: "Block", stmts: [check(node.base, node.index, node.loc), { kind: "ExprStmt", expr: node as Out.Load, loc: node.loc }], loc: node.loc },
      Store: (node, ctx, recur): Out.Stmt | Out.Stmt[] => (node.index === null ? recur.children(node, ctx) : [check(node.base, node.index, node.loc), node as Out.Store]),
    });
    return insert(program, undefined);
  },
});

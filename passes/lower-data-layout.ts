// lower-data-layout: Lshrunk -> Llayout
//
// Lays data out in memory (spec/heap.md). A tuple, a record and a Box become a
// fields object, `new(...)`, its fields in declaration order; an array is made
// by `array(n, init)`; a field is read at its byte offset, 16 + 8 * its
// position; an element at 24 + 8 * index, its index checked against the
// length at offset 16 (which `len` reads too, of arrays and strings) by the
// access itself until insert-index-checks writes the check out. Each
// `new` and `array` says which fields hold references, so that freeing can
// release them. A closure is a fields object of its code (no reference) and
// what it captured, read at 24 + 8 * i; one that captures nothing is a static
// object, made once; a call through a closure loads its code, at 16, first.
// Types shrink to what a word holds: Int, Bool, Unit, and Ref for all the rest
// (a function value is a closure; `fn(Ref, Int) -> Int` is now the type of a
// function's code). Records and their field names are gone.
//
// Operands are evaluated in the order written: a record literal whose fields
// are written out of declaration order has them computed into variables first;
// an index expression's array and index are kept in variables (unless they are
// variables or literals already, and no later operand assigns the variable),
// and `a[i] = v` evaluates a, i and v before the store checks i.
//
// Before (record Point { x: Int, name: String }):
//   let p.1: Point = Point { x: 3, name: "a" }       let p.1: Ref = new(3, "a") refs 01
//   let n.2: Int = (len(p.1.name) + p.1.x)           let n.2: Int = (*(*(p.1 + 24): Ref + 16): Int + *(p.1 + 16): Int)
//   let a.3: Array[Int] = array(n.2, 0)              let a.3: Ref = array(n.2, 0) refs 0
//   a.3[i.4] = 7                                     *(a.3 + 24 + 8 * i.4) = 7

import type * as In from "../ir-defs/generated/Lshrunk.js";
import type * as Out from "../ir-defs/generated/Llayout.js";
import { Llayout } from "../ir-defs/llayout.js";
import { Lshrunk } from "../ir-defs/lshrunk.js";
import { isHeapType, parseType, showType } from "../ir-defs/type-syntax.js";
import { rewriter, type Recur } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { captureOffset, closureCodeOffset, elementsOffset, fieldOffset, lengthOffset } from "../ir-defs/heap-layout.js";
import { declaredType, fieldOf, typeContext } from "./shared/expression-types.js";
import { atomBinder, freshNamer } from "./shared/fresh-names.js";

/** What a word of this type holds: Int, Bool, Unit, or Ref. */
export const layoutType = (type: string): Out.Let["type"] => (isHeapType(type) ? "Ref" : type);

/** The type of the code of a closure of type `type`: it takes a closure first (spec/heap.md). */
function codeType(type: string): string {
  const t = parseType(type);
  if (t?.kind !== "fn") throw new Error(`${type} is not a function's type`);
  return showType({ kind: "fn", params: [{ kind: "name", name: "Ref" }, ...t.params.map((p) => parseType(layoutType(showType(p)))!)], ret: parseType(layoutType(showType(t.ret)))! });
}

/** "1" for a type whose values are references, "0" for any other. */
const refBit = (type: string): string => (isHeapType(type) ? "1" : "0");

export const lowerDataLayout = pass({
  name: "lower-data-layout",
  from: Lshrunk,
  to: Llayout,
  purpose: "lay tuples, records, boxes, arrays and strings out as heap objects: fields and elements at byte offsets",
  run(program: In.Program): Out.Program {
    const types = typeContext(Lshrunk, program);
    type Ctx = undefined;

    const fresh = freshNamer(Lshrunk, program);
    const once = atomBinder(Lshrunk, fresh);
    /** `e` (lowered) kept in a variable unless it is an atom that no operand `later` assigns: the lets to run first, and the atom. */
    const keep = (e: Out.Expr, original: In.Expr, hint: string, lets: Out.Stmt[], later: readonly In.Expr[] = []): Out.Expr =>
      once(e, hint, () => layoutType(declaredType(original, types)), original.loc, lets, later);
    const block = (stmts: Out.Stmt[], value: Out.Expr, loc: In.Expr["loc"]): Out.Expr =>
      stmts.length === 0 ? value : { kind: "Block", stmts: [...stmts, { kind: "ExprStmt", expr: value, loc }], loc };
    const load = (base: Out.Expr, offset: number, type: string, loc: In.Expr["loc"], index: Out.Expr | null = null): Out.Load =>
      ({ kind: "Load", base, offset: BigInt(offset), index, type: layoutType(type), loc });
    /** The array and index of `a[i]` (`later`: the operands after them), kept (the access checks i against a's length). */
    const element = (target: In.Expr, index: In.Expr, recur: Recur<Ctx>, lets: Out.Stmt[], later: readonly In.Expr[] = []) => {
      const a = keep(recur(target, undefined), target, "array", lets, [index, ...later]);
      const i = keep(recur(index, undefined), index, "index", lets, later);
      return { a, i };
    };

    const lower = rewriter<In.Node, Ctx>(Lshrunk, {
      Program: (node, ctx, recur) => ({ ...node, items: node.items.filter((i) => i.kind !== "Record").map((i) => recur(i, ctx)) }),
      Fn: (node, ctx, recur) => ({ ...recur.children(node, ctx), ret: layoutType(node.ret) }),
      Param: (node) => ({ ...node, type: layoutType(node.type) }),
      Let: (node, ctx, recur) => ({ ...node, type: layoutType(node.type), init: recur(node.init, ctx) }),
      Tuple(node, ctx, recur): Out.New {
        const refs = node.elems.map((e) => refBit(declaredType(e, types))).join("");
        return { kind: "New", fields: node.elems.map((e) => recur<Out.Expr>(e, ctx)), refs, loc: node.loc };
      },
      RecordLit(node, ctx, recur): Out.Expr {
        const fields = types.record(node.name)!;
        const refs = fields.map((f) => refBit(f.type)).join("");
        const inOrder = node.inits.every((init, i) => init.name === fields[i]!.name);
        if (inOrder) return { kind: "New", fields: node.inits.map((i) => recur<Out.Expr>(i.value, ctx)), refs, loc: node.loc };
        const lets: Out.Stmt[] = [];
        const values = new Map(node.inits.map((init, k) => [init.name, keep(recur(init.value, ctx), init.value, init.name, lets, node.inits.slice(k + 1).map((i) => i.value))] as const));
        return block(lets, { kind: "New", fields: fields.map((f) => values.get(f.name)!), refs, loc: node.loc }, node.loc);
      },
      Field(node, ctx, recur): Out.Load {
        const field = fieldOf(declaredType(node.target, types), node.field, types);
        return load(recur(node.target, ctx), fieldOffset(field.index), field.type, node.loc);
      },
      Index(node, _ctx, recur): Out.Expr {
        const lets: Out.Stmt[] = [];
        const { a, i } = element(node.target, node.index, recur, lets);
        return block(lets, load(a, elementsOffset, declaredType(node, types), node.loc, i), node.loc);
      },
      SetIndex(node, _ctx, recur): Out.Stmt[] {
        const lets: Out.Stmt[] = [];
        const { a, i } = element(node.array, node.index, recur, lets, [node.value]);
        const value = keep(recur(node.value, undefined), node.value, "value", lets);
        return [...lets, { kind: "Store", base: a, offset: BigInt(elementsOffset), index: i, value, loc: node.loc }];
      },
      Closure(node, ctx, recur): Out.Expr {
        if (node.captures.length === 0) return { kind: "StaticClosure", code: node.code, loc: node.loc };
        const refs = `0${node.captures.map((c) => refBit(declaredType(c, types))).join("")}`;
        return { kind: "New", fields: [{ kind: "Var", name: node.code, loc: node.loc }, ...node.captures.map((c) => recur<Out.Expr>(c, ctx))], refs, loc: node.loc };
      },
      Captured: (node): Out.Load => load({ kind: "Var", name: node.env, loc: node.loc }, captureOffset(Number(node.index)), node.type, node.loc),
      CallCode(node, ctx, recur): Out.Expr {
        const loc = node.loc;
        const code = fresh("code");
        const type = codeType(types.variable(node.closure)!);
        const read: Out.Load = { kind: "Load", base: { kind: "Var", name: node.closure, loc }, offset: BigInt(closureCodeOffset), index: null, type, loc };
        const call: Out.Call = { kind: "Call", callee: code, args: node.args.map((a) => recur<Out.Expr>(a, ctx)), loc };
        return block([{ kind: "Let", decl: "let", name: code, type, init: read, loc }], call, loc);
      },
      Prim(node, ctx, recur): Out.Expr {
        const args = node.args.map((a) => recur<Out.Expr>(a, ctx));
        const loc = node.loc;
        switch (node.op) {
          case "len": return load(args[0]!, lengthOffset, "Int", loc);
          case "array": return { kind: "NewArray", length: args[0]!, init: args[1]!, refs: refBit(declaredType(node.args[1]!, types)), loc };
          case "box": return { kind: "New", fields: [args[0]!], refs: refBit(declaredType(node.args[0]!, types)), loc };
          case "get": return load(args[0]!, fieldOffset(0), declaredType(node, types), loc);
          case "set": {
            const store: Out.Store = { kind: "Store", base: args[0]!, offset: BigInt(fieldOffset(0)), index: null, value: args[1]!, loc };
            return { kind: "Block", stmts: [store, { kind: "ExprStmt", expr: { kind: "Unit", loc }, loc }], loc };
          }
          default: return { ...node, op: node.op, args };
        }
      },
    });
    return lower(program, undefined);
  },
});


// lower-data-layout: Lchannels -> Ldata
//
// Lays data out in memory (spec/heap.md). A tuple, a record and a Box become a
// fields object, `new(...)`, fields in declaration order; an array, `array(n,
// init)`, of words, or of bytes for an Array[Bool] (elementSize). A field is read
// at byte 16 + 8 * its position; an element at 24 + size * index, its index
// checked against the length at 16 (which `len` reads) by the access itself until
// insert-index-checks writes the check out. Each `new` and `array` says which
// fields hold references, so that freeing can release them. Types shrink to
// words: Int, Bool, Unit, Union, Ref, and functions of those (closures, laid out
// next). A union's constructor with fields makes `new([tag,] fields...)`, one without
// the immediate tag*2+1, tested by value (by its low bit, not 0, when the union has no other
// immediate: skip-known-tests then knows it) or by the tag word of a pointer.
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
//   let a.3: Array[Int] = array(n.2, 0)              let a.3: Ref = array(n.2, 0) size 8 refs 0
//   a.3[i.4] = 7                                     *(a.3 + 24 + 8 * i.4) = 7
//   b.5[i.4] = false  (b.5: Array[Bool])             *(b.5 + 24 + 1 * i.4) = false

import type * as In from "../ir-defs/generated/Lchannels.js";
import type * as Out from "../ir-defs/generated/Ldata.js";
import { Ldata, layoutType } from "../ir-defs/ldata.js";
import { Lchannels } from "../ir-defs/lchannels.js";
import { isHeapType } from "../ir-defs/type-syntax.js";
import { rewriter, type Recur } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { elementSize, elementsOffset, fieldOffset, immediateOf, lengthOffset, tagOffset, unionLayout } from "../ir-defs/heap-layout.js";
import { declaredType, elementOf, fieldOf, typeContext } from "./shared/expression-types.js";
import { atomBinder, freshNamer } from "./shared/fresh-names.js";

/** "1" for a type whose values are references, "0" for any other. */
const refBit = (type: string): string => (isHeapType(type) ? "1" : "0");

export const lowerDataLayout = pass({
  name: "lower-data-layout",
  from: Lchannels,
  to: Ldata,
  purpose: "lay tuples, records, boxes, arrays, strings and unions out as heap objects: fields and elements at byte offsets",
  run(program: In.Program): Out.Program {
    const types = typeContext(Lchannels, program);
    type Ctx = undefined;
    const unions = new Map(program.items.flatMap((i) => (i.kind === "Union" ? [[i.name, i.ctors] as const] : [])));
    const lay = (type: string) => layoutType(type, new Set(unions.keys()));
    const ctorOf = (type: string, name: string) => {
      const ctors = unions.get(type)!;
      return { ctors, tag: ctors.findIndex((c) => c.name === name), layout: unionLayout(ctors.map((c) => c.fields.length)) };
    };

    const fresh = freshNamer(Lchannels, program);
    const once = atomBinder(Lchannels, fresh);
    /** `e` (lowered) kept in a variable unless it is an atom that no operand `later` assigns: the lets to run first, and the atom. */
    const keep = (e: Out.Expr, original: In.Expr, hint: string, lets: Out.Stmt[], later: readonly In.Expr[] = []): Out.Expr =>
      once(e, hint, () => lay(declaredType(original, types)), original.loc, lets, later);
    const block = (stmts: Out.Stmt[], value: Out.Expr, loc: In.Expr["loc"]): Out.Expr =>
      stmts.length === 0 ? value : { kind: "Block", stmts: [...stmts, { kind: "ExprStmt", expr: value, loc }], loc };
    const load = (base: Out.Expr, offset: number, type: string, loc: In.Expr["loc"], index: Out.Expr | null = null): Out.Load => ({ kind: "Load", base, offset: BigInt(offset), size: index && elementSize(type), index, type: lay(type), loc });
    /** The array and index of `a[i]` (`later`: the operands after them), kept (the access checks i against a's length). */
    const element = (target: In.Expr, index: In.Expr, recur: Recur<Ctx>, lets: Out.Stmt[], later: readonly In.Expr[] = []) => {
      const a = keep(recur(target, undefined), target, "array", lets, [index, ...later]);
      const i = keep(recur(index, undefined), index, "index", lets, later);
      return { a, i };
    };
    const int = (value: bigint | number, loc: In.Expr["loc"]): Out.Int => ({ kind: "Int", value: BigInt(value), loc });
    const [eq, only] = [(left: Out.Expr, right: Out.Expr): Out.Binary => ({ kind: "Binary", op: "==", left, right, loc: left.loc }), (e: Out.Expr): Out.Block => ({ kind: "Block", stmts: [{ kind: "ExprStmt", expr: e, loc: e.loc }], loc: e.loc })];
    /** Whether the union value `v` (an atom) was made by `ctor`: an immediate's value, or a pointer's (`1 & v` is 0) tag word. */
    const isCtor = (v: Out.Expr, type: string, ctor: string, loc: In.Expr["loc"]): Out.Expr => {
      const { ctors, tag, layout } = ctorOf(type, ctor);
      const lowBit = (op: "==" | "!=") => ({ ...eq({ kind: "Binary", op: "&", left: int(1, loc), right: v, loc }, int(0, loc)), op });
      if (ctors[tag]!.fields.length === 0) return layout.soleImmediate ? lowBit("!=") : eq(v, int(immediateOf(tag), loc));
      const tagIs = eq(load(v, tagOffset, "Int", loc), int(tag, loc));
      if (!layout.immediates) return layout.tagged ? tagIs : { kind: "Bool", value: true, loc };
      return layout.tagged ? { kind: "If", cond: lowBit("=="), then: only(tagIs), else: only({ kind: "Bool", value: false, loc }), loc } : lowBit("==");
    };

    const lower = rewriter<In.Node, Ctx>(Lchannels, {
      Program: (node, ctx, recur) => ({ ...node, items: node.items.filter((i) => i.kind !== "Record" && i.kind !== "Union").map((i) => recur(i, ctx)) }),
      Construct(node, ctx, recur): Out.Expr {
        const { ctors, tag, layout } = ctorOf(node.type, node.ctor);
        const [name, loc] = [fresh("nullary"), node.loc]; // an immediate, in a Union variable: a store of it drops the old value
        if (node.args.length === 0) return block([{ kind: "Let", decl: "let", name, type: "Union", init: int(immediateOf(tag), loc), loc }], { kind: "Var", name, loc }, loc);
        const refs = (layout.tagged ? "0" : "") + ctors[tag]!.fields.map((f) => refBit(f.type)).join("");
        return { kind: "New", fields: [...(layout.tagged ? [int(tag, loc)] : []), ...node.args.map((a) => recur<Out.Expr>(a, ctx))], refs, loc };
      },
      IsCtor(node, ctx, recur): Out.Expr {
        const lets: Out.Stmt[] = [];
        return block(lets, isCtor(keep(recur(node.value, ctx), node.value, "union", lets), node.type, node.ctor, node.loc), node.loc);
      },
      CtorField(node, ctx, recur): Out.Load {
        const { ctors, tag, layout } = ctorOf(node.type, node.ctor);
        const i = ctors[tag]!.fields.findIndex((f) => f.name === node.field);
        return load(recur(node.value, ctx), layout.fieldOffset(i), ctors[tag]!.fields[i]!.type, node.loc);
      },
      Fn: (node, ctx, recur) => ({ ...recur.children(node, ctx), ret: lay(node.ret) }),
      Param: (node) => ({ ...node, type: lay(node.type) }),
      Let: (node, ctx, recur) => ({ ...node, type: lay(node.type), init: recur(node.init, ctx) }),
      Captured: (node) => ({ ...node, type: lay(node.type) }),
      Tuple(node, ctx, recur): Out.New {
        const refs = node.elems.map((e) => refBit(declaredType(e, types))).join("");
        return { kind: "New", fields: node.elems.map((e) => recur<Out.Expr>(e, ctx)), refs, loc: node.loc };
      },
      RecordLit(node, ctx, recur): Out.Expr {
        const fields = types.record(node.name)!, refs = fields.map((f) => refBit(f.type)).join("");
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
        return [...lets, { kind: "Store", base: a, offset: BigInt(elementsOffset), size: elementSize(elementOf(declaredType(node.array, types), "Array")), index: i, value, loc: node.loc }];
      },
      Prim(node, ctx, recur): Out.Expr {
        const args = node.args.map((a) => recur<Out.Expr>(a, ctx)), loc = node.loc;
        switch (node.op) {
          case "len": return load(args[0]!, lengthOffset, "Int", loc);
          case "array": return { kind: "NewArray", length: args[0]!, init: args[1]!, size: elementSize(declaredType(node.args[1]!, types)), refs: refBit(declaredType(node.args[1]!, types)), loc };
          case "box": return { kind: "New", fields: [args[0]!], refs: refBit(declaredType(node.args[0]!, types)), loc };
          case "get": return load(args[0]!, fieldOffset(0), declaredType(node, types), loc);
          case "set": {
            const store: Out.Store = { kind: "Store", base: args[0]!, offset: BigInt(fieldOffset(0)), size: null, index: null, value: args[1]!, loc };
            return { kind: "Block", stmts: [store, { kind: "ExprStmt", expr: { kind: "Unit", loc }, loc }], loc };
          }
          default: return { ...node, op: node.op, args };
        }
      },
    });
    return lower(program, undefined);
  },
});


// expose-allocation: Lreleased -> Lalloc
//
// Makes allocation explicit. A fields object becomes a call of the runtime's
// allocator, `alloc(bytes, info)`, with its size and info word (spec/heap.md:
// kind 1, the number of fields, and the mask of those that hold references),
// followed by one store per field; an array becomes `alloc_array(n, x, info)`.
// The new object's count is 1: the variable that receives it owns it.
//
// Before (Lreleased):                          After (Lalloc):
//   p.1 = new(x.2, s.3) refs 01            p.1 = alloc(32, 131585)
//                                          *(p.1 + 16) = x.2
//                                          *(p.1 + 24) = s.3
//   a.4 = array(n.5, 0) refs 0             a.4 = alloc_array(n.5, 0, 2)

import type * as In from "../ir-defs/generated/Lreleased.js";
import type * as Out from "../ir-defs/generated/Lalloc.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { Lreleased } from "../ir-defs/lreleased.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { arrayInfo, fieldOffset, fieldsBytes, fieldsInfo } from "../ir-defs/heap-layout.js";

export const exposeAllocation = pass({
  name: "expose-allocation",
  from: Lreleased,
  to: Lalloc,
  purpose: "make allocation explicit: alloc(bytes, info) and a store per field; alloc_array for arrays",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lreleased, program);
    const expose = rewriter<In.Node, undefined>(Lreleased, {
      Assign(node): Out.CStmt | Out.CStmt[] {
        const e = node.value;
        const loc = node.loc;
        if (e.kind === "NewArray") return { ...node, value: { kind: "AllocArray", length: e.length, init: e.init, info: arrayInfo(e.refs, e.size), loc: e.loc } };
        if (e.kind !== "New") return node as Out.Assign;
        // A field may be the variable that receives the object (`xs = Cons(x, xs)`): then the object is made in a new one.
        const self = e.fields.some((f) => f.kind === "Var" && f.name === node.name);
        const object: Out.Var = { kind: "Var", name: self ? fresh("new") : node.name, loc };
        const bytes = BigInt(fieldsBytes(e.fields.length));
        const alloc: Out.Assign = { ...node, name: object.name, value: { kind: "Alloc", bytes, info: fieldsInfo(e.refs), loc: e.loc } };
        const stores = e.fields.map((value, i): Out.Store => ({ kind: "Store", base: object, offset: BigInt(fieldOffset(i)), size: null, index: null, value, loc }));
        return [alloc, ...stores, ...(self ? [{ ...node, value: object }] : [])];
      },
    });
    return expose(program, undefined);
  },
});

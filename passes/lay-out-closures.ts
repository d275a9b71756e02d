// lay-out-closures: Ldata -> Llayout
//
// Lays closures out in memory as lower-data-layout laid out the other data
// (spec/heap.md). A closure is a fields object: its code's address in field 0
// (no reference), then what it captured, read at 24 + 8 * i. One that captures
// nothing is a static object, made once in the program's data, so a fn item
// used as a value allocates nothing. A call through a closure loads its code,
// at 16, first, and calls it with the arguments as given (the closure first).
// A function value is now a `Ref` like any other object; a type `fn(Ref, Int)
// -> Int` is the type of a function's code, which takes its closure first.
// `spawn(s, c)` gives the runtime the closure's code and the closure,
// `spawn(s, code, c)`: the task calls code(c), as a call through c would.
//
// Before (Ldata):                               After (Llayout):
//   let f.3: fn(Int) -> Int =                     let f.3: Ref = new(main_fn1, k.2) refs 00
//     closure main_fn1(k.2)                       let y.6: Int = {
//   let y.6: Int = call code(f.3)(f.3, 1)           let code.9: fn(Ref, Int) -> Int = *(f.3 + 16): fn(Ref, Int) -> Int
//   let g.7: fn(Int) -> Int =                       call code.9(f.3, 1)
//     closure double_closure()                    }
// fn main_fn1(env.7: fn(Int) -> Int, x.4: Int)    let g.7: Ref = static closure double_closure
//   -> Int {                                    fn main_fn1(env.7: Ref, x.4: Int) -> Int {
//   let k.5: Int = captured(env.7, 0): Int        let k.5: Int = *(env.7 + 24): Int
//   ...                                           ...

import type * as In from "../ir-defs/generated/Ldata.js";
import type * as Out from "../ir-defs/generated/Llayout.js";
import { Ldata } from "../ir-defs/ldata.js";
import { Llayout } from "../ir-defs/llayout.js";
import { isHeapType, parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { captureOffset, closureCodeOffset } from "../ir-defs/heap-layout.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { freshNamer } from "./shared/fresh-names.js";

/** A word's type once closures are objects: a function value (a closure) is a Ref. */
const word = (type: string): string => (type.startsWith("fn(") ? "Ref" : type);

/** The type of the code of a closure of type `type`: it takes the closure first. */
function codeType(type: string): string {
  const t = parseType(type);
  if (t?.kind !== "fn") throw new Error(`${type} is not a function's type`);
  const inWords = (u: TypeTree): TypeTree => parseType(word(showType(u)))!;
  return showType({ kind: "fn", params: [{ kind: "name", name: "Ref" }, ...t.params.map(inWords)], ret: inWords(t.ret) });
}

export const layOutClosures = pass({
  name: "lay-out-closures",
  from: Ldata,
  to: Llayout,
  purpose: "lay closures out as fields objects of their code and captured values; a call through one loads its code first",
  run(program: In.Program): Out.Program {
    const types = typeContext(Ldata, program);
    const fresh = freshNamer(Ldata, program);
    const layOut = rewriter<In.Node, undefined>(Ldata, {
      Fn: (node, ctx, recur) => ({ ...recur.children(node, ctx), ret: word(node.ret) }),
      Param: (node) => ({ ...node, type: word(node.type) }),
      Let: (node, ctx, recur) => ({ ...node, type: word(node.type), init: recur(node.init, ctx) }),
      Load: (node, ctx, recur) => ({ ...recur.children(node, ctx), type: word(node.type) }),
      Closure(node, ctx, recur): Out.Expr {
        if (node.captures.length === 0) return { kind: "StaticClosure", code: node.code, loc: node.loc };
        const refs = `0${node.captures.map((c) => (isHeapType(declaredType(c, types)) ? "1" : "0")).join("")}`;
        return { kind: "New", fields: [{ kind: "Var", name: node.code, loc: node.loc }, ...node.captures.map((c) => recur<Out.Expr>(c, ctx))], refs, loc: node.loc };
      },
      Captured: (node): Out.Load =>
        ({ kind: "Load", base: { kind: "Var", name: node.env, loc: node.loc }, offset: BigInt(captureOffset(Number(node.index))), size: null, index: null, type: word(node.type), loc: node.loc }),
      CallCode(node, ctx, recur): Out.Expr {
        const [loc, code, type] = [node.loc, fresh("code"), codeType(types.variable(node.closure)!)];
        const read: Out.Load = { kind: "Load", base: { kind: "Var", name: node.closure, loc }, offset: BigInt(closureCodeOffset), size: null, index: null, type, loc };
        const call: Out.Call = { kind: "Call", callee: code, args: node.args.map((a) => recur<Out.Expr>(a, ctx)), loc };
        return { kind: "Block", stmts: [{ kind: "Let", decl: "let", name: code, type, init: read, loc }, { kind: "ExprStmt", expr: call, loc }], loc };
      },
      Prim(node, ctx, recur): Out.Expr {
        const args = node.args.map((a) => recur<Out.Expr>(a, ctx));
        if (node.op !== "spawn") return { ...node, args };
        const [loc, task, code, type] = [node.loc, fresh("task"), fresh("code"), codeType("fn() -> Unit")];
        const read: Out.Load = { kind: "Load", base: { kind: "Var", name: task, loc }, offset: BigInt(closureCodeOffset), size: null, index: null, type, loc };
        const spawn: Out.Prim = { ...node, args: [args[0]!, { kind: "Var", name: code, loc }, { kind: "Var", name: task, loc }] };
        const lets: Out.Let[] = [{ kind: "Let", decl: "let", name: task, type: "Ref", init: args[1]!, loc }, { kind: "Let", decl: "let", name: code, type, init: read, loc }];
        return { kind: "Block", stmts: [...lets, { kind: "ExprStmt", expr: spawn, loc }], loc };
      },
    });
    return layOut(program, undefined) as Out.Program;
  },
});

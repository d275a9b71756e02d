// desugar-for: Lvalues -> Lwhile
//
// Rewrites `for i in a..b body` as a while loop over a counter. The bound is
// evaluated once, before the loop. The counter is stepped before the body runs,
// so `continue` cannot skip the step, and it never passes the bound, so it
// cannot overflow even when the bound is the largest Int. The new names extend
// the loop variable's name, unique since uniquify, so they clash with nothing.
//
// Before:                            After:
//   for i.1 in 0..n.2 {                let mut i.1.next: Int = 0
//     print_int(i.1)                   let i.1.end: Int = n.2
//   }                                  while (i.1.next < i.1.end) {
//                                        let i.1: Int = i.1.next
//                                        i.1.next = (i.1.next + 1)
//                                        print_int(i.1)
//                                      }
//
// `for v in a` is the same loop over the indices of the array a:
//
//   for v.3 in a.4 {                   let v.3.array: Array[Int] = a.4
//     print_int(v.3)                   let mut v.3.next: Int = 0
//   }                                  let v.3.end: Int = len(v.3.array)
//                                      while (v.3.next < v.3.end) {
//                                        let v.3: Int = v.3.array[v.3.next]
//                                        v.3.next = (v.3.next + 1)
//                                        print_int(v.3)
//                                      }
//
// `for v in ch` over a channel receives until the channel is closed and drained
// (spec/language.md, "Concurrency"); `continue` receives the next value:
//
//   for v.3: Int in recv c.4:          let v.3.chan: Chan[Int] = c.4
//       Option[Int] {                  while true {
//     print_int(v.3)                     let v.3.recv: Option[Int] = recv(v.3.chan): Option[Int]
//   }                                    if (v.3.recv is Option[Int]::Some) {
//                                          let v.3: Int = (v.3.recv as Option[Int]::Some).value
//                                          print_int(v.3)
//                                        } else { break }
//                                      }

import type * as In from "../ir-defs/generated/Lvalues.js";
import type * as Out from "../ir-defs/generated/Lwhile.js";
import { Lvalues } from "../ir-defs/lvalues.js";
import { Lwhile } from "../ir-defs/lwhile.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { declaredType, elementOf, typeContext } from "./shared/expression-types.js";
import { unionsByName } from "./shared/unions.js";

export const desugarFor = pass({
  name: "desugar-for",
  from: Lvalues,
  to: Lwhile,
  purpose: "rewrite for loops over ranges, arrays and channels as while loops",
  run(program: In.Program): Out.Program {
    const types = typeContext(Lvalues, program);
    const unions = unionsByName(program.items);
    const desugar = rewriter<In.Node, undefined>(Lvalues, {
      // One statement becomes three; the rewriter splices them into the block.
      For(node, ctx, recur): Out.Stmt[] {
        const loc = node.loc;
        const next = `${node.name}.next`;
        const end = `${node.name}.end`;
        const use = (name: string): Out.Var => ({ kind: "Var", name, loc });
        const body = recur<Out.Block>(node.body, ctx);
        const step: Out.Assign = {
          kind: "Assign",
          name: next,
          value: { kind: "Binary", left: use(next), op: "+", right: { kind: "Int", value: 1n, loc }, loc },
          loc,
        };
        return [
          { kind: "Let", decl: "let mut", name: next, type: "Int", init: recur(node.from, ctx), loc },
          { kind: "Let", decl: "let", name: end, type: "Int", init: recur(node.to, ctx), loc },
          {
            kind: "While",
            cond: { kind: "Binary", left: use(next), op: "<", right: use(end), loc },
            body: { ...body, stmts: [{ kind: "Let", decl: "let", name: node.name, type: "Int", init: use(next), loc }, step, ...body.stmts] },
            loc,
          },
        ];
      },
      // `for v in a`: the same loop over the indices of a (evaluated once), v bound to each element.
      ForEach(node, ctx, recur): Out.Stmt[] {
        const loc = node.loc;
        const [array, next, end] = [`${node.name}.array`, `${node.name}.next`, `${node.name}.end`];
        const use = (name: string): Out.Var => ({ kind: "Var", name, loc });
        const arrayType = declaredType(node.iter, types);
        const body = recur<Out.Block>(node.body, ctx);
        const step: Out.Assign = { kind: "Assign", name: next, value: { kind: "Binary", left: use(next), op: "+", right: { kind: "Int", value: 1n, loc }, loc }, loc };
        const element: Out.Let = { kind: "Let", decl: "let", name: node.name, type: elementOf(arrayType, "Array"), init: { kind: "Index", target: use(array), index: use(next), loc }, loc };
        return [
          { kind: "Let", decl: "let", name: array, type: arrayType, init: recur(node.iter, ctx), loc },
          { kind: "Let", decl: "let mut", name: next, type: "Int", init: { kind: "Int", value: 0n, loc }, loc },
          { kind: "Let", decl: "let", name: end, type: "Int", init: { kind: "Prim", op: "len", args: [use(array)], loc }, loc },
          { kind: "While", cond: { kind: "Binary", op: "<", left: use(next), right: use(end), loc }, body: { ...body, stmts: [element, step, ...body.stmts] }, loc },
        ];
      },
      // `for v in ch`: a receive per turn; Some binds v and runs the body, None leaves the loop.
      ForChan(node, ctx, recur): Out.Stmt[] {
        const loc = node.loc;
        const [chan, received] = [`${node.name}.chan`, `${node.name}.recv`];
        const use = (name: string): Out.Var => ({ kind: "Var", name, loc });
        const body = recur<Out.Block>(node.body, ctx);
        // The prelude's Option: its first constructor is Some (named `prelude.Some` where the program's own file hides the name).
        const ctor = unions.get(node.option)?.ctors[0];
        const [some, field] = [ctor?.name, ctor?.fields[0]?.name];
        if (some === undefined || field === undefined) throw new Error(`desugar-for: ${node.option} has no Some with a field`);
        const value: Out.Let = { kind: "Let", decl: "let", name: node.name, type: node.type, init: { kind: "CtorField", value: use(received), type: node.option, ctor: some, field, loc }, loc };
        const next: Out.If = {
          kind: "If",
          cond: { kind: "IsCtor", value: use(received), type: node.option, ctor: some, loc },
          then: { ...body, stmts: [value, ...body.stmts] },
          else: { kind: "Block", stmts: [{ kind: "Break", loc }], loc },
          loc,
        };
        return [
          { kind: "Let", decl: "let", name: chan, type: `Chan[${node.type}]`, init: recur(node.chan, ctx), loc },
          {
            kind: "While",
            cond: { kind: "Bool", value: true, loc },
            body: { kind: "Block", stmts: [{ kind: "Let", decl: "let", name: received, type: node.option, init: { kind: "Recv", chan: use(chan), type: node.option, loc }, loc }, { kind: "ExprStmt", expr: next, loc }], loc },
            loc,
          },
        ];
      },
    });
    return desugar(program, undefined);
  },
});

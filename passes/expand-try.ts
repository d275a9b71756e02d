// expand-try: Lresolved -> Lnotry
//
// Writes each `try e` as the match it means (brief §6): the value of an Ok, or
// the Err returned from the function at once. The Result tried and the one the
// function returns may differ in their Ok type (check-types made their error
// types the same), so the Err is made again, of the function's Result. Its
// constructors are the prelude's Result's, by position (Ok first, then Err),
// whatever the program names its own. compile-match then makes the match a
// test of the tag like any other.
//
// Before:                                        After:
//   let h.2: Int =                                 let h.2: Int = match call half(x.1): Result[Int, String] {
//     (try call half(x.1): Result[Int, String]       Result[Int, String]::Ok(value.3: Int) => value.3
//       -> Result[Int, String])                      Result[Int, String]::Err(error.4: String) =>
//                                                      {return Result[Int, String]::Err(error.4)}
//                                                  }

import type * as In from "../ir-defs/generated/Lresolved.js";
import type * as Out from "../ir-defs/generated/Lnotry.js";
import { Lresolved } from "../ir-defs/lresolved.js";
import { Lnotry } from "../ir-defs/lnotry.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { unionsByName } from "./shared/unions.js";

export const expandTry = pass({
  name: "expand-try",
  from: Lresolved,
  to: Lnotry,
  purpose: "write each try as a match on its Result whose Err arm returns the error from the function",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lresolved, program);
    const unions = unionsByName(program.items);
    const expand = rewriter<In.Node, undefined>(Lresolved, {
      Try(node, ctx, recur): Out.Match {
        const loc = node.loc;
        const [ok, err] = unions.get(node.type)!.ctors as [In.Ctor, In.Ctor];
        const [errOut] = unions.get(node.ret)!.ctors.slice(1) as [In.Ctor];
        const [value, error] = [fresh(ok.fields[0]!.name), fresh(err.fields[0]!.name)];
        const binder = (name: string, type: string): Out.Binder => ({ kind: "Binder", name, type, loc });
        const made: Out.Construct = { kind: "Construct", type: node.ret, ctor: errOut.name, args: [{ kind: "Var", name: error, loc }], loc };
        const arms: Out.Arm[] = [
          { kind: "Arm", pattern: { kind: "CtorPat", type: node.type, ctor: ok.name, args: [binder(value, ok.fields[0]!.type)], loc }, guard: null, body: { kind: "Var", name: value, loc }, loc },
          { kind: "Arm", pattern: { kind: "CtorPat", type: node.type, ctor: err.name, args: [binder(error, err.fields[0]!.type)], loc }, guard: null, body: { kind: "Block", stmts: [{ kind: "Return", value: made, loc }], loc }, loc },
        ];
        return { kind: "Match", scrutinee: recur<Out.Expr>(node.value, ctx), type: node.type, arms, loc };
      },
    });
    return expand(program, undefined) as Out.Program;
  },
});

// check-types: Lsrc -> Ltyped
//
// Checks the program against the typing rules (spec/language.md) and makes the
// types explicit: every `let` states its type (inferred when omitted; a `let`
// whose value never arrives, like `panic(...)`, is Unit), and each call of a
// built-in becomes a primitive chosen by its argument's type. Every error is
// collected; one CompileError lists them all. Rules: src/check-body.ts
// (statements, expressions), src/check-constants.ts (const items), src/types.ts.
//
// Before (Lsrc):                     After (Ltyped):
//   const N: Int = 3                   const N: Int = 3
//   fn main() {                        fn main() {
//     let b = N > 2                      let b: Bool = (N > 2)
//     print(b)                           print_bool(b)
//   }                                  }

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { Ltyped as LtypedIL } from "../ir-defs/ltyped.js";
import { checkBlock, tailLoc, type Checker } from "../src/check-body.js";
import { checkConstants } from "../src/check-constants.js";
import { CompileError, diagnosticSink, startOfFile, type DiagnosticSink } from "../src/diagnostics.js";
import { pass, type PassContext } from "../src/pass.js";
import { fits } from "../src/types.js";

/** Items by name, first definition first; a second item of the same name is an error. */
function itemsByName(items: readonly Lsrc.Item[], sink: DiagnosticSink): Map<string, Lsrc.Item> {
  const byName = new Map<string, Lsrc.Item>();
  for (const item of items) {
    const first = byName.get(item.name);
    if (!first) byName.set(item.name, item);
    else sink.report(item.loc, `\`${item.name}\` is defined twice`, first.loc ? [{ loc: first.loc, message: `the first \`${item.name}\` is here` }] : []);
  }
  return byName;
}

/** `fn main()`: no parameters, returns Unit, and its body has type Unit. */
function checkMain(fn: Lsrc.Fn, checker: Checker): Ltyped.Fn {
  const { sink } = checker;
  if (fn.params.length > 0) sink.report(fn.params[0]!.loc, "`fn main()` takes no parameters");
  if (fn.ret !== null && fn.ret !== "Unit") sink.report(fn.loc, `\`fn main()\` must return Unit, not ${fn.ret}`);
  const body = checkBlock(checker, fn.body);
  if (!fits(body.type, "Unit")) sink.report(tailLoc(fn.body), `expected Unit, found ${body.type} (the body of \`main\` must not produce a value)`);
  return { ...fn, params: [], body: body.node };
}

export const checkTypes = pass({
  name: "check-types",
  from: LsrcIL,
  to: LtypedIL,
  purpose: "check the typing rules; give every let its type and turn built-in calls into typed primitives",
  run(program: Lsrc.Program, context: PassContext): Ltyped.Program {
    const sink = diagnosticSink(context.file);
    const byName = itemsByName(program.items, sink);
    const constItems = new Map<string, Lsrc.Const>();
    for (const [name, item] of byName) if (item.kind === "Const") constItems.set(name, item);
    const functions = new Set([...byName.values()].filter((i) => i.kind === "Fn").map((i) => i.name));
    const checker: Checker = { sink, constants: checkConstants(constItems, sink), functions, scope: null, loops: 0 };

    const items: Ltyped.Item[] = [];
    for (const item of program.items) {
      if (byName.get(item.name) !== item) continue; // a duplicate, reported above
      if (item.kind === "Const") items.push(item as Ltyped.Const); // a constant expression: no calls, no lets
      else if (item.name === "main") items.push(checkMain(item, checker));
      else sink.report(item.loc, "only `fn main()` is supported for now");
    }
    if (!functions.has("main")) sink.report(startOfFile, "no `fn main()` in this file");
    if (sink.diagnostics.length > 0) throw new CompileError(sink.diagnostics);
    return { ...program, items };
  },
});

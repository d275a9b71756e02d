// check-types: Lsrc -> Ltyped
//
// Checks the program against the typing rules (spec/language.md) and makes the
// types explicit: every fn states its result type (Unit when `->` is omitted),
// every `return` its value, every `let` its type (inferred when omitted; a `let`
// whose value never arrives, like `panic(...)`, is Unit), and each call of a
// built-in becomes a primitive chosen by its argument's type. Every error is
// collected; one CompileError lists them all. Rules: front-end/check-body.ts
// (statements, expressions), front-end/check-constants.ts (const items), front-end/types.ts.
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
import { functionType } from "../ir-defs/lsrc.js";
import { checkBlock, checkExpr } from "../front-end/check-body.js";
import { checkConstants } from "../front-end/check-constants.js";
import { CompileError, diagnosticSink, startOfFile, type DiagnosticSink } from "../front-end/diagnostics.js";
import { pass, type PassContext } from "../il/pass.js";
import { fits, type Type } from "../front-end/types.js";
import { checkRecords } from "../front-end/check-data.js";
import { bind, tailLoc, type Checker, type Records } from "../front-end/checker.js";
import { typeLocOf } from "../front-end/parser.js";

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

/** A fn item with its types resolved (aliases expanded; `->` omitted: Unit). */
const resolved = (fn: Lsrc.Fn, records: Records): Lsrc.Fn & { ret: string } => ({
  ...fn,
  params: fn.params.map((p) => ({ ...p, type: records.resolve(p.type, typeLocOf(p) ?? p.loc) })),
  ret: fn.ret === null ? "Unit" : records.resolve(fn.ret, typeLocOf(fn) ?? fn.loc),
});

/** The type of a fn item: `fn(Int, Bool) -> Int`. */
const signature = (fn: Lsrc.Fn & { ret: string }): Type => functionType(fn.params.map((p) => p.type), fn.ret);

/** A fn item: its parameters are bound, immutable, in the body, whose type fits the result type. */
function checkFn(fn: Lsrc.Fn & { ret: string }, checker: Checker): Ltyped.Fn {
  const { sink } = checker;
  const ret = fn.ret;
  if (fn.name === "main") {
    if (fn.params.length > 0) sink.report(fn.params[0]!.loc, "`fn main()` takes no parameters");
    if (ret !== "Unit") sink.report(fn.loc, `\`fn main()\` must return Unit, not ${ret}`);
  }
  checker.scope = { names: null, parent: null };
  for (const param of fn.params) {
    if (checker.scope.names?.has(param.name)) sink.report(param.loc, `\`${param.name}\` is a parameter of \`${fn.name}\` twice`);
    bind(checker, param.name, { type: param.type, mutable: false, what: "parameter", loc: param.loc });
  }
  const result = fn.name === "main" ? "Unit" : ret; // main's wrong result type is reported above
  checker.result = result;
  const body = checkBlock(checker, fn.body);
  checker.scope = null;
  if (!fits(body.type, result)) {
    const why = result === "Unit" ? `the body of \`${fn.name}\` must not produce a value` : `the body of \`${fn.name}\` must end in its ${ret} result or return it`;
    sink.report(tailLoc(fn.body), `expected ${result}, found ${body.type} (${why})`);
  }
  return { ...fn, ret, body: body.node };
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
    const records = checkRecords(program.items, sink);
    const fns = new Map<string, Lsrc.Fn & { ret: string }>();
    for (const [name, item] of byName) if (item.kind === "Fn") fns.set(name, resolved(item, records));
    const functions = new Map([...fns].map(([name, fn]) => [name, signature(fn)] as const));
    const checker: Checker = { sink, constants: checkConstants(constItems, sink), functions, records, result: "Unit", scope: null, loops: 0, checkExpr, checkBlock };

    const items: Ltyped.Item[] = [];
    for (const item of program.items) {
      if (byName.get(item.name) !== item) continue; // a duplicate, reported above
      if (item.kind === "Const") items.push(item as Ltyped.Const); // a constant expression: no calls, no lets
      else if (item.kind === "Record") items.push({ ...item, fields: item.fields.map((f, i) => ({ ...f, type: records.fields.get(item.name)![i]!.type })) });
      else if (item.kind === "Fn") items.push(checkFn(fns.get(item.name)!, checker));
    }
    if (!functions.has("main")) sink.report(startOfFile, "no `fn main()` in this file");
    if (sink.diagnostics.length > 0) throw new CompileError(sink.diagnostics);
    return { ...program, items };
  },
});

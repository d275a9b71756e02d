// check-types: Lsrc -> Ltyped
//
// Checks the program against the typing rules (spec/language.md) and makes the
// types explicit: every fn states its result type (Unit when `->` is omitted),
// every `return` its value, every `let` its type (inferred when omitted; a `let`
// whose value never arrives, like `panic(...)`, is Unit), and each call of a
// built-in becomes a primitive chosen by its argument's type; every type is
// written out in full, its aliases replaced. Every error is collected; one
// CompileError lists them all. Rules: front-end/check-body.ts (statements,
// expressions), check-data.ts (data), type-items.ts (records and aliases),
// check-constants.ts (const items), operators.ts; the checker's types, which
// never expand an alias to compare or show a type, are front-end/types.ts.
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
import { checkBlock, checkExpr } from "../front-end/check-body.js";
import { checkConstants } from "../front-end/check-constants.js";
import { CompileError, diagnosticSink, startOfFile, type DiagnosticSink } from "../front-end/diagnostics.js";
import { pass, type PassContext } from "../il/pass.js";
import { ErrorType, fits, isType, show, tooBig, typeTable, typeText, UnitType, type Type, type TypeTable } from "../front-end/types.js";
import { checkTypeItems, type TypeItems } from "../front-end/type-items.js";
import { bind, tailLoc, type Checker } from "../front-end/checker.js";
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

/** A fn item's signature: its parameter and result types (`->` omitted: Unit), and its type
 * `fn(Int, Bool) -> Int`, which must be small enough to write out like any other (types.ts). */
interface Signature {
  readonly params: readonly Type[];
  readonly ret: Type;
  readonly type: Type;
}

function signatureOf(fn: Lsrc.Fn, records: TypeItems, types: TypeTable, sink: DiagnosticSink): Signature {
  const params = fn.params.map((p) => records.resolve(p.type, typeLocOf(p) ?? p.loc));
  const ret = fn.ret === null ? UnitType : records.resolve(fn.ret, typeLocOf(fn) ?? fn.loc);
  const type = types.fn(params, ret);
  const why = tooBig(type);
  if (why === null) return { params, ret, type };
  sink.report(fn.loc, `the type of \`${fn.name}\`, ${show(type)}, ${why}`);
  return { params, ret, type: ErrorType };
}

/** A fn item: its parameters are bound, immutable, in the body, whose type fits the result type. */
function checkFn(fn: Lsrc.Fn, signature: Signature, checker: Checker): Ltyped.Fn {
  const { sink } = checker;
  const { params, ret } = signature;
  if (fn.name === "main") {
    if (fn.params.length > 0) sink.report(fn.params[0]!.loc, "`fn main()` takes no parameters");
    if (!isType(ret, UnitType)) sink.report(fn.loc, `\`fn main()\` must return Unit, not ${show(ret)}`);
  }
  checker.scope = { names: null, parent: null };
  fn.params.forEach((param, i) => {
    if (checker.scope!.names?.has(param.name)) sink.report(param.loc, `\`${param.name}\` is a parameter of \`${fn.name}\` twice`);
    bind(checker, param.name, { type: params[i]!, mutable: false, what: "parameter", loc: param.loc });
  });
  const result = fn.name === "main" ? UnitType : ret; // main's wrong result type is reported above
  checker.result = result;
  const body = checkBlock(checker, fn.body);
  checker.scope = null;
  if (!fits(body.type, result)) {
    const why = result === UnitType ? `the body of \`${fn.name}\` must not produce a value` : `the body of \`${fn.name}\` must end in its ${show(ret)} result or return it`;
    sink.report(tailLoc(fn.body), `expected ${show(result)}, found ${show(body.type)} (${why})`);
  }
  return { ...fn, params: fn.params.map((p, i) => ({ ...p, type: typeText(params[i]!) })), ret: typeText(ret), body: body.node };
}

export const checkTypes = pass({
  name: "check-types",
  from: LsrcIL,
  to: LtypedIL,
  purpose: "check the typing rules; give every let its type and turn built-in calls into typed primitives",
  run(program: Lsrc.Program, context: PassContext): Ltyped.Program {
    const sink = diagnosticSink(context.file);
    const byName = itemsByName(program.items, sink);
    const types = typeTable();
    const records = checkTypeItems(byName.values(), types, sink);
    const constItems = new Map<string, Lsrc.Const>();
    for (const [name, item] of byName) if (item.kind === "Const") constItems.set(name, item);
    const constants = checkConstants(constItems, (item) => records.resolve(item.type, typeLocOf(item) ?? item.loc), sink);
    const signatures = new Map<string, Signature>();
    for (const [name, item] of byName) if (item.kind === "Fn") signatures.set(name, signatureOf(item, records, types, sink));
    const functions = new Map([...signatures].map(([name, s]) => [name, s.type] as const));
    const checker: Checker = { sink, constants, functions, records, types, result: UnitType, scope: null, loops: 0, checkExpr, checkBlock };

    const items: Ltyped.Item[] = [];
    for (const item of program.items) {
      if (byName.get(item.name) !== item) continue; // a duplicate, reported above
      if (item.kind === "Const") items.push({ ...item, type: typeText(constants.get(item.name)!.type) } as Ltyped.Const); // a constant expression: no calls, no lets
      else if (item.kind === "Record") {
        const fields = records.fields.get(item.name); // none for a built-in type's name, reported
        if (fields) items.push({ ...item, fields: item.fields.map((f, i) => ({ ...f, type: typeText(fields[i]!.type) })) });
      } else if (item.kind === "Fn") items.push(checkFn(item, signatures.get(item.name)!, checker));
    }
    const main = byName.get("main");
    if (main === undefined) sink.report(startOfFile, "no `fn main()` in this file");
    else if (main.kind !== "Fn") sink.report(main.loc, "`main` must be a function: the program starts at `fn main()`");
    if (sink.diagnostics.length > 0) throw new CompileError(sink.diagnostics);
    return { ...program, items };
  },
});

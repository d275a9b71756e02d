// check-types: Lsrc -> Ltyped
//
// Checks the program against the typing rules (spec/language.md) and makes the
// types explicit: every fn states its result type (Unit when `->` is omitted),
// every `return` its value, every `let` its type (inferred when omitted; a `let`
// whose value never arrives, like `panic(...)`, is Unit), and each call of a
// built-in becomes a primitive chosen by its argument's type; every type is
// written out in full, its aliases replaced. Names are resolved: a constructor's
// use becomes a Construct, a generic function's call a GenericCall, each with
// the type arguments inference found (front-end/inference.ts). The prelude's
// items that the program uses join its own; the rest are dropped. Every error
// is collected; one CompileError lists them all. Warnings (an arm that can
// never match) go to the pass context when there is no error. Rules:
// front-end/check-body.ts (statements, expressions), check-data.ts (data),
// check-match.ts (match, patterns, try; exhaustiveness.ts judges the arms),
// type-items.ts (records, unions and aliases), check-constants.ts (const
// items), operators.ts; the checker's types, which never expand an alias to
// compare or show a type, are front-end/types.ts.
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
import type { Loc } from "../il/node.js";
import { ErrorType, isType, show, tooBig, typeTable, typeText, UnitType, type TypeTable } from "../front-end/types.js";
import { checkTypeItems, typeParamsOf, type TypeItems, type TypeScope } from "../front-end/type-items.js";
import { bind, expectType, tailLoc, type Checker, type Signature } from "../front-end/checker.js";
import { finish, newInference } from "../front-end/inference.js";
import { checkInstantiation } from "../front-end/instantiation.js";
import { hiddenName } from "../front-end/prelude.js";
import { typeLocOf } from "../front-end/parser.js";

type ItemIn = Exclude<Lsrc.Item, Lsrc.Module>;

/** Items by name, first definition first; a second item of the same name is an error, and
 * so is a union's constructor named like an item or another constructor (one namespace). */
function itemsByName(items: readonly ItemIn[], sink: DiagnosticSink): Map<string, ItemIn> {
  const byName = new Map<string, ItemIn>();
  const twice = (name: string, loc: Loc | undefined, first: Loc | undefined) => sink.report(loc, `\`${name}\` is defined twice`, first ? [{ loc: first, message: `the first \`${name}\` is here` }] : []);
  for (const item of items) {
    const first = byName.get(item.name);
    if (!first) byName.set(item.name, item);
    else twice(item.name, item.loc, first.loc);
  }
  const ctors = new Map<string, Loc | undefined>();
  for (const item of byName.values()) {
    if (item.kind !== "Union" && item.kind !== "GenericUnion") continue;
    for (const ctor of item.ctors) {
      const first = byName.get(ctor.name);
      if (first) twice(ctor.name, ctor.loc, first.loc);
      else if (ctors.has(ctor.name)) twice(ctor.name, ctor.loc, ctors.get(ctor.name));
      else ctors.set(ctor.name, ctor.loc);
    }
  }
  return byName;
}

/** A fn item's signature: its type must be small enough to write out like any other (types.ts). */
function signatureOf(fn: Lsrc.Fn | Lsrc.GenericFn, scope: TypeScope, tparams: Signature["tparams"], data: TypeItems, types: TypeTable, sink: DiagnosticSink): Signature {
  const params = fn.params.map((p) => data.resolve(p.type, typeLocOf(p) ?? p.loc, scope));
  const ret = fn.ret === null ? UnitType : data.resolve(fn.ret, typeLocOf(fn) ?? fn.loc, scope);
  const type = types.fn(params, ret);
  const why = tooBig(type);
  if (why === null) return { tparams, params, ret, type };
  sink.report(fn.loc, `the type of \`${fn.name}\`, ${show(type)}, ${why}`);
  return { tparams, params, ret, type: ErrorType };
}

/** A fn item: its parameters are bound, immutable, in the body, whose type fits the result type;
 * then inference fills in what it found (front-end/inference.ts). */
function checkFn(fn: Lsrc.Fn | Lsrc.GenericFn, signature: Signature, checker: Checker): Ltyped.Fn | Ltyped.GenericFn {
  const { sink } = checker;
  const { params, ret } = signature;
  if (fn.name === "main") {
    if (fn.kind === "GenericFn") sink.report(fn.loc, "`fn main()` cannot have type parameters");
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
  const why = result === UnitType ? `the body of \`${fn.name}\` must not produce a value` : `the body of \`${fn.name}\` must end in its ${show(ret)} result or return it`;
  expectType(checker, body.type, result, tailLoc(fn.body), why);
  finish(checker.inference, checker.types, sink);
  const typed = { ...fn, params: fn.params.map((p, i) => ({ ...p, type: typeText(params[i]!) })), ret: typeText(ret), body: body.node };
  return typed as Ltyped.Fn | Ltyped.GenericFn;
}

/** A record's or union's fields with their types written out. */
const fieldsOut = (decls: readonly Lsrc.FieldDecl[], types: readonly { type: Parameters<typeof typeText>[0] }[]): Ltyped.FieldDecl[] =>
  decls.map((f, i) => ({ ...f, type: typeText(types[i]?.type ?? ErrorType) }));

/** The items reachable from the program's own through what each uses: the prelude's items
 * outside it are dropped. */
function reachable(own: readonly string[], uses: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const seen = new Set<string>();
  const pending = [...own];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...(uses.get(name) ?? []));
  }
  return seen;
}

export const checkTypes = pass({
  name: "check-types",
  from: LsrcIL,
  to: LtypedIL,
  purpose: "check the typing rules; give every let its type and turn built-in calls into typed primitives; resolve constructors and generic uses",
  run(program: Lsrc.Program, context: PassContext): Ltyped.Program {
    const sink = diagnosticSink(context.file);
    const warnings = diagnosticSink(context.file);
    const own = program.items.filter((item): item is ItemIn => item.kind !== "Module");
    const prelude = program.items.flatMap((item) => (item.kind === "Module" ? item.items : [])) as ItemIn[];
    const byName = itemsByName([...own, ...prelude], sink);
    const types = typeTable();
    const data = checkTypeItems(byName.values(), types, sink);
    const constItems = new Map<string, Lsrc.Const>();
    for (const [name, item] of byName) if (item.kind === "Const") constItems.set(name, item);
    const constants = checkConstants(constItems, (item) => data.resolve(item.type, typeLocOf(item) ?? item.loc), sink);
    const uses = new Map<string, ReadonlySet<string>>(data.uses);
    const scopes = new Map<string, TypeScope>();
    const signatures = new Map<string, Signature>();
    for (const [name, item] of byName) {
      if (item.kind !== "Fn" && item.kind !== "GenericFn") continue;
      const params = item.kind === "GenericFn" ? typeParamsOf(name, item.tparams, types, sink) : new Map();
      const scope: TypeScope = { params, uses: new Set() };
      scopes.set(name, scope);
      uses.set(name, scope.uses!);
      signatures.set(name, signatureOf(item, scope, [...params.values()], data, types, sink));
    }
    const result = prelude.find((item) => item.name === "Result" || item.name === hiddenName("Result"));
    const checker: Checker = {
      sink, warnings, constants, functions: signatures, data, types, inference: newInference(), preludeResult: result?.name ?? null,
      typeScope: { params: new Map(), uses: null }, result: UnitType, scope: null, loops: 0, checkExpr, checkBlock,
    };

    const items: Ltyped.Item[] = [];
    for (const item of [...own, ...prelude]) {
      if (byName.get(item.name) !== item) continue; // a duplicate, reported above
      switch (item.kind) {
        case "Const": items.push({ ...item, type: typeText(constants.get(item.name)!.type) } as Ltyped.Const); break; // a constant expression: no calls, no lets
        case "Record": case "GenericRecord": {
          const record = data.records.get(item.name); // none for a built-in type's name, reported
          if (record) items.push({ ...item, fields: fieldsOut(item.fields, record.fields) });
          break;
        }
        case "Union": case "GenericUnion": {
          const union = data.unions.get(item.name);
          if (union) items.push({ ...item, ctors: item.ctors.map((ctor, i) => ({ ...ctor, fields: fieldsOut(ctor.fields, union.ctors[i]!.fields) })) });
          break;
        }
        case "Fn": case "GenericFn":
          checker.typeScope = scopes.get(item.name)!;
          items.push(checkFn(item, signatures.get(item.name)!, checker));
          break;
        case "TypeAlias": break;
        default: {
          const never: never = item;
          throw new Error(`unknown item ${(never as { kind: string }).kind}`);
        }
      }
    }
    const main = byName.get("main");
    if (main === undefined) sink.report(startOfFile, "no `fn main()` in this file");
    else if (main.kind !== "Fn" && main.kind !== "GenericFn") sink.report(main.loc, "`main` must be a function: the program starts at `fn main()`");
    if (sink.diagnostics.length === 0) checkInstantiation(items, sink); // needs every type argument known
    if (sink.diagnostics.length > 0) throw new CompileError(sink.diagnostics);
    for (const w of warnings.diagnostics) context.warn?.(w);
    if (prelude.length === 0) return { ...program, items };
    const used = reachable(own.map((item) => item.name), uses);
    const preludeNames = new Set(prelude.map((item) => item.name));
    return { ...program, items: items.filter((item) => !preludeNames.has(item.name) || used.has(item.name)) };
  },
});

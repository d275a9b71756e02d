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
// items that the program uses join its own; the rest are dropped. Protocols are
// checked and dropped; each method of an impl becomes an item of its own, a
// Method stating its type (front-end/protocols.ts). Every error
// is collected; one CompileError lists them all. Warnings (an arm that can
// never match) go to the pass context when there is no error. Rules:
// front-end/check-items.ts (items), check-body.ts (statements, expressions), check-data.ts (data),
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
import { checkFn, checkMethods, fieldsOut, itemsByName, reachable, signatureOf, type ItemIn } from "../front-end/check-items.js";
import { checkProtocols, noteBounds } from "../front-end/protocols.js";
import { checkConstants } from "../front-end/check-constants.js";
import { CompileError, diagnosticSink, sourceNames, startOfFile } from "../front-end/diagnostics.js";
import { pass, type PassContext } from "../il/pass.js";
import { ErrorType, typeTable, typeText, UnitType } from "../front-end/types.js";
import { checkTypeItems, typeParamsOf, type TypeScope } from "../front-end/type-items.js";
import type { Checker, Signature } from "../front-end/checker.js";
import { newInference } from "../front-end/inference.js";
import { checkInstantiation } from "../front-end/instantiation.js";
import { hiddenName } from "../front-end/prelude.js";
import { sourcesOf } from "../front-end/modules.js";
import { typeLocOf } from "../front-end/parser.js";
import { unreachable } from "../il/node.js";

export const checkTypes = pass({
  name: "check-types",
  from: LsrcIL,
  to: LtypedIL,
  purpose: "check the typing rules; give every let its type and turn built-in calls into typed primitives; resolve constructors and generic uses",
  run(program: Lsrc.Program, context: PassContext): Ltyped.Program {
    const sink = diagnosticSink(context.file, sourceNames);
    const warnings = diagnosticSink(context.file, sourceNames);
    const preludeItems = program.items.flatMap((item) => (item.kind === "Module" ? item.items : []));
    const isImpl = (item: Lsrc.Item): item is Lsrc.Impl | Lsrc.ProtocolImpl => item.kind === "Impl" || item.kind === "ProtocolImpl";
    const own = program.items.filter((item): item is ItemIn => item.kind !== "Module" && !isImpl(item));
    const prelude = preludeItems.filter((item): item is ItemIn => !isImpl(item));
    // The prelude's impls first: a method of the program's that clashes with one of theirs is the one reported, in the program's file.
    const impls = [...preludeItems.filter(isImpl).map((item) => ({ item, own: false })), ...program.items.filter(isImpl).map((item) => ({ item, own: true }))];
    const byName = itemsByName([...own, ...prelude], sink);
    const types = typeTable();
    const data = checkTypeItems(byName.values(), types, sink);
    const constItems = new Map<string, Lsrc.Const>();
    for (const [name, item] of byName) if (item.kind === "Const") constItems.set(name, item);
    const constants = checkConstants(constItems, (item) => data.resolve(item.type, typeLocOf(item) ?? item.loc), sink);
    const ownTypes = new Set(own.map((item) => item.name));
    const protocolItems = [...byName.values()].filter((item): item is Lsrc.Protocol => item.kind === "Protocol");
    const protocols = checkProtocols(protocolItems, impls, ownTypes, data, types, sink, (owner, tparams) => typeParamsOf(owner, tparams, types, sink));
    const uses = new Map<string, ReadonlySet<string>>(data.uses);
    const scopes = new Map<string, TypeScope>();
    const signatures = new Map<string, Signature>();
    for (const [name, item] of byName) {
      if (item.kind !== "Fn" && item.kind !== "GenericFn") continue;
      const params = item.kind === "GenericFn" ? typeParamsOf(name, item.tparams, types, sink) : new Map();
      if (item.kind === "GenericFn") noteBounds(protocols, item.tparams, params, sink);
      const self = item.params.find((p) => p.name === "self");
      if (self) sink.report(self.loc, "`self` outside a method: only a method in an impl takes `self`");
      const scope: TypeScope = { params: self ? new Map([...params, ["Self", ErrorType]]) : params, uses: new Set() }; // (its `Self`: reported with `self`)
      scopes.set(name, scope);
      uses.set(name, scope.uses!);
      signatures.set(name, signatureOf(item, scope, [...params.values()], data, types, sink));
    }
    const preludeItem = (name: string) => prelude.find((item) => item.name === name || item.name === hiddenName(name))?.name ?? null;
    const checker: Checker = {
      sink, warnings, constants, functions: signatures, data, types, inference: newInference(), preludeResult: preludeItem("Result"), preludeOption: preludeItem("Option"),
      protocols, preludeEq: preludeItem("Eq"), preludeOrd: preludeItem("Ord"), pendingBounds: [],
      typeScope: { params: new Map(), uses: null }, result: UnitType, arrowless: null, scope: null, loops: 0, scopes: 0, checkExpr, checkBlock,
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
        case "TypeAlias": case "Protocol": break; // (protocols are the checker's only)
        default: unreachable(item);
      }
    }
    const methodUses = checkMethods(protocols, checker, items);
    const main = byName.get("main");
    if (main === undefined) sink.report(startOfFile, "no `fn main()` in this file");
    else if (main.kind !== "Fn" && main.kind !== "GenericFn") sink.report(main.loc, "`main` must be a function: the program starts at `fn main()`");
    if (sink.diagnostics.length === 0) checkInstantiation(items, sink); // needs every type argument known
    if (sink.diagnostics.length > 0) throw new CompileError(sink.diagnostics, sourcesOf(context));
    for (const w of warnings.diagnostics) context.warn?.(w);
    if (prelude.length === 0) return { ...program, items };
    for (const [name, set] of methodUses) uses.set(name, set);
    const used = reachable([...own.map((item) => item.name), ...methodUses.keys()], uses);
    const preludeNames = new Set(prelude.map((item) => item.name));
    return { ...program, items: items.filter((item) => item.kind === "Method" || item.kind === "GenericMethod" || !preludeNames.has(item.name) || used.has(item.name)) };
  },
});

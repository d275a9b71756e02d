// Lmono: Luniq without generic items. monomorphize made one copy of each per
// list of type arguments the program uses, named by them (spec/symbols.md): a
// function `swap[Int, Bool]`, a record `Pair[Int, Bool]`, a union
// `Option[Int]`. A type such as `Pair[Int, Bool]` is the name of that record:
// the copies are items like the others, and every type names one of them or
// is built in. Unions, match and `try` stay (expand-try and compile-match
// come next).
import { extendIL, type Invariant } from "../il/define.js";
import { forEachNode } from "../il/rewrite.js";
import { Luniq } from "./luniq.js";
import { monoNames } from "./names.js";
import { namedTypes, parseType, showType } from "./type-syntax.js";

const builtIn: ReadonlySet<string> = new Set(["Int", "Bool", "Unit", "String"]);

export const everyTypeNamesAnItem: Invariant = {
  says: "every named type is built in (Chan[T] too) or names a record or union of the program (no type parameter is left)",
  check(program) {
    const list = (program as { items?: { kind: string; name: string }[] }).items;
    if (!Array.isArray(list)) return null; // (a piece of a program, or a later IL without items)
    const items = new Set(list.filter((i) => i.kind === "Record" || i.kind === "Union").map((i) => i.name));
    let broken: { path: string; message: string } | null = null;
    forEachNode(Lmono, program, (node, path) => {
      if (broken) return;
      for (const field of Lmono.kinds.get(node.kind)?.fields ?? []) {
        const value = node[field.name];
        if (field.type !== "type" || typeof value !== "string") continue;
        const unknown = namedTypes(parseType(value)!).find((t) => !builtIn.has(showName(t)) && !items.has(showName(t)) && !isChannel(t));
        if (unknown) broken = { path: `${path()}.${field.name}`, message: `${showName(unknown)} names no record or union of the program` };
      }
    });
    return broken;
  },
};

/** A channel's type `Chan[T]`, built in (its T is checked as a type of its own). */
const isChannel = (t: ReturnType<typeof namedTypes>[number]): boolean => t.name === "Chan" && t.args.length === 1;

/** A named type's text: its name, with its type arguments when it is an instance. */
const showName = (t: ReturnType<typeof namedTypes>[number]): string => showType({ kind: "name", name: t.name, args: t.args });

export const Lmono = extendIL(Luniq, {
  name: "Lmono",
  purpose: "no generic items: one copy of each per list of type arguments used, named by them (swap[Int, Bool], Pair[Int, Bool])",
  terminals: { name: monoNames },
  remove: ["GenericUnion", "GenericRecord", "GenericFn", "GenericMethod", "TypeParam", "GenericRecordLit", "GenericCall", "FnInstance", "GenericMethodCall"],
  invariants: [everyTypeNamesAnItem],
});

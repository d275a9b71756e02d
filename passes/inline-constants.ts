// inline-constants: Lmono -> Lnoconst
//
// Replaces every reference to a const item by the const's value, an Int, Bool or
// String literal computed here (check-types made sure each initialiser is a constant
// expression over literals, operators and other consts), and drops the items.
// After uniquify a local is never named like a const, so a Var whose name is a
// const's is a reference to it.
//
// Before:                              After:
//   const STEP: Int = (LIMIT / 4)        fn main() {
//   const LIMIT: Int = 16                  let x.1: Int = (4 * 2)
//   fn main() {                            print_int(x.1)
//     let x.1: Int = (STEP * 2)          }
//     print_int(x.1)
//   }

import type * as In from "../ir-defs/generated/Lmono.js";
import type * as Out from "../ir-defs/generated/Lnoconst.js";
import { Lnoconst } from "../ir-defs/lnoconst.js";
import { Lmono } from "../ir-defs/lmono.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { binary, stringBinary, unary } from "../ir-defs/semantics.js";

type Constant = bigint | boolean | string;

/** Evaluates each const once, on first use, so the items' order does not matter. */
function constantValues(items: readonly In.Item[]): (name: string) => Constant | undefined {
  const definitions = new Map<string, In.Expr>();
  for (const item of items) if (item.kind === "Const") definitions.set(item.name, item.value);
  const values = new Map<string, Constant>();
  const valueOf = (name: string): Constant | undefined => {
    const known = values.get(name);
    if (known !== undefined) return known;
    const definition = definitions.get(name);
    if (definition === undefined) return undefined;
    values.set(name, evaluate(definition)); // the graph is acyclic: check-types says so
    return values.get(name);
  };
  const evaluate = (e: In.Expr): Constant => {
    switch (e.kind) {
      case "Int":
      case "Bool":
      case "Str":
        return e.value;
      case "Var": {
        const v = valueOf(e.name);
        if (v === undefined) throw new Error(`${e.name} is not a constant`);
        return v;
      }
      case "Unary": return unary(e.op, evaluate(e.arg) as bigint | boolean);
      case "Binary": {
        const [left, right] = [evaluate(e.left), evaluate(e.right)];
        return typeof left === "string" ? stringBinary(e.op, left, right as string) : binary(e.op, left, right as bigint | boolean);
      }
      default: throw new Error(`a ${e.kind} is not a constant expression`);
    }
  };
  return valueOf;
}

export const inlineConstants = pass({
  name: "inline-constants",
  from: Lmono,
  to: Lnoconst,
  purpose: "replace each const by its value and drop the const items",
  run(program: In.Program): Out.Program {
    const valueOf = constantValues(program.items);
    const inline = rewriter<In.Node, undefined>(Lmono, {
      Var(node) {
        const value = valueOf(node.name);
        if (value === undefined) return node;
        if (typeof value === "string") return { kind: "Str", value, loc: node.loc };
        return typeof value === "bigint" ? { kind: "Int", value, loc: node.loc } : { kind: "Bool", value, loc: node.loc };
      },
    });
    const items = program.items.filter((item) => item.kind !== "Const").map((item) => inline(item, undefined));
    return { ...program, items };
  },
});

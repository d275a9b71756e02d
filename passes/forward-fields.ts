// forward-fields: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a field read of an object the function made itself, with a literal
// in that field, becomes the literal. After inline-calls, method_calls' loop
// reads `acc.scale` and `acc.offset` of `Acc { scale: 3, offset: 7 }` on every
// turn; as literals, fold-constants carries them into the arithmetic, and
// `(i & 1023) * 3` is one leaq on x86-64 instead of an imulq by a register.
//
// What it proves first, for a variable p (and the variables p is copied to or
// from, taken together: `q = p`):
// - p is no parameter, and every assignment of it is `new(...)` or a copy of
//   another such variable: p holds an object made by one of those `new`s;
// - p is read only as the base of a load, or as the value copied to another
//   such variable: no store, call, primitive or other object ever receives
//   the object, so no code, here or elsewhere, can write into it (a Box's
//   `set` is a store through its reference; a record's fields are never
//   written after `new`);
// - every such `new` has the same Int or Bool literal in the field (field i
//   lies at heap-layout's fieldOffset(i)), and the load, of that type, is of
//   that word and has no index (a match's arm for another variant may load
//   another type there: it never runs, and keeps its load).
// Then every object p can hold has that literal in that word, whichever `new`
// made it and on whichever turn of a loop.
//
// Before:                                 After:
//   main.start:                             main.start:
//     acc.1 = new(3, 7) refs 00               acc.1 = new(3, 7) refs 00
//     ...                                     ...
//   main.Acc_step_1.start:                  main.Acc_step_1.start:
//     tmp.13 = *(acc.1 + 16): Int             tmp.13 = 3
//     tmp.15 = *(acc.1 + 24): Int             tmp.15 = 7

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { fieldOffset } from "../ir-defs/heap-layout.js";
import { forEachNode } from "../il/rewrite.js";
import { pass } from "../il/pass.js";

type Literal = C.Int | C.Bool;

/** The objects `def` keeps to itself: each such variable's group (joined by copies) and the `new`s that made the group's objects. */
function privateObjects(def: C.Def): Map<string, C.New[]> {
  const made = new Map<string, C.New[]>();
  const copies: [to: string, from: string][] = [];
  const out = new Set(def.params); // variables that may hold anything else, or whose object others see
  const see = (node: unknown, allowed?: C.Atom) =>
    forEachNode(Lcfg, node, (n) => {
      if (n.kind === "Var" && n !== allowed) out.add(n.name as string);
    });
  for (const b of def.blocks) {
    for (const s of b.stmts) {
      if (s.kind !== "Assign") {
        see(s);
        continue;
      }
      const v = s.value;
      if (v.kind === "New") made.set(s.name, [...(made.get(s.name) ?? []), v]);
      else if (v.kind === "Var") copies.push([s.name, v.name]);
      else out.add(s.name);
      see(v, v.kind === "Load" ? v.base : v.kind === "Var" ? v : undefined);
    }
    see(b.tail);
  }
  // A copy between a kept variable and one that is not: neither is kept.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [to, from] of copies) {
      if (out.has(to) !== out.has(from)) [to, from].forEach((name) => out.add(name)), (changed = true);
    }
  }
  const group = new Map<string, string>(); // each kept variable to its group's first member
  const find = (name: string): string => (group.get(name) === undefined || group.get(name) === name ? name : find(group.get(name)!));
  for (const [to, from] of copies) if (!out.has(to)) group.set(find(to), find(from));
  const objects = new Map<string, C.New[]>();
  for (const [name, news] of made) if (!out.has(name)) objects.set(find(name), [...(objects.get(find(name)) ?? []), ...news]);
  return new Map([...made.keys(), ...copies.map(([to]) => to)].filter((name) => !out.has(name)).map((name) => [name, objects.get(find(name)) ?? []]));
}

/** The literal every one of `news` has in the field at `offset`, or null. */
function fieldLiteral(news: readonly C.New[], offset: bigint): Literal | null {
  const fields = news.map((n) => n.fields.find((_, i) => BigInt(fieldOffset(i)) === offset));
  const first = fields[0];
  if (!first || (first.kind !== "Int" && first.kind !== "Bool")) return null;
  return fields.every((f) => f?.kind === first.kind && f.value === first.value) ? first : null;
}

export const forwardFields = pass({
  name: "forward-fields",
  from: Lcfg,
  to: Lcfg,
  purpose: "a field read of an object the function made with a literal there, and gave to no one, becomes that literal",
  run(program: C.Program): C.Program {
    const forward = (def: C.Def): C.Def => {
      const objects = privateObjects(def);
      const value = (e: C.CExpr): C.CExpr => {
        if (e.kind !== "Load" || e.base.kind !== "Var" || e.index !== null) return e;
        const literal = fieldLiteral(objects.get(e.base.name) ?? [], e.offset);
        return literal?.kind === e.type ? { ...literal, ...(e.loc ? { loc: e.loc } : {}) } : e;
      };
      const statement = (s: C.CStmt): C.CStmt => {
        if (s.kind !== "Assign") return s;
        const forwarded = value(s.value);
        return forwarded === s.value ? s : { ...s, value: forwarded };
      };
      return objects.size === 0 ? def : { ...def, blocks: def.blocks.map((b) => ({ ...b, stmts: b.stmts.map(statement) })) };
    };
    return { ...program, defs: program.defs.map(forward) };
  },
});

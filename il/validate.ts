// The IL machinery, part 2: the validator derived from an IL's definition.
//
// validate(L, term) answers whether term is a program of L. When it is not, the
// answer names the first offending node by its path from the root
// (`items[0].body.stmts[2].init.args[1]`), the production it should match, and
// what was wrong. The IL's invariants (what the grammar cannot say) are checked
// after the grammar.

import { kindsOf, type Field, type IL, type Production } from "./define.js";
import { isNode } from "./node.js";

export type Validation =
  | { readonly ok: true }
  | { readonly ok: false; readonly il: string; readonly path: string; readonly message: string; readonly production: string };

export function productionText(p: Production): string {
  return `${p.nonterminal} ::= ${p.template.replace(/\n/g, "\\n")}   (${p.kind})`;
}

function describeValue(v: unknown): string {
  if (isNode(v)) return `a ${v.kind} node`;
  if (Array.isArray(v)) return "a list";
  if (typeof v === "bigint") return `the integer ${v}`;
  if (v === null) return "null";
  if (v === undefined) return "nothing";
  return `${typeof v} ${JSON.stringify(v, (_key, x: unknown) => (typeof x === "bigint" ? `${x}n` : x))}`;
}

export function validate(il: IL, term: unknown): Validation {
  const allowed = new Map<string, Set<string>>();
  const kindsFor = (nt: string) => {
    let s = allowed.get(nt);
    if (!s) allowed.set(nt, (s = new Set(kindsOf(il, nt))));
    return s;
  };
  let failure: Validation | null = null;
  const fail = (path: string, message: string, production: string) => {
    failure = { ok: false, il: il.name, path: path || "(root)", message, production };
    return false;
  };

  // Checks one value against a field's type; `where` names the production it belongs to.
  const checkValue = (value: unknown, type: string, path: string, where: string): boolean => {
    const t = il.terminals.get(type);
    if (t) return t.test(value) || fail(path, `expected ${t.describe} (${type}), found ${describeValue(value)}`, where);
    if (!isNode(value)) return fail(path, `expected a ${type} node, found ${describeValue(value)}`, where);
    const kinds = kindsFor(type);
    const p = il.kinds.get(value.kind);
    if (!p || !kinds.has(value.kind)) {
      const why = p ? `${value.kind} is a ${p.nonterminal}, not a ${type}` : `${il.name} has no ${value.kind} form`;
      return fail(path, `${why}; a ${type} is one of: ${[...kinds].join(", ")}`, where);
    }
    return checkNode(value as Record<string, unknown>, p, path);
  };

  const checkField = (node: Record<string, unknown>, f: Field, p: Production, path: string): boolean => {
    const at = path ? `${path}.${f.name}` : f.name;
    const v = node[f.name];
    const where = productionText(p);
    if (f.arity === "optional" && v === null) return true;
    if (f.arity === "many") {
      if (!Array.isArray(v)) return fail(at, `expected a list of ${f.type}, found ${describeValue(v)}`, where);
      for (let i = 0; i < v.length; i++) if (!checkValue(v[i], f.type, `${at}[${i}]`, where)) return false;
      return true;
    }
    if (v === undefined) return fail(at, `field ${f.name} of ${p.kind} is missing`, where);
    return checkValue(v, f.type, at, where);
  };

  const checkNode = (node: Record<string, unknown>, p: Production, path: string): boolean => {
    for (const f of p.fields) if (!checkField(node, f, p, path)) return false;
    for (const key of Object.keys(node)) {
      if (key !== "kind" && key !== "loc" && !p.fields.some((f) => f.name === key)) {
        return fail(path ? `${path}.${key}` : key, `${p.kind} has no field ${key}`, productionText(p));
      }
    }
    return true;
  };

  if (!checkValue(term, il.entry, "", `${il.entry} (the entry of ${il.name})`)) return failure!;
  for (const inv of il.invariants) {
    const broken = inv.check(term);
    if (broken) return { ok: false, il: il.name, path: broken.path, message: broken.message, production: `invariant: ${inv.says}` };
  }
  return { ok: true };
}

/** A one-paragraph account of a failed validation, for errors and the explorer. */
export function explainValidation(v: Validation): string {
  if (v.ok) return "valid";
  return `not a program of ${v.il}: at ${v.path}: ${v.message}\n  breaks ${v.production}`;
}

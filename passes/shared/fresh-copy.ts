// A copy of a piece of program in which every variable it binds has a new
// name: for the passes that write the same code twice while no name may be
// bound twice (Luniq's invariant): monomorphize makes a copy of a generic
// function per instance, compile-match writes an arm that several branches
// of its decision tree reach once in each. Serves monomorphize (Luniq -> Lmono)
// and compile-match (Lnotry -> Lnomatch).
//
// A variable is bound by a let, a for or for-each loop (over an array or a channel), a parameter or a
// pattern's binder (the node's `name`); each gets `hint.N` from the pass's
// fresh namer, its hint the old name without its number. Every use of it in
// the copy (a variable, an assignment, a call through it) follows. Names are
// unique in the whole program, so no scope needs minding: a name bound inside
// the copy is renamed wherever it appears in the copy, and nothing else is.

import { isNode } from "../../il/node.js";

const binders: ReadonlySet<string> = new Set(["Let", "Using", "For", "ForEach", "ForChan", "Param", "Binder"]);

/** The names `term` binds, anywhere in it. */
function boundIn(term: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(term)) for (const t of term) boundIn(t, out);
  else if (isNode(term)) {
    if (binders.has(term.kind)) out.add(term.name as string);
    for (const [key, value] of Object.entries(term)) if (key !== "loc") boundIn(value, out);
  }
  return out;
}

/** `term` with the names in `renamed` replaced wherever a node names a variable. */
function rename<T>(term: T, renamed: ReadonlyMap<string, string>): T {
  if (Array.isArray(term)) return term.map((t) => rename(t, renamed)) as T;
  if (!isNode(term)) return term;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(term)) {
    const named = (key === "name" || key === "callee" || key === "scrutinee" || key === "target") && typeof value === "string";
    copy[key] = named ? (renamed.get(value) ?? value) : key === "loc" ? value : rename(value, renamed);
  }
  return copy as T;
}

/** A copy of `term` whose every bound variable has a fresh name. */
export function freshCopy<T>(term: T, fresh: (hint: string) => string): T {
  const renamed = new Map([...boundIn(term, new Set())].map((name) => [name, fresh(name.replace(/\.[0-9]+$/, ""))] as const));
  return renamed.size === 0 ? term : rename(term, renamed);
}

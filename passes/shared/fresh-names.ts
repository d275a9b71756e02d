// Fresh variable names for the passes that invent variables (remove-complex-operands,
// explicate-control, select-instructions and others: 31 passes, from monomorphize (Luniq ->
// Lmono) to each target's use-conditional-moves (Lx86var -> Lx86var, La64var -> La64var);
// each names its own contract). Source names cannot contain a `.`, and uniquify names every
// local `x.N` with one counter; a fresh name `hint.M` takes M past every `.N`
// already in the program, so it can collide with no name, source or invented.
// atomBinder below names an expression that must be computed once, or read
// before a later operand changes it.

import type { IL } from "../../il/define.js";
import { forEachNode } from "../../il/rewrite.js";

/** A maker of names `hint.N` that the program does not use yet. The program is
 * scanned on the first call, so a pass that invents no name pays nothing. */
export function freshNamer(il: IL, program: unknown): (hint: string) => string {
  let counter: number | null = null;
  return (hint) => {
    if (counter === null) {
      let highest = 0;
      forEachNode(il, program, (node) => {
        const suffix = typeof node.name === "string" ? /\.(\d+)$/.exec(node.name) : null;
        if (suffix) highest = Math.max(highest, Number(suffix[1]));
      });
      counter = highest;
    }
    return `${hint}.${++counter}`;
  };
}

/** Literals, static closures and variables: reading one again gives the same value and does nothing else. */
const atomKinds: ReadonlySet<string> = new Set(["Var", "Int", "Bool", "Unit", "Str", "StaticClosure"]);
export const isAtom = (e: { readonly kind: string }): boolean => atomKinds.has(e.kind);

/** Whether evaluating any of `exprs` (nodes of `il`) may assign the variable `name`.
 * A call cannot: a function sees only its own variables. */
export function assigns(il: IL, exprs: readonly unknown[], name: string): boolean {
  let found = false;
  for (const e of exprs) forEachNode(il, e, (node) => (found ||= node.kind === "Assign" && node.name === name));
  return found;
}

type Loc = { readonly line: number; readonly col: number; readonly length: number } | undefined;

/**
 * For the tree passes that must compute an expression once and read it later
 * (desugar-compound-assign, desugar-field-update, lower-data-layout): `e`
 * itself when it is an atom; otherwise a new variable `hint.N`, after
 * `let hint.N: type = e` is pushed onto `lets` (every tree IL spells a let so).
 * Operands go left to right, so a variable is read into a new one too when
 * one of the operands `later` (nodes of `il`) assigns it: in `a[i] = { i = 2; 7 }`
 * the store goes to the `i` read before the block ran.
 */
export function atomBinder(il: IL, fresh: (hint: string) => string) {
  return <E extends { readonly kind: string }>(e: E, hint: string, type: () => string, loc: Loc, lets: unknown[], later: readonly unknown[] = []): E | { kind: "Var"; name: string; loc: Loc } => {
    if (isAtom(e) && !("name" in e && assigns(il, later, String(e.name)))) return e;
    const name = fresh(hint);
    lets.push({ kind: "Let", decl: "let", name, type: type(), init: e, loc });
    return { kind: "Var", name, loc };
  };
}

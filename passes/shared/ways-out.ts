// Leaving a block early, for expand-using (Lnomatch -> Lnousing) and
// lower-tasks (Lwhile -> Ltasks), each on its own ILs' nodes: each keeps, at
// every node, what must be undone on the way out of the blocks around it (the
// usings to drop, the scopes to close; the innermost last), and how many of
// those lie outside the innermost loop. A `break` or `continue` undoes those
// inside its loop; a `return` undoes all of them, after the value it returns
// is computed (bound to a fresh variable first, so the undoing cannot change
// it). The undoing runs innermost first, then the statement that leaves.

import type { Loc } from "../../il/node.js";

/** A node's location as spread into a node made from it (none when it has none). */
export const loc = (l: Loc | undefined): { loc?: Loc } => (l ? { loc: l } : {});

/** What is undone on the way out of the blocks around a node, the innermost last,
 * and how many of those are outside the innermost loop. */
export interface Pending<T> {
  readonly pending: readonly T[];
  readonly loop: number;
}

type Node = { readonly kind: string; readonly loc?: Loc };
type Leave = Node & { readonly kind: "Break" | "Continue" };
type Return<In> = Node & { readonly kind: "Return"; readonly value: In };

/**
 * The two ways out, given how a pass undoes some of its pending things (the
 * statements, innermost first) and how it binds the value a `return` returns
 * (a `let` of a fresh variable, of the type of the value before the pass).
 */
export function waysOut<T, S extends Node, E, In>(
  undo: (things: readonly T[], at: Loc | undefined) => S[],
  bindReturned: (before: In, value: E, at: Loc | undefined) => S & { readonly name: string },
) {
  /** `stmts`, then the statement `last` that leaves, as one statement. */
  const exit = (stmts: S[], last: Node, at: Loc | undefined): S => ({ kind: "ExprStmt", expr: { kind: "Block", stmts: [...stmts, last], ...loc(at) }, ...loc(at) }) as unknown as S;
  return {
    /** A `break` or `continue`, after undoing what is pending inside its loop. */
    leaveLoop<N extends Leave>(node: N, { pending, loop }: Pending<T>): N | S {
      return pending.length > loop ? exit(undo(pending.slice(loop), node.loc), node, node.loc) : node;
    },
    /** A `return`, its value `value` once the pass is done with it, after undoing everything pending. */
    leaveFunction(node: Return<In>, value: E, { pending }: Pending<T>): Node | S {
      if (pending.length === 0) return { ...node, value } as Node;
      const returned = bindReturned(node.value, value, node.loc);
      return exit([returned, ...undo(pending, node.loc)], { ...node, value: { kind: "Var", name: returned.name, ...loc(node.loc) } } as Node, node.loc);
    },
  };
}

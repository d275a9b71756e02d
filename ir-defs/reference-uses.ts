// How each statement and tail of Lfun uses the variables that hold references
// (uncover-live-references and insert-refcounts read it), and where control
// may go from a block.
//
// A use either consumes a reference (the value goes somewhere that will own
// it: a variable it is copied to, an argument, a field of a new object, a
// stored element, the function's result) or borrows it (the object is only
// looked at: an operand of a primitive (but the value `send` or `try_send` sends and the
// closure `spawn` gives its task, which move), the object a load or store goes
// through, the array `array(n, x)` fills with x, whose count the runtime
// raises by n itself). A call borrows the arguments it lends (Lborrowed: its
// `lent` positions, where the callee's parameter is borrowed).

import type * as L from "./generated/Lfun.js";

export interface Uses {
  /** Variables whose reference the statement consumes, once per occurrence, in order. */
  readonly consumed: string[];
  /** Variables it borrows. */
  readonly borrowed: Set<string>;
}

/** The arguments a primitive takes the reference of: the value of `send(ch, v)`, which moves into the
 * channel, that of `try_send(ch, v)`, which moves into it or is released, and the closure of
 * `spawn(s, code, c)`, which moves to the task (runtime-asm/README.md). */
export const movesArgument = (op: string, i: number): boolean => ((op === "send" || op === "try_send") && i === 1) || (op === "spawn" && i === 2);

const varOf = (a: L.Atom, refs: ReadonlySet<string>): string | null => (a.kind === "Var" && refs.has(a.name) ? a.name : null);

/** How a statement or tail uses the variables of `refs`. */
export function usesOf(s: L.CStmt | L.Tail, refs: ReadonlySet<string>): Uses {
  const consumed: string[] = [];
  const borrowed = new Set<string>();
  const consume = (a: L.Atom | null) => {
    const v = a && varOf(a, refs);
    if (v) consumed.push(v);
  };
  const borrow = (a: L.Atom | null) => {
    const v = a && varOf(a, refs);
    if (v) borrowed.add(v);
  };
  const expression = (e: L.CExpr) => {
    switch (e.kind) {
      case "Binary": return [e.left, e.right].forEach(borrow);
      case "Unary": return borrow(e.arg);
      case "Prim": return e.args.forEach((a, i) => (movesArgument(e.op, i) ? consume(a) : borrow(a)));
      case "Call": {
        borrow(e.callee);
        const lent = new Set((e as { lent?: readonly number[] }).lent ?? []);
        return e.args.forEach((a, i) => (lent.has(i) ? borrow(a) : consume(a)));
      }
      case "New": return e.fields.forEach(consume);
      case "NewArray": return [e.length, e.init].forEach(borrow);
      case "Load": return [e.base, e.index].forEach(borrow);
      case "Receive": return borrow(e.chan); // the value received is the caller's, an Int word (ir-defs/ldata.ts)
      default: return consume(e); // an atom copied into a variable
    }
  };
  switch (s.kind) {
    case "Assign": expression(s.value); break;
    case "Do": expression(s.expr); break;
    case "Store": [s.base, s.index].forEach(borrow); consume(s.value); break;
    case "CheckIndex": [s.index, s.length].forEach(borrow); break;
    case "Branch": [s.left, s.right].forEach(borrow); break;
    case "Return": consume(s.value); break;
    case "TailCall": borrow(s.callee); s.args.forEach(consume); break;
    case "Goto": break;
  }
  return { consumed, borrowed };
}

/** Every variable of `refs` that `s` reads. */
export const readsOf = (s: L.CStmt | L.Tail, refs: ReadonlySet<string>): string[] => {
  const { consumed, borrowed } = usesOf(s, refs);
  return [...consumed, ...borrowed];
};

export const successors = (t: L.Tail): string[] => (t.kind === "Goto" ? [t.target] : t.kind === "Branch" ? [t.then, t.else] : []);

/** Each block's ways in: the labels of the blocks whose tails go to it (one per way: a branch whose two ways lead there counts twice). */
export function predecessors(blocks: readonly { readonly label: string; readonly tail: L.Tail }[]): Map<string, string[]> {
  const preds = new Map<string, string[]>();
  for (const b of blocks) {
    for (const s of successors(b.tail)) {
      const from = preds.get(s);
      if (from) from.push(b.label);
      else preds.set(s, [b.label]);
    }
  }
  return preds;
}

/** The blocks in reverse postorder from the first (then those it does not reach, in their order):
 * each before the blocks it leads to, but along a loop's way back. A forward dataflow sweeps them
 * in this order and a backward one in the opposite, so that a block's value is made from every
 * way into it at once (skip-known-tests, uncover-live-references). */
export function reversePostorder<B extends { readonly label: string; readonly tail: L.Tail }>(blocks: readonly B[]): B[] {
  const byLabel = new Map(blocks.map((b) => [b.label, b] as const));
  const [order, seen, stack] = [[] as B[], new Set<string>(), [] as [B, string[]][]];
  const enter = (b: B) => seen.has(b.label) || (seen.add(b.label), stack.push([b, successors(b.tail)]));
  for (blocks.slice(0, 1).forEach(enter); stack.length > 0; ) {
    const to = stack[stack.length - 1]![1].shift();
    if (to === undefined) order.push(stack.pop()![0]);
    else enter(byLabel.get(to)!);
  }
  return [...order.reverse(), ...blocks.filter((b) => !seen.has(b.label))];
}

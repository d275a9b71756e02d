// Fresh variable names for the passes that invent variables (remove-complex-operands,
// explicate-control). Source names cannot contain a `.`, and uniquify names every
// local `x.N` with one counter; a fresh name `hint.M` takes M past every `.N`
// already in the program, so it can collide with no name, source or invented.

import { isNode, type AnyNode } from "../il/node.js";

/** Calls `visit` on every node under `root`, in no particular order. Unlike
 * forEachNode it builds no paths, so it is cheap on very large programs. */
export function eachNode(root: unknown, visit: (node: AnyNode) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const x of item) if (typeof x === "object" && x !== null) stack.push(x);
    } else if (isNode(item)) {
      visit(item);
      for (const key in item) {
        const child = item[key];
        if (key !== "loc" && typeof child === "object" && child !== null) stack.push(child);
      }
    }
  }
}

/** A maker of names `hint.N` that the program does not use yet. The program is
 * scanned on the first call, so a pass that invents no name pays nothing. */
export function freshNamer(program: unknown): (hint: string) => string {
  let counter: number | null = null;
  return (hint) => {
    if (counter === null) {
      let highest = 0;
      eachNode(program, (node) => {
        const suffix = typeof node.name === "string" ? /\.(\d+)$/.exec(node.name) : null;
        if (suffix) highest = Math.max(highest, Number(suffix[1]));
      });
      counter = highest;
    }
    return `${hint}.${++counter}`;
  };
}

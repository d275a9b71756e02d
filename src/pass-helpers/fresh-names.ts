// Fresh variable names for the passes that invent variables (remove-complex-operands,
// explicate-control). Source names cannot contain a `.`, and uniquify names every
// local `x.N` with one counter; a fresh name `hint.M` takes M past every `.N`
// already in the program, so it can collide with no name, source or invented.

import type { IL } from "../il/define.js";
import { forEachNode } from "../il/rewrite.js";

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

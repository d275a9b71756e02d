// How the instruction ILs of both targets lay out a program's functions, and
// the one naming scheme of the symbols in the assembly (spec/symbols.md).
//
// A program is one list of blocks. The blocks of function F are labelled
// `F.start` (its entry), `F.block1`, ... (order-blocks): a label says
// whose it is, up to its last dot (F's own name may have dots: `prelude.abs`,
// `swap[prelude.Option[Int]]`, and later `Point.norm1`, `geometry.area`). `return`
// jumps to `F.conclusion`, a block that add-prelude-and-conclusion writes. A
// call names the function's symbol: `qn_main` for main (the runtime calls it),
// `fn.F` for any other (no item can be named `fn`, a keyword, so these clash
// with no block label, whose first part is a function's name).

/** The function a block belongs to: its label up to the last dot (the block's own word has none). */
export const functionOfLabel = (label: string): string => label.slice(0, label.lastIndexOf("."));

export const entryOf = (fn: string): string => `${fn}.start`;
export const conclusionOf = (fn: string): string => `${fn}.conclusion`;
export const isConclusion = (label: string): boolean => label.endsWith(".conclusion");

/** The symbol of a function's code: where calls go, and where its prelude is. */
export const functionSymbol = (fn: string): string => (fn === "main" ? "qn_main" : `fn.${fn}`);

/** The function a symbol names, or null when it names none (a routine of the runtime). */
export const functionOfSymbol = (symbol: string): string | null => (symbol === "qn_main" ? "main" : symbol.startsWith("fn.") ? symbol.slice(3) : null);

/** The functions of a program of an instruction IL, in order: those with an entry block. */
export function functionsOf(blocks: readonly { readonly label: string }[]): string[] {
  return blocks.filter((b) => b.label.endsWith(".start")).map((b) => functionOfLabel(b.label));
}

/** Each function of a program of an instruction IL (functionsOf's order) with its blocks, in
 * program order: grouped in one walk, so a pass that works function by function does not walk
 * the whole program once per function. */
export function blocksByFunction<B extends { readonly label: string }>(blocks: readonly B[]): { fn: string; blocks: B[] }[] {
  const byFunction = new Map<string, B[]>();
  for (const b of blocks) {
    const fn = functionOfLabel(b.label);
    const list = byFunction.get(fn);
    if (list) list.push(b);
    else byFunction.set(fn, [b]);
  }
  return functionsOf(blocks).map((fn) => ({ fn, blocks: byFunction.get(fn)! }));
}

// cut-blocks: Lrc -> Lguarded (guard-immediate-counts) and Lguarded -> Lreleased
// (expand-decrements), the one step both take: a block cut at each statement
// of a kind, in a loop, not by recursion on the rest of the block (a block may
// hold thousands of them).

/** What is written for a statement the block is cut at: the blocks up to and
 * including it, and the label the rest of the block goes on under (null: nothing is left to write). */
export interface Cut<O> {
  readonly blocks: readonly O[];
  readonly rest: string | null;
}

/**
 * `block` cut at each statement that `cuts` picks: `cut(label, from, at)` writes
 * the piece labelled `label` that holds the statements from `from` to the one
 * picked at `at`; `last(label, stmts)`, the piece of the statements after the
 * last one picked (all of them when none is).
 */
export function cutBlock<S, O>(
  block: { readonly label: string; readonly stmts: readonly S[] },
  cuts: (s: S) => boolean,
  cut: (label: string, from: number, at: number) => Cut<O>,
  last: (label: string, stmts: S[]) => O,
): O[] {
  const out: O[] = [];
  const all = block.stmts;
  let [label, from] = [block.label, 0];
  for (;;) {
    let at = from;
    while (at < all.length && !cuts(all[at]!)) at++;
    if (at === all.length) return [...out, last(label, all.slice(from))];
    const { blocks, rest } = cut(label, from, at);
    out.push(...blocks);
    if (rest === null) return out;
    [label, from] = [rest, at + 1];
  }
}

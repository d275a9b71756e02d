// The order in which items that use each other are worked out (part of
// check-types): const items, whose values use other consts, and type aliases,
// which name other aliases. Each item comes after every item it uses, so
// working them out in this order never recurses from one item into another:
// a chain of any length, in any order of the source, costs no stack.
//
// A depth-first walk with its own stack finds the order. An item it reaches
// again while that item is still open (on the walk's stack) closes a cycle:
// `onCycle` gets the cycle (the item reached again first and last: A -> B -> A)
// and the walk goes on as if that use were not there. Both ends of the use
// become `broken`. Every item that is not broken comes after each item it
// uses, except broken ones, which may come later: so a caller gives every
// broken item an error value first, then works the others out in order, their
// uses of a broken item silent, and each cycle is reported once. A use that
// closes a cycle at an item already broken, or from one, is not reported
// again (a cycle through that item was), so the reports are at most as many
// as the items, each as short as showCycle makes it.

export interface DependencyOrder {
  /** Every item, each after the items it uses (except uses that close a cycle). */
  readonly order: readonly string[];
  /** The items at either end of a use that closes a cycle. */
  readonly broken: ReadonlySet<string>;
}

/** Items are named; `onCycle` gets the item that starts a cycle and the cycle as a
 * message writes it: `A` -> `B` -> `A` (the middle of a long one left out). */
export function dependencyOrder(items: Iterable<string>, uses: (item: string) => readonly string[], onCycle: (start: string, cycle: string) => void): DependencyOrder {
  const order: string[] = [];
  const broken = new Set<string>();
  const done = new Set<string>();
  const position = new Map<string, number>(); // of each item on the walk's stack
  const stack: { item: string; uses: readonly string[]; next: number }[] = [];
  const open = (item: string) => {
    position.set(item, stack.length);
    stack.push({ item, uses: uses(item), next: 0 });
  };
  for (const root of items) {
    if (done.has(root)) continue;
    open(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next === top.uses.length) {
        stack.pop();
        position.delete(top.item);
        done.add(top.item);
        order.push(top.item);
        continue;
      }
      const used = top.uses[top.next++]!;
      const at = position.get(used);
      if (at === undefined) {
        if (!done.has(used)) open(used);
      } else if (!broken.has(used) && !broken.has(top.item)) {
        broken.add(used).add(top.item);
        onCycle(used, showCycle(stack, at, used));
      }
    }
  }
  return { order, broken };
}

/** The items on the stack from `at` up, then `used` again (a cycle can be as long as the
 * program, and there can be many: only the names shown are read). */
function showCycle(stack: readonly { item: string }[], at: number, used: string): string {
  return showChain(stack.length - at + 1, (k) => (at + k === stack.length ? used : stack[at + k]!.item));
}

/** A chain of `length` names as a message writes it, `A` -> `B` -> `A`: at most 8 names,
 * the middle of a long one left out. */
export function showChain(length: number, nameAt: (i: number) => string): string {
  const indices = length <= 8 ? [...Array(length).keys()] : [0, 1, 2, 3, -1, length - 3, length - 2, length - 1];
  return indices.map((i) => (i < 0 ? `... (${length - 7} more)` : `\`${nameAt(i)}\``)).join(" -> ");
}

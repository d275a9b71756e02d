// Random scheduler scripts (tests/sched/script.ts) for fast-check: main makes
// one to three channels (capacity 0 to 3, Ints or boxes, now and then a
// negative capacity), opens a scope and runs random operations; each other
// block is a task's, which may spawn only blocks after its own (so every
// script ends). Sends and receives rarely match up, so scripts block, wake,
// deadlock and send on closed channels (main often yields and closes channels
// before its scope's end, waking whoever waits on them); scopes nest; a few spawn hundreds or
// thousands of tasks at once, recurse 1000 calls deep before a switch, replace
// or release a channel that tasks wait on, exit or panic.
import * as fc from "fast-check";
import type { Op, Script } from "./script.js";

/** At most this many tasks in a script (spawns multiply through the blocks). */
export const maxTasks = 6000;

const slot = (channels: number) => fc.integer({ min: 0, max: channels - 1 });

function opArbitrary(block: number, blocks: number, channels: number): fc.Arbitrary<Op> {
  const later = block + 1 < blocks ? fc.integer({ min: block + 1, max: blocks - 1 }) : null;
  const k = slot(channels);
  const arms: fc.WeightedArbitrary<Op>[] = [
    { weight: 40, arbitrary: fc.record({ op: fc.constant("send" as const), k, v: fc.integer({ min: 0, max: 999 }) }) },
    { weight: 40, arbitrary: fc.record({ op: fc.constant("recv" as const), k }) },
    { weight: 15, arbitrary: fc.record({ op: fc.constant("trysend" as const), k, v: fc.integer({ min: 0, max: 999 }) }) },
    { weight: 12, arbitrary: fc.record({ op: fc.constant("close" as const), k }) },
    { weight: 15, arbitrary: fc.constant({ op: "yield" as const }) },
    { weight: 15, arbitrary: fc.record({ op: fc.constant("print" as const), n: fc.integer({ min: 0, max: 999 }) }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant("recurse" as const), depth: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 500, max: 1500 }) }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("drop" as const), k }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("chan" as const), k, cap: fc.integer({ min: 0, max: 3 }), refs: fc.boolean() }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant({ op: "panic" as const }), fc.constant({ op: "forever" as const }), fc.record({ op: fc.constant("exit" as const), code: fc.integer({ min: 0, max: 3 }) })) },
  ];
  if (later !== null) {
    arms.push({ weight: 25, arbitrary: fc.record({ op: fc.constant("spawn" as const), block: later, n: fc.integer({ min: 1, max: 3 }) }) });
    arms.push({ weight: 2, arbitrary: fc.record({ op: fc.constant("spawn" as const), block: fc.constant(blocks - 1), n: fc.integer({ min: 100, max: 2000 }) }) });
  }
  return fc.oneof(...arms);
}

/** A block's operations, some of them in nested scopes (opened and closed within the block). */
function blockArbitrary(block: number, blocks: number, channels: number, maxLength: number): fc.Arbitrary<Op[]> {
  const one = opArbitrary(block, blocks, channels);
  const scoped = fc.array(one, { maxLength: 4 }).map((ops): Op[] => [{ op: "open" }, ...ops, { op: "closeScope" }]);
  return fc.array(fc.oneof({ weight: 6, arbitrary: one.map((op) => [op]) }, { weight: 1, arbitrary: scoped }), { maxLength }).map((groups) => groups.flat());
}

/** How many tasks a script may make, at most (every spawn runs to the end of its block). */
export function taskBound(script: Script): number {
  const memo = new Map<number, number>();
  const count = (b: number): number => {
    const known = memo.get(b);
    if (known !== undefined) return known;
    let n = 0;
    for (const op of script[b] ?? []) if (op.op === "spawn") n += op.n * (1 + count(op.block));
    memo.set(b, Math.min(n, 1e9));
    return memo.get(b)!;
  };
  return count(0);
}

export const scriptArbitrary: fc.Arbitrary<Script> = fc
  .record({ blocks: fc.integer({ min: 1, max: 5 }), channels: fc.integer({ min: 1, max: 3 }) })
  .chain(({ blocks, channels }) =>
    fc.tuple(
      fc.array(fc.record({ cap: fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constant(-1) }), refs: fc.boolean() }), { minLength: channels, maxLength: channels }),
      blockArbitrary(0, blocks, channels, 12),
      fc.boolean(),
      fc.array(fc.oneof(fc.constant<Op>({ op: "yield" }), slot(channels).map((k): Op => ({ op: "close", k }))), { maxLength: 4 }),
      fc.tuple(...Array.from({ length: blocks - 1 }, (_, i) => blockArbitrary(i + 1, blocks, channels, 8))),
    ),
  )
  .map(([chans, main, closeExplicitly, closing, tasks]): Script => [
    [...chans.map((c, k): Op => ({ op: "chan", k, cap: c.cap, refs: c.refs })), { op: "open" }, ...main, ...closing, ...(closeExplicitly ? [{ op: "closeScope" } as const] : [])],
    ...tasks,
  ])
  .filter((script) => taskBound(script) <= maxTasks);

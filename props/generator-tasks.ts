// Concurrent programs for the properties: a fast-check arbitrary of
// well-typed Quastra programs that use `scope`, `spawn`, channels of Int,
// `for v in ch`, `recv`, `try_send`, `close` and `yield()` (spec/language.md,
// "Concurrency"). Apart from props/generator.ts, which builds sequential
// programs from the typing rules, it composes a program of actions on a few
// channels, each action well typed wherever it stands, so shrinking (dropping
// actions, lowering counts) keeps every program well typed.
//
// main holds a `scope` that makes the channels c0, c1, ... (capacities mostly
// 0 to 4, rarely -1: `bad channel capacity`) and runs a list of actions; an
// action may spawn a task running a list of its own, or open a nested scope.
// A task captures the channels, a Box `counter` and the Int `shown` by value:
// it may print `shown` (its copy) but never assigns it (only main's own
// actions do, `shown += 1`), and changes the shared Box. A loop `for r in
// 0..2` may hold a `break` or `continue`, and main's own code a `return`,
// each under a test of the counter: they leave the scopes around them, and
// each scope left still waits for its tasks.
//
// Every program ends: a `for i in 0..n` sends at most 4 values; `for v in ci`
// takes one value per turn, and forwards it only to a channel of a higher
// number (the channels form no cycle), so the values that can ever be sent
// are bounded; a task blocked for good ends the program with `deadlock`.
// Programs deadlock (a channel drained but never closed, a receive nobody
// sends to), send on a closed channel, or end normally, each often enough.
// A `try_send` never blocks, so it bounds nothing new: it sends at most 4 values.
import fc from "fast-check";

export type TaskAction =
  /** `for i in 0..n { ci.send(i * 10 + base) }` */
  | { readonly k: "send"; readonly ch: number; readonly n: number; readonly base: number }
  /** `for i in 0..n { print(ci.try_send(i * 10 + base)) }`: never blocks; true when the value went. */
  | { readonly k: "try"; readonly ch: number; readonly n: number; readonly base: number }
  /** `match ci.recv() { Some(v) => print(v), None => print(-1) }` */
  | { readonly k: "recv"; readonly ch: number }
  /** `for v in ci { print(v) }`, forwarding `v + 100` to cj when j > i. */
  | { readonly k: "drain"; readonly ch: number; readonly to: number }
  | { readonly k: "close"; readonly ch: number }
  | { readonly k: "yield" }
  /** `counter.set(counter.get() + 1)`: the Box is shared by every task. */
  | { readonly k: "count" }
  /** `print(shown)`: in a task, the value `shown` had when the task was spawned. */
  | { readonly k: "show" }
  /** `shown += 1`: only where main runs it (left out of a task's actions). */
  | { readonly k: "bump" }
  | { readonly k: "spawn"; readonly body: readonly TaskAction[] }
  | { readonly k: "scope"; readonly body: readonly TaskAction[] }
  /** `for r in 0..2 { ... }`: a loop that a `break` or `continue` in it may leave. */
  | { readonly k: "loop"; readonly body: readonly TaskAction[] }
  /** `if counter.get() % 2 == 0 { return }` (in main's own code), or a `break` or `continue` of the
   * loop around (not across a spawn): it leaves the scopes inside, each of which still waits for its tasks. */
  | { readonly k: "leave"; readonly how: "return" | "break" | "continue" };

export interface TaskProgram {
  /** The capacity of each channel c0, c1, ... */
  readonly caps: readonly number[];
  readonly actions: readonly TaskAction[];
}

/** The kinds of action, for the coverage test. */
export const taskActionKinds: readonly TaskAction["k"][] = ["send", "try", "recv", "drain", "close", "yield", "count", "show", "bump", "spawn", "scope", "loop", "leave"];

const channel = fc.nat(2);
const capacity = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 2, arbitrary: fc.constant(4) }, { weight: 1, arbitrary: fc.constant(-1) });
// 0 often: a value 0 received must still read as Some(0) (qn_recv's found flag is its second result).
const base = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(9) });

/** Lists of actions; with `exits`, loops and the ways out of them and of scopes too (a stream of its own:
 * the programs without them stay the same). */
const actionsArb = (exits: boolean) => fc.letrec<{ actions: TaskAction[]; action: TaskAction }>((tie) => ({
  actions: fc.array(tie("action"), { maxLength: 5 }),
  action: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ k: fc.constant("send" as const), ch: channel, n: fc.integer({ min: 0, max: 4 }), base }),
    fc.record({ k: fc.constant("try" as const), ch: channel, n: fc.integer({ min: 0, max: 4 }), base }),
    fc.record({ k: fc.constant("recv" as const), ch: channel }),
    fc.record({ k: fc.constant("drain" as const), ch: channel, to: channel }),
    fc.record({ k: fc.constant("close" as const), ch: channel }),
    fc.constant({ k: "yield" as const }),
    fc.constant({ k: "count" as const }),
    fc.constant({ k: "show" as const }),
    fc.constant({ k: "bump" as const }),
    // Spawns and scopes more often than the rest: a spawn inside a nested scope belongs to that scope.
    { weight: 3, arbitrary: fc.record({ k: fc.constant("spawn" as const), body: tie("actions") as fc.Arbitrary<TaskAction[]> }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant("scope" as const), body: tie("actions") as fc.Arbitrary<TaskAction[]> }) },
    ...(exits
      ? [
          { weight: 2, arbitrary: fc.record({ k: fc.constant("loop" as const), body: tie("actions") as fc.Arbitrary<TaskAction[]> }) as fc.Arbitrary<TaskAction> },
          { weight: 3, arbitrary: fc.record({ k: fc.constant("leave" as const), how: fc.constantFrom("return" as const, "break" as const, "continue" as const) }) as fc.Arbitrary<TaskAction> },
        ]
      : []),
  ),
}));

/** Concurrent programs: their skeleton and their source text. */
const programsOf = (exits: boolean): fc.Arbitrary<TaskProgram & { readonly source: string }> =>
  fc.record({ caps: fc.array(capacity, { minLength: 1, maxLength: 3 }), actions: actionsArb(exits).actions }).map((p) => ({ ...p, source: taskSource(p) }));
export const taskPrograms = programsOf(false);
/** Concurrent programs with loops, and returns, breaks and continues that leave scopes. */
export const taskProgramsWithExits = programsOf(true);

/** The program's Quastra source. */
export function taskSource(p: TaskProgram): string {
  const lines = ["fn main() {", "    let counter = Box(0)", "    let mut shown = 0", "    scope {"];
  p.caps.forEach((cap, i) => lines.push(`        let c${i} = channel[Int](${cap})`));
  writeActions(p.actions, p.caps.length, 2, { inTask: false, inLoop: false }, lines);
  lines.push("    }", "    print(counter.get())", "}");
  return lines.join("\n") + "\n";
}

/** Where actions are written: in a spawned task (no `return`, no `shown += 1`), in a loop of the same task (`break`, `continue`). */
interface Place {
  readonly inTask: boolean;
  readonly inLoop: boolean;
}

function writeActions(actions: readonly TaskAction[], channels: number, depth: number, place: Place, out: string[]): void {
  const { inTask, inLoop } = place;
  const pad = "    ".repeat(depth);
  const c = (i: number) => `c${i % channels}`;
  for (const a of actions) {
    switch (a.k) {
      case "send": out.push(`${pad}for i in 0..${a.n} { ${c(a.ch)}.send(i * 10 + ${a.base}) }`); break;
      case "try": out.push(`${pad}for i in 0..${a.n} { print(${c(a.ch)}.try_send(i * 10 + ${a.base})) }`); break;
      case "recv": out.push(`${pad}match ${c(a.ch)}.recv() { Some(v) => print(v), None => print(-1) }`); break;
      case "drain": {
        const [from, to] = [a.ch % channels, a.to % channels];
        out.push(`${pad}for v in c${from} { print(v)${to > from ? `; c${to}.send(v + 100)` : ""} }`);
        break;
      }
      case "close": out.push(`${pad}${c(a.ch)}.close()`); break;
      case "yield": out.push(`${pad}yield()`); break;
      case "count": out.push(`${pad}counter.set(counter.get() + 1)`); break;
      case "show": out.push(`${pad}print(shown)`); break;
      case "bump": if (!inTask) out.push(`${pad}shown += 1`); break;
      case "spawn": case "scope":
        out.push(`${pad}${a.k} {`);
        writeActions(a.body, channels, depth + 1, a.k === "spawn" ? { inTask: true, inLoop: false } : place, out);
        out.push(`${pad}}`);
        break;
      case "loop":
        out.push(`${pad}for r in 0..2 {`);
        writeActions(a.body, channels, depth + 1, { inTask, inLoop: true }, out);
        out.push(`${pad}}`);
        break;
      case "leave":
        if (a.how === "return" ? !inTask : inLoop) out.push(`${pad}if counter.get() % 2 == 0 { ${a.how} }`);
        break;
    }
  }
}

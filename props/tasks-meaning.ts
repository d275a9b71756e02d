// What a generated concurrent program (props/generator-tasks.ts) means, worked
// out from its actions on the scheduler model that every interpreter and the
// machine models run (interp/scheduler.ts), without compiling it: the
// reference the binaries of both targets are held to (tests/tasks.test.ts)
// until every IL's interpreter runs tasks (issue 19), and beside them after.
// Each action does what its Quastra text (taskSource) does:
//
//   send   for i in 0..n { ci.send(i * 10 + base) }
//   try    for i in 0..n { print(ci.try_send(i * 10 + base)) }
//   recv   match ci.recv() { Some(v) => print(v), None => print(-1) }
//   drain  for v in ci { print(v); cj.send(v + 100) }   (the send when j > i)
//   close, yield, count (the shared Box + 1), show (print the task's `shown`),
//   bump (main's `shown` + 1), spawn (a task of the innermost scope, with a
//   copy of `shown`), scope (a nested scope, which ends however it is left),
//   loop (for r in 0..2), leave (a return, break or continue when the
//   counter is even, where it is written: see taskSource)
import { Heap } from "../interp/heap.js";
import { Scheduler, type Body, type Suspend } from "../interp/scheduler.js";
import { Panic } from "../ir-defs/semantics.js";
import type { TaskAction, TaskProgram } from "./generator-tasks.js";

export interface TaskMeaning {
  readonly stdout: string;
  readonly status: number;
  readonly panic: string | null;
}

type Steps = Generator<Suspend, void, undefined>;
/** How actions ended: each ran, or a `return`, `break` or `continue` left them. */
type Exit = "return" | "break" | "continue" | null;

export function taskMeaning(p: TaskProgram): TaskMeaning {
  const out: string[] = [];
  const print = (v: bigint | number | boolean) => out.push(`${v}\n`);
  const tasks = new Scheduler<Body>(new Heap(), (code, env) => (code as (env: unknown) => Body)(env));
  let counter = 0n;
  let chans: bigint[] = [];
  const c = (i: number) => chans[i % chans.length]!;

  function* run(actions: readonly TaskAction[], shown: { v: bigint }, scope: bigint, inTask: boolean, inLoop: boolean): Generator<Suspend, Exit, undefined> {
    for (const a of actions) {
      switch (a.k) {
        case "send": for (let i = 0; i < a.n; i++) yield* tasks.send(c(a.ch), BigInt(i * 10 + a.base)); break;
        case "try": for (let i = 0; i < a.n; i++) print(tasks.trySend(c(a.ch), BigInt(i * 10 + a.base))); break;
        case "recv": {
          const [v, found] = yield* tasks.recv(c(a.ch));
          print(found ? (v as bigint) : -1);
          break;
        }
        case "drain": {
          const [from, to] = [a.ch % chans.length, a.to % chans.length];
          for (;;) {
            const [v, found] = yield* tasks.recv(chans[from]!);
            if (!found) break;
            print(v as bigint);
            if (to > from) yield* tasks.send(chans[to]!, (v as bigint) + 100n);
          }
          break;
        }
        case "close": tasks.close(c(a.ch)); break;
        case "yield": yield* tasks.yield(); break;
        case "count": counter++; break;
        case "show": print(shown.v); break;
        case "bump": if (!inTask) shown.v++; break;
        case "spawn": {
          const copy = { v: shown.v }; // captured by value when the task is made
          tasks.spawn(scope, function* (): Steps { yield* run(a.body, copy, scope, true, false); }, null);
          break;
        }
        case "scope": {
          const inner = tasks.scopeOpen();
          const exit = yield* run(a.body, shown, inner, inTask, inLoop);
          yield* tasks.scopeClose(inner); // however its block was left
          if (exit !== null) return exit;
          break;
        }
        case "loop":
          for (let r = 0; r < 2; r++) {
            const exit = yield* run(a.body, shown, scope, inTask, true);
            if (exit === "return") return exit;
            if (exit === "break") break;
          }
          break;
        case "leave":
          if ((a.how === "return" ? !inTask : inLoop) && counter % 2n === 0n) return a.how;
          break;
      }
    }
    return null;
  }

  function* main(): Steps {
    const scope = tasks.scopeOpen();
    chans = p.caps.map((cap) => {
      if (cap < 0) throw new Panic("bad channel capacity");
      return tasks.channel(BigInt(cap), 4n);
    });
    const exit = yield* run(p.actions, { v: 0n }, scope, false, false);
    yield* tasks.scopeClose(scope);
    if (exit !== "return") print(counter);
  }

  try {
    tasks.run(main());
    return { stdout: out.join(""), status: 0, panic: null };
  } catch (e) {
    if (!(e instanceof Panic)) throw e;
    return { stdout: out.join(""), status: 101, panic: e.panicMessage };
  }
}

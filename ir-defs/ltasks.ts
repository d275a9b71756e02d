// Ltasks: Lwhile where scopes and spawns are calls of the runtime's task
// primitives (lower-tasks). `scope { B }` is a block that opens a scope, keeps
// B's value, closes the scope and gives the value:
//
//   { let s.1: Int = scope_open(); let x.2: T = B; scope_close(s.1); x.2 }
//
// and `spawn { B }` makes B an anonymous function that the task will run,
// spawned in the innermost scope around it: `spawn(s.1, fn() -> Unit { B; () })`.
// A spawned block is so a closure like any other: uncover-captures,
// lift-functions and convert-closures capture for it by value.
//
// A scope's handle is an Int (the runtime's handle, which no count is kept for:
// runtime-asm/README.md, "Concurrency"); only scope_close and spawn read it.
import { extendIL, terminal } from "../il/define.js";
import { Lwhile } from "./lwhile.js";
import { primitives } from "./ltyped.js";

/** `scope_open()` -> a scope's handle (Int); `scope_close(s)` waits for the scope's tasks (may switch), Unit;
 * `spawn(s, f)` with f: fn() -> Unit makes a task of s that will call f, at the back of the ready queue, Unit. */
export const taskPrimitives = ["scope_open", "scope_close", "spawn"] as const;

export const Ltasks = extendIL(Lwhile, {
  name: "Ltasks",
  purpose: "scopes and spawns lowered: scope_open and scope_close around a scope's block, a spawned block an anonymous fn given to spawn",
  terminals: { prim: terminal.oneOf("prim", [...primitives, ...taskPrimitives]) },
  remove: ["Scope", "Spawn"],
});

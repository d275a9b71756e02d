// The one thing the two forms of the tree and Lcfg interpreters do
// differently (interp/tree.ts says why there are two): how a run drives what
// can stop. The source files, written as generators, use `generatorForm`; the
// direct form (interp/generated/, rewritten by scripts/direct-form.ts) uses
// `directForm` in its place, where every step is already a value.
//
//   tasks(model, start)  the scheduler the handlers call: in the generator
//                        form the runtime model's own (scheduler.ts), whose
//                        blocking routines the handlers run with yield*; in
//                        the direct form the same scheduler with each blocking
//                        routine run to its end at once: a program that spawns
//                        nothing has no other task to switch to, so a routine
//                        that must stop is a deadlock
//   main(tasks, body)    runs main's body: as the first task of the scheduler;
//                        in the direct form it has run already
//   drive(step)          the value of a step that cannot stop (a const's value)

import { Panic } from "../ir-defs/semantics.js";
import type { RuntimeModel } from "./runtime-model.js";
import { suspend, type Body, type Scheduler, type Suspend } from "./scheduler.js";

type Gen<T> = Generator<Suspend, T, undefined>;

/** A blocking routine run where no other task can run: its value, or `deadlock` if it must stop. */
function atOnce<T>(routine: Gen<T>): T {
  const step = routine.next();
  if (step.done !== true) throw new Panic("deadlock");
  return step.value;
}

/**
 * A spawned task's body, with a count of nested calls of its own (RuntimeModel.depth):
 * put in the model's place each time the task runs, and main's, or whichever
 * ran before, put back when it stops, so that only a task's own calls count
 * against maxCallDepth (runtime-model.ts), as each task has its own stack.
 */
function* ownDepth<T>(model: RuntimeModel, body: Gen<T>): Gen<T> {
  let depth = 0;
  for (;;) {
    const before = model.depth;
    model.depth = depth;
    let step: IteratorResult<Suspend, T>;
    try {
      step = body.next();
    } finally {
      [depth, model.depth] = [model.depth, before];
    }
    if (step.done === true) return step.value;
    yield step.value;
  }
}

export const generatorForm = {
  tasks: (model: RuntimeModel, start: (code: unknown, env: unknown) => Gen<unknown>): Scheduler<Body> => model.scheduler<Body>((code, env) => ownDepth(model, start(code, env))),
  main(tasks: Scheduler<Body>, body: Gen<unknown>): void {
    tasks.run(body);
  },
  drive<T>(step: Gen<T>): T {
    const done = step.next();
    if (done.done !== true) throw new Error(`a step that cannot stop yielded ${String(done.value === suspend ? suspend : done.value)}`);
    return done.value;
  },
};

/** The scheduler's routines with nothing that stops (the direct form's Tasks). */
export interface DirectTasks {
  scopeOpen(): bigint;
  scopeClose(handle: unknown): void;
  spawn(handle: unknown, code: unknown, env: unknown): void;
  yield(): void;
  channel(cap: bigint, info: bigint): bigint;
  send(ch: unknown, value: unknown): void;
  trySend(ch: unknown, value: unknown): boolean;
  recv(ch: unknown): [unknown, boolean];
  close(ch: unknown): void;
}

export const directForm = {
  tasks(model: RuntimeModel, _start: unknown): DirectTasks {
    const s = () =>
      model.scheduler<Body>(() => {
        throw new Error("the direct form of an interpreter started a task");
      });
    return {
      scopeOpen: () => s().scopeOpen(),
      scopeClose: (handle) => atOnce(s().scopeClose(handle)),
      spawn() {
        throw new Error("the direct form of an interpreter cannot spawn: a program that spawns runs in the generator form");
      },
      yield: () => atOnce(s().yield()),
      channel: (cap, info) => s().channel(cap, info),
      send: (ch, value) => atOnce(s().send(ch, value)),
      trySend: (ch, value) => s().trySend(ch, value),
      recv: (ch) => atOnce(s().recv(ch)),
      close: (ch) => s().close(ch),
    };
  },
  main(_tasks: DirectTasks, _body: unknown): void {},
  drive: <T>(value: T): T => value,
};

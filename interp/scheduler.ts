// A model of the runtime's tasks and channels (runtime-asm/README.md,
// "Concurrency"; the brief, section 5): the one scheduler that every
// interpreter and the machine models drive, as every compiled program links the
// runtime's. Its routines are the runtime's, under the same names in camelCase,
// with the same rule, which is part of the language's meaning:
//
// - one ready queue, first in, first out: `spawn` puts the new task at the back
//   and the spawner goes on; a task runs until it blocks, finishes or yields
//   (then it goes to the back); then the task at the front runs;
// - a channel serves its waiting receivers, and its blocked senders, first
//   come first served; a send to a channel with a receiver waiting hands the
//   value over and goes on; a receive from a full buffer takes the oldest value
//   and moves the first blocked sender's value in (that sender is woken); from
//   capacity 0 it takes the first blocked sender's value directly;
// - `close` wakes every waiting receiver (with None) and every blocked sender
//   (which panics `send on closed channel` when it runs); closing a closed
//   channel does nothing; print, close, and sends and receives that do not
//   block never switch;
// - `try_send` never blocks and never switches: it sends when a send would not
//   block, else the value is dropped (released, when references are counted);
// - a woken task goes to the back of the ready queue at the moment it is woken;
// - the end of a scope waits for all the tasks spawned in it (none left: no
//   switch);
// - no task ready while the current one blocks, or finishes: `deadlock`.
//
// A task is whatever the interpreter gives: its body is an iterator (a
// generator, or an explicit stack that implements next()) that the scheduler
// resumes with next(), and that yields `suspend` when a routine below says the
// task must stop. The blocking routines are generators: an interpreter written
// with generators runs them with `yield*`:
//
//     const [value, found] = yield* scheduler.recv(ch);
//
// and one with an explicit stack steps them like its own frames. `run(main)`
// runs main's body and every task until main's body is done.
//
// The queues are protected methods (enqueue, wake, next) so that a test can
// make a faulty copy (LIFO, a wake-up at the front, a close that forgets its
// waiters) and see the property against the real runtime catch it.

import { Panic } from "../ir-defs/semantics.js";
import type { ChannelBuffer, Heap } from "./heap.js";

/** What a task's body yields when it must stop: the scheduler has already put it where it waits. */
export const suspend = "suspend";
export type Suspend = typeof suspend;

/** A task's body: resumed with next(); done when the task has finished. */
export type Body = Iterator<Suspend, unknown, undefined>;

/** A queue, first in first out, with O(1) operations at both ends (the faulty copies use the back). */
export class Queue<T> implements Iterable<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  /** The first item, taken off; undefined when empty. */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  /** The last item, taken off. */
  pop(): T | undefined {
    return this.length > 0 ? this.items.pop() : undefined;
  }
  /** An item at the front. */
  unshift(item: T): void {
    if (this.head > 0) this.items[--this.head] = item;
    else this.items.unshift(item);
  }
  *[Symbol.iterator](): Iterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }
}

/** A task (the runtime's TASK_* words). */
export interface Task<B extends Body = Body> {
  /** 0 for main, then 1, 2, ... in the order they were spawned. */
  readonly id: number;
  /** What it runs, given to `start` when it first runs (main's body is given to run). */
  readonly code: unknown;
  readonly env: unknown;
  /** Made from code and env when the task first runs. */
  body: B | null;
  /** The scope it belongs to (main: none). */
  readonly scope: Scope<B> | null;
  /** The value it sends while it is blocked, or the one it got when woken. */
  value: unknown;
  /** True when a partner took or gave the value; false when close woke it. */
  flag: boolean;
}

/** A scope (SCOPE_*): its tasks not finished yet, and the task waiting at its end. */
export interface Scope<B extends Body = Body> {
  live: number;
  waiter: Task<B> | null;
}

/** A channel's state (CHAN_*), hung on its heap object. */
export interface Channel<B extends Body = Body> extends ChannelBuffer {
  readonly capacity: number;
  /** Its values are references (info bit 8): one that try_send drops is released. */
  readonly references: boolean;
  readonly buffer: Queue<unknown>;
  closed: boolean;
  readonly receivers: Queue<Task<B>>;
  readonly senders: Queue<Task<B>>;
}

/** The runtime's scheduler over one heap. `start(code, env)` makes the body of a
 * spawned task when it first runs: the interpreter's way to call code(env). */
export class Scheduler<B extends Body = Body> {
  protected readonly ready = new Queue<Task<B>>();
  private readonly scopes = new Map<bigint, Scope<B>>();
  private nextScope = 1n;
  private tasks = 0;
  /** The task that runs. */
  current: Task<B>;

  constructor(
    protected readonly heap: Heap,
    private readonly start: (code: unknown, env: unknown) => B,
  ) {
    this.current = this.task(null, null, null);
  }

  private task(code: unknown, env: unknown, scope: Scope<B> | null): Task<B> {
    return { id: this.tasks++, code, env, body: null, scope, value: 0n, flag: false };
  }

  /** A task goes to the back of the ready queue (spawn, yield). */
  protected enqueue(task: Task<B>): void {
    this.ready.push(task);
  }

  /** A task that waited is woken: at the back of the ready queue, like any other. */
  protected wake(task: Task<B>): void {
    this.enqueue(task);
  }

  /** The task that runs next: the front of the ready queue; none is a deadlock. */
  protected next(): Task<B> {
    const task = this.ready.shift();
    if (task === undefined) throw new Panic("deadlock");
    return task;
  }

  /** Runs main's body (main is a task like the others) and the tasks it spawns,
   * until main's body is done. A panic in any task ends the run (it propagates). */
  run(main: B): void {
    const mainTask = this.current;
    mainTask.body = main;
    for (;;) {
      const task = this.current;
      task.body ??= this.start(task.code, task.env);
      const step = task.body.next();
      if (step.done === true) {
        if (task === mainTask) return;
        this.finish(task);
      } else if ((step.value as unknown) !== suspend) throw new Error(`a task's body yielded ${String(step.value)}, not "${suspend}"`);
      this.current = this.next();
    }
  }

  /** A task has finished: its scope has one task less; the last one wakes the scope's end. */
  private finish(task: Task<B>): void {
    const scope = task.scope;
    if (scope === null) throw new Error("a task without a scope finished");
    if (--scope.live === 0 && scope.waiter !== null) this.wake(scope.waiter);
  }

  private scope(handle: unknown): Scope<B> {
    const scope = typeof handle === "bigint" ? this.scopes.get(handle) : undefined;
    if (scope === undefined) throw new Error(`${String(handle)} is not an open scope`);
    return scope;
  }

  private channelOf(ch: unknown): Channel<B> {
    return this.heap.channelState(ch) as Channel<B>;
  }

  /** qn_scope_open: a new scope, no tasks; its handle. */
  scopeOpen(): bigint {
    const handle = this.nextScope++;
    this.scopes.set(handle, { live: 0, waiter: null });
    return handle;
  }

  /** qn_scope_close: waits until every task of the scope has finished (none left: no switch), then ends it. */
  *scopeClose(handle: unknown): Generator<Suspend, void, undefined> {
    const scope = this.scope(handle);
    if (scope.live > 0) {
      scope.waiter = this.current;
      yield suspend;
    }
    this.scopes.delete(handle as bigint);
  }

  /** qn_spawn: a new task that will run code(env) (code owns env), at the back of the ready queue; the caller goes on. */
  spawn(handle: unknown, code: unknown, env: unknown): void {
    const scope = this.scope(handle);
    scope.live++;
    this.enqueue(this.task(code, env, scope));
  }

  /** qn_yield: to the back of the ready queue, and the front runs; alone, go on. */
  *yield(): Generator<Suspend, void, undefined> {
    if (this.ready.length === 0) return;
    this.enqueue(this.current);
    yield suspend;
  }

  /** qn_channel: a new channel, empty and open (a heap object; info bit 8: it carries references). */
  channel(cap: bigint, info: bigint): bigint {
    const state: Channel<B> = { capacity: Number(cap), references: ((info >> 8n) & 1n) === 1n, buffer: new Queue(), closed: false, receivers: new Queue(), senders: new Queue() };
    return this.heap.channel(cap, info, state);
  }

  /** The part of a send that never blocks: a waiting receiver gets the value (and is woken), or
   * the buffer takes it, and true; false when neither can (full, or capacity 0 with no receiver). */
  protected offer(c: Channel<B>, value: unknown): boolean {
    const receiver = c.receivers.shift();
    if (receiver !== undefined) {
      receiver.value = value;
      receiver.flag = true;
      this.wake(receiver);
      return true;
    }
    if (c.buffer.length >= c.capacity) return false;
    c.buffer.push(value);
    return true;
  }

  /** qn_send: a reference sent moves to the channel, then to its receiver. */
  *send(ch: unknown, value: unknown): Generator<Suspend, void, undefined> {
    const c = this.channelOf(ch);
    if (c.closed) throw new Panic("send on closed channel");
    if (this.offer(c, value)) return;
    const me = this.current;
    me.value = value;
    c.senders.push(me);
    yield suspend;
    if (!me.flag) throw new Panic("send on closed channel");
  }

  /** qn_try_send: sends as qn_send does when that would not block, and true; else false, and the
   * value is dropped (a reference released, when the heap counts them). Never switches. */
  trySend(ch: unknown, value: unknown): boolean {
    const c = this.channelOf(ch);
    if (c.closed) throw new Panic("send on closed channel");
    if (this.offer(c, value)) return true;
    if (c.references && this.heap.counted) this.heap.release(value);
    return false;
  }

  /** qn_recv: [the value, true] (a reference is the receiver's), or [0, false] once closed and empty. */
  *recv(ch: unknown): Generator<Suspend, [unknown, boolean], undefined> {
    const c = this.channelOf(ch);
    if (c.buffer.length > 0) {
      const value = c.buffer.shift();
      const sender = c.senders.shift();
      if (sender !== undefined) {
        c.buffer.push(sender.value);
        sender.flag = true;
        this.wake(sender);
      }
      return [value, true];
    }
    const sender = c.senders.shift();
    if (sender !== undefined) {
      sender.flag = true;
      this.wake(sender);
      return [sender.value, true];
    }
    if (c.closed) return [0n, false];
    const me = this.current;
    c.receivers.push(me);
    yield suspend;
    return [me.value, me.flag];
  }

  /** qn_close: wakes every waiting receiver (None) and blocked sender (it panics when it runs). Never switches. */
  close(ch: unknown): void {
    const c = this.channelOf(ch);
    c.closed = true;
    for (let r = c.receivers.shift(); r !== undefined; r = c.receivers.shift()) {
      r.value = 0n;
      r.flag = false;
      this.wake(r);
    }
    for (let s = c.senders.shift(); s !== undefined; s = c.senders.shift()) {
      s.flag = false;
      this.wake(s);
    }
  }
}

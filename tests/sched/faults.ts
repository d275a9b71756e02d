// Faulty copies of the scheduler model (interp/scheduler.ts), each with one
// fault planted: the property that runs scripts on the model and on the real
// runtimes (tests/scheduler.test.ts) must catch every one of them.
import { Panic } from "../../ir-defs/semantics.js";
import { Scheduler, type Body, type Channel, type Task } from "../../interp/scheduler.js";
import type { MakeScheduler } from "./script.js";

/** The ready queue is last in, first out. */
class Lifo extends Scheduler {
  protected override next(): Task<Body> {
    const task = this.ready.pop();
    if (task === undefined) throw new Panic("deadlock");
    return task;
  }
}

/** A woken task goes to the front of the ready queue (spawn and yield still go to the back). */
class WakeAtFront extends Scheduler {
  protected override wake(task: Task<Body>): void {
    this.ready.unshift(task);
  }
}

/** close marks the channel closed but forgets to wake the receivers waiting on it. */
class CloseForgetsReceivers extends Scheduler {
  override close(ch: unknown): void {
    const c = this.heap.channelState(ch) as unknown as { closed: boolean; senders: { length: number } };
    c.closed = true;
    if (c.senders.length > 0) super.close(ch); // (the senders are still woken)
  }
}

/** close forgets to wake the blocked senders (so they never panic). */
class CloseForgetsSenders extends Scheduler {
  override close(ch: unknown): void {
    const c = this.heap.channelState(ch) as unknown as { closed: boolean; receivers: { length: number } };
    if (c.receivers.length > 0) super.close(ch);
    c.closed = true;
  }
}

/** try_send looks only at the buffer: a receiver waiting on a channel without room does not get the value. */
class TrySendIgnoresReceivers extends Scheduler {
  override trySend(ch: unknown, value: unknown): boolean {
    const c = this.heap.channelState(ch) as Channel;
    if (c.receivers.length === 0 || c.closed) return super.trySend(ch, value);
    if (c.buffer.length >= c.capacity) return false;
    c.buffer.push(value);
    return true;
  }
}

/** try_send on a closed channel gives false, the value dropped as on a full one, instead of panicking. */
class TrySendClosedGivesFalse extends Scheduler {
  override trySend(ch: unknown, value: unknown): boolean {
    const c = this.heap.channelState(ch) as Channel;
    if (!c.closed) return super.trySend(ch, value);
    if (c.references && this.heap.counted) this.heap.release(value);
    return false;
  }
}

export const faults: readonly { readonly name: string; readonly make: MakeScheduler }[] = [
  { name: "the ready queue is LIFO instead of FIFO", make: (heap, start) => new Lifo(heap, start) },
  { name: "a woken task goes to the front of the ready queue", make: (heap, start) => new WakeAtFront(heap, start) },
  { name: "close misses the waiting receivers", make: (heap, start) => new CloseForgetsReceivers(heap, start) },
  { name: "close misses the blocked senders", make: (heap, start) => new CloseForgetsSenders(heap, start) },
  { name: "try_send ignores a waiting receiver", make: (heap, start) => new TrySendIgnoresReceivers(heap, start) },
  { name: "try_send on a closed channel gives false", make: (heap, start) => new TrySendClosedGivesFalse(heap, start) },
];

// The brief's scheduling rules (section 5), one scheduler script each (script.ts),
// with what each must show: run on the model and both runtimes by
// tests/scheduler.test.ts, and on the machine models and the back ends by
// tests/machine-tasks.test.ts.
import type { Seen } from "./script.js";

export const lines = (...xs: number[]) => xs.map((x) => `${x}\n`).join("");
export const leak = (objects: number, bytes: number) => `leak check: ${objects} objects, ${bytes} bytes live\n`;

/** Each rule of the brief (section 5) as a script and what it must show. */
export const examples: readonly { name: string; script: string; want: Seen }[] = [
  {
    name: "the brief's example: a producer sends three values and closes, main receives until None",
    script: `chan 0 4 ints; open; spawn 1 1; recv 0; recv 0; recv 0; recv 0; closeScope
             send 0 0; send 0 1; send 0 2; close 0`,
    want: { stdout: lines(0, 1, 2, -1), stderr: leak(1, 112), status: 0 },
  },
  {
    name: "capacity 0: a send to a waiting receiver hands the value over and goes on; a receive takes a blocked sender's value",
    script: `chan 0 0 ints; open; spawn 1 1; recv 0; print 1; recv 0; print 2; closeScope
             send 0 10; print 1; send 0 20; print 2`,
    want: { stdout: lines(1001, 10, 1, 20, 2, 1002), stderr: leak(1, 80), status: 0 },
  },
  {
    name: "yield puts the task at the back of the one FIFO ready queue",
    script: `open; spawn 1 1; spawn 2 1; closeScope
             print 1; yield; print 2; yield; print 3
             print 1; yield; print 2; yield; print 3`,
    want: { stdout: lines(1001, 2001, 1002, 2002, 1003, 2003), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "a receive from a full buffer takes the oldest and moves the first blocked sender's value in",
    script: `chan 0 1 ints; open; spawn 1 1; spawn 2 1; yield; recv 0; recv 0; recv 0; closeScope
             send 0 10; send 0 11; print 1
             send 0 20; print 2`,
    want: { stdout: lines(10, 11, 20, 1001, 2002), stderr: leak(1, 88), status: 0 },
  },
  {
    name: "close wakes every waiting receiver, first come first served, each with None; close never switches",
    script: `chan 0 0 ints; open; spawn 1 3; yield; close 0; print 9; closeScope
             recv 0; print 5`,
    want: { stdout: lines(9, -1, 1005, -1, 2005, -1, 3005), stderr: leak(1, 80), status: 0 },
  },
  {
    name: "a sender blocked when the channel closes panics when it runs",
    script: `chan 0 0 ints; open; spawn 1 1; spawn 2 1; yield; close 0; print 9; closeScope
             send 0 1; print 1
             print 2`,
    want: { stdout: lines(2002, 9), stderr: "panic: send on closed channel\n", status: 101 },
  },
  {
    name: "a send on a closed channel panics",
    script: "chan 0 5 ints; close 0; print 1; send 0 1; print 2",
    want: { stdout: lines(1), stderr: "panic: send on closed channel\n", status: 101 },
  },
  {
    name: "closing a closed channel does nothing; its values can still be received, then None",
    script: "chan 0 2 ints; send 0 1; close 0; close 0; recv 0; recv 0; print 7",
    want: { stdout: lines(1, -1, 7), stderr: leak(1, 96), status: 0 },
  },
  {
    name: "try_send: room in the buffer takes the value (1); a full buffer gives 0 and the value is dropped, released; it never switches",
    script: `chan 0 1 refs; open; spawn 1 1; trysend 0 5; trysend 0 6; print 1; recv 0; closeScope
             print 2`,
    want: { stdout: lines(1, 0, 1, 5, 1002), stderr: leak(1, 88), status: 0 },
  },
  {
    name: "try_send on capacity 0: a waiting receiver gets the value (1); with nobody waiting, 0",
    script: `chan 0 0 ints; open; spawn 1 1; trysend 0 1; yield; trysend 0 2; trysend 0 3; closeScope
             recv 0; print 5`,
    want: { stdout: lines(0, 1, 0, 2, 1005), stderr: leak(1, 80), status: 0 },
  },
  {
    name: "a try_send on a closed channel panics, even with room in the buffer",
    script: "chan 0 2 ints; close 0; print 1; trysend 0 1; print 2",
    want: { stdout: lines(1), stderr: "panic: send on closed channel\n", status: 101 },
  },
  {
    name: "deadlock: main receives from an empty channel nobody sends on",
    script: "chan 0 0 ints; print 1; recv 0; print 2",
    want: { stdout: lines(1), stderr: "panic: deadlock\n", status: 101 },
  },
  {
    name: "deadlock: two tasks wait on each other while main waits at its scope's end",
    script: `chan 0 0 ints; chan 1 0 ints; open; spawn 1 1; spawn 2 1; closeScope; print 9
             recv 0; send 1 1
             recv 1; send 0 2`,
    want: { stdout: "", stderr: "panic: deadlock\n", status: 101 },
  },
  {
    name: "deadlock: the last task finishes while main waits on a channel",
    script: `chan 0 0 ints; open; spawn 1 1; recv 0
             print 1`,
    want: { stdout: lines(1001), stderr: "panic: deadlock\n", status: 101 },
  },
  {
    name: "a negative capacity panics",
    script: "print 1; chan 0 -1 ints; print 2",
    want: { stdout: lines(1), stderr: "panic: bad channel capacity\n", status: 101 },
  },
  {
    name: "a scope whose tasks have all finished ends without a switch",
    script: `open; spawn 1 1; open; closeScope; print 1; closeScope; print 2
             print 5`,
    want: { stdout: lines(1, 1005, 2), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "a task's spawn belongs to the scope it was spawned in; the scope's end waits for it too",
    script: `open; spawn 1 1; closeScope; print 9
             spawn 2 1; print 1
             print 2`,
    want: { stdout: lines(1001, 2002, 9), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "values in a channel are counted: released with the channel",
    script: `chan 0 4 refs; open; spawn 1 2; closeScope; recv 0; drop 0
             send 0 7; send 0 8`,
    want: { stdout: lines(7), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "values in a channel are counted: live while the channel is",
    script: `chan 0 4 refs; open; spawn 1 2; closeScope; recv 0
             send 0 7; send 0 8`,
    want: { stdout: lines(7), stderr: leak(4, 112 + 3 * 24), status: 0 },
  },
  {
    name: "a channel released while a task waits on it lives until the task is done with it",
    script: `chan 0 0 refs; open; spawn 1 1; yield; send 0 3; drop 0; print 1
             recv 0; print 2`,
    want: { stdout: lines(1, 3, 1002), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "exit in a task ends the program with its status, reporting nothing",
    script: `chan 0 1 ints; open; spawn 1 1; recv 0
             print 1; exit 3; print 2`,
    want: { stdout: lines(1001), stderr: "", status: 3 },
  },
  {
    name: "recursion 100,000 calls deep in two tasks that switch at the bottom",
    script: `open; spawn 1 2
             recurse 100000`,
    want: { stdout: lines(5000050100000, 5000050200000), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "a stack overflow in a task panics",
    script: `open; spawn 1 1; print 1; closeScope
             print 2; forever`,
    want: { stdout: lines(1, 1002), stderr: "panic: stack overflow\n", status: 101 },
  },
];


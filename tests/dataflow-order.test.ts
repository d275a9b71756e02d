// The order the dataflows over Lfun-shaped blocks sweep in (ir-defs/reference-uses.ts):
// reverse postorder from the first block, so that a forward sweep meets every way into
// a join before the join itself (skip-known-tests relies on it to keep its facts small
// on a long function), then the blocks nothing reaches, in their order.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { reversePostorder, successors } from "../ir-defs/reference-uses.js";
import type * as L from "../ir-defs/generated/Lfun.js";

const goto = (target: string): L.Tail => ({ kind: "Goto", target }) as L.Tail;
const branch = (then: string, otherwise: string): L.Tail => ({ kind: "Branch", op: "<", left: { kind: "Int", value: 0n }, right: { kind: "Int", value: 1n }, then, else: otherwise }) as L.Tail;
const ret = { kind: "Return", value: { kind: "Int", value: 0n } } as L.Tail;

test("each block before those it leads to, but along a loop's way back; unreached blocks last", () => {
  // start -> head; head: if .. then body else after; body -> join; join -> head (the loop's way back); after: a join of head and skip
  const blocks = [
    { label: "f.start", tail: goto("f.head") },
    { label: "f.unreached", tail: goto("f.after") },
    { label: "f.head", tail: branch("f.body", "f.skip") },
    { label: "f.body", tail: goto("f.join") },
    { label: "f.join", tail: branch("f.head", "f.after") },
    { label: "f.skip", tail: goto("f.after") },
    { label: "f.after", tail: ret },
  ];
  const order = reversePostorder(blocks).map((b) => b.label);
  assert.equal(order, ["f.start", "f.head", "f.skip", "f.body", "f.join", "f.after", "f.unreached"]);
  const at = new Map(order.map((l, i) => [l, i]));
  for (const b of blocks) {
    for (const s of successors(b.tail)) if (!(b.label === "f.join" && s === "f.head") && b.label !== "f.unreached") assert.ok(at.get(b.label)! < at.get(s)!, `${b.label} before ${s}`);
  }
});

test.run();

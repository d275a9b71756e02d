// uncover-live: L<t>var -> L<t>live, for both targets (x86_64, aarch64)
//
// Purpose: find, after each instruction, the places (variables and registers)
// whose value may still be read: the live-after sets that build-interference
// needs. A place is live before an instruction if the instruction reads it, or
// if it is live after and the instruction does not write it:
//
//     live-before(i) = (live-after(i) - writes(i)) ∪ reads(i)
//
// Live after an instruction is what is live before whatever may run next: the
// next instruction, and the block any jump goes to. Loops make a block's
// live-in depend on itself, so this is a dataflow problem over the control-flow
// graph: start with nothing live anywhere, recompute a block's live-in from its
// successors' live-in, and revisit its predecessors whenever it grew, until
// nothing changes (a fixed point). A single backward walk would miss a value
// that the loop's next iteration reads.
//
// Before (Lx86var):            After (Lx86live):
//   main.start:                  main.start:
//     movq $0, i.1                 movq $0, i.1      # live: {i.1}
//     jmp main.loop                jmp main.loop     # live: {i.1}
//   main.loop:                   main.loop:
//     cmpq $10, i.1                cmpq $10, i.1     # live: {i.1}
//     jge main.end                 jge main.end      # live: {i.1}
//     addq $1, i.1                 addq $1, i.1      # live: {i.1}
//     jmp main.loop                jmp main.loop     # live: {i.1}
//   main.end:                    main.end:
//     movq $0, %rax                movq $0, %rax     # live: {%rax}
//     jmp main.conclusion          jmp main.conclusion    # live: {%rax}
//
// What each instruction reads and writes, and where it jumps, comes from the
// target's description (ir-defs/<target>/machine.ts). The result register is
// live at each function's conclusion; nothing is live at a label outside the
// program. A call is an instruction, not a jump: each function's blocks are a
// graph of their own, so one pass over the program does every function.

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { isRegisterKey, jumpsOf, placeNode, registerKey, successorsOf, type PlaceKey, type RegisterMachine } from "../ir-defs/register-allocation.js";
import { pass, type Pass } from "../il/pass.js";
import { isConclusion } from "../ir-defs/functions.js";

type Block = { label: string; instrs: AnyNode[] };
type Step = { reads: PlaceKey[]; writes: PlaceKey[]; targets: string[]; goesOn: boolean };

/** Variables first, then registers, each in alphabetical order: how live sets are shown. */
const byKind = (a: PlaceKey, b: PlaceKey): number => Number(isRegisterKey(a)) - Number(isRegisterKey(b)) || (a < b ? -1 : a > b ? 1 : 0);

export function uncoverLive(from: IL, to: IL, machine: RegisterMachine): Pass {
  return pass({
    name: "uncover-live",
    from,
    to,
    purpose: "the variables and registers live after each instruction, by dataflow to a fixed point",
    run(program: { blocks: Block[] }) {
      const blocks = program.blocks;
      const index = new Map(blocks.map((b, i) => [b.label, i]));
      const steps: Step[][] = blocks.map((b) =>
        b.instrs.map((i) => {
          const { reads, writes } = machine.uses(i);
          const { targets, goesOn } = jumpsOf(machine, i);
          return { reads, writes, targets, goesOn };
        }),
      );
      const liveIn: Set<PlaceKey>[] = blocks.map(() => new Set());
      const atConclusion = new Set([registerKey(machine.resultRegister)]);
      const liveAt = (label: string): ReadonlySet<PlaceKey> =>
        isConclusion(label) ? atConclusion : (liveIn[index.get(label) ?? -1] ?? new Set());

      /** Walks block b backwards from its live-out; `record` sees each instruction's live-after set. */
      function walk(b: number, record?: (i: number, after: ReadonlySet<PlaceKey>) => void): Set<PlaceKey> {
        const block = steps[b]!;
        const live = new Set<PlaceKey>(liveIn[b + 1] ?? []); // what falls through, if the last instruction lets it
        for (let i = block.length - 1; i >= 0; i--) {
          const step = block[i]!;
          // Now `live` is what is live after step: what the next instruction needs, and each jump target.
          if (!step.goesOn) live.clear();
          for (const target of step.targets) for (const p of liveAt(target)) live.add(p);
          record?.(i, live);
          for (const w of step.writes) live.delete(w);
          for (const r of step.reads) live.add(r);
        }
        return live;
      }

      // Who can reach each block: from its jumps, and by falling through.
      const predecessors: number[][] = blocks.map(() => []);
      successorsOf(blocks, machine).forEach((out, b) => out.forEach((to) => predecessors[to]!.push(b)));

      // The fixed point: a worklist of blocks whose live-in may be out of date.
      const pending = blocks.map((_, b) => b); // the last block first: liveness flows backwards
      const queued = new Set(pending);
      while (pending.length > 0) {
        const b = pending.pop()!;
        queued.delete(b);
        const next = walk(b);
        if (next.size === liveIn[b]!.size) continue; // live-in only ever grows
        liveIn[b] = next;
        for (const p of predecessors[b]!) if (!queued.has(p)) (queued.add(p), pending.push(p));
      }

      // One Place node per place, and one list per run of instructions with the same live set:
      // the program is immutable, so they may be shared.
      const places = new Map<PlaceKey, AnyNode>();
      const place = (k: PlaceKey): AnyNode => {
        let node = places.get(k);
        if (!node) places.set(k, (node = placeNode(k)));
        return node;
      };
      let [previous, previousKeys]: [AnyNode[], PlaceKey[]] = [[], []];
      const listOf = (set: ReadonlySet<PlaceKey>): AnyNode[] => {
        if (previousKeys.length === set.size && previousKeys.every((k) => set.has(k))) return previous;
        previousKeys = [...set].sort(byKind);
        return (previous = previousKeys.map(place));
      };
      return {
        ...program,
        blocks: blocks.map((block, b) => {
          const instrs: AnyNode[] = new Array(block.instrs.length);
          walk(b, (i, after) => {
            const instr = block.instrs[i]!;
            instrs[i] = instr.loc ? { kind: "Live", instr, after: listOf(after), loc: instr.loc } : { kind: "Live", instr, after: listOf(after) };
          });
          return { ...block, instrs };
        }),
      };
    },
  });
}

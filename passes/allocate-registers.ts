// allocate-registers: L<t>graph -> L<t>homes, for both targets (x86_64, aarch64)
//
// Purpose: give every variable a home, a register where possible, else a stack
// slot, so that no two interfering variables share one. This is graph colouring
// with the registers as the first colours and the slots as the rest, in two steps.
//
// 1. Choose who may spill. With K registers, a variable with fewer than K
//    neighbours (less those of its registers that it interferes with) will
//    always find one free, so set it aside; that lowers its neighbours' degrees
//    and may set them free too. When every variable left has K or more, one of
//    them becomes a spill candidate: the one with the lowest
//
//        cost / degree,   cost = Σ over its uses and definitions of 10^loop depth
//
//    (a use inside a loop nested twice weighs 100), then set it aside and go on.
// 2. Colour, in saturation order (Essentials of Compilation): always take next
//    the variable whose neighbours already hold the most distinct colours; the
//    spill candidates come after all the others, so they are the ones left
//    without a register if any must be. Ties go to the higher cost. A variable
//    takes a register none of its neighbours holds, preferring one that a
//    variable it is moved to or from already has (move biasing: the move then
//    becomes a self-move, which patch-instructions deletes), or a register it is
//    moved to or from. With no register free it gets the lowest slot that no
//    neighbour has (slots are shared by variables that do not interfere).
//
// Before (Lx86graph):                    After (Lx86homes):
//   callq qn_read_int                      callq qn_read_int
//   movq %rax, a.1                         movq %rax, %rdi
//   movq a.1, b.2                          movq %rdi, %rdi
//   addq $2, b.2                           addq $2, %rdi
//   movq b.2, %rdi                         movq %rdi, %rdi
//   callq qn_print_int                     callq qn_print_int
// interference:                          homes:
//   a.1 -- {} ; moves: b.2, %rax           a.1 -> %rdi   (register, as b.2 it is moved to or from; ...)
//   b.2 -- {} ; moves: a.1, %rdi           b.2 -> %rdi   (register it is moved to or from; ...)
//
// The table of homes says, for each variable, why it got what it got.

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { rewriter } from "../il/rewrite.js";
import type { RegisterMachine } from "../ir-defs/register-allocation.js";
import { loopDepths, lowestBit, popcount, Queue, spillCandidates, type Block } from "./allocate-registers/graphs.js";
import { pass, type Pass } from "../il/pass.js";

type Place = { kind: "Reg" | "Var"; name: string };
type Vertex = { var: string; with: string[]; regs: Place[]; moves: Place[] };

export function allocateRegisters(from: IL, to: IL, machine: RegisterMachine): Pass {
  const registers = machine.allocatable;
  const K = registers.length;
  const registerIndex = new Map(registers.map((r, i) => [r, i]));
  const maskOf = (names: readonly string[]): number =>
    names.reduce((m, r) => (registerIndex.has(r) ? m | (1 << registerIndex.get(r)!) : m), 0);

  return pass({
    name: "allocate-registers",
    from,
    to,
    purpose: "a register or a stack slot for every variable: graph colouring in saturation order, move biasing, spills by cost",
    run(program: { blocks: Block[]; data: unknown[]; graph: Vertex[] }) {
      const vertices = program.graph;
      const n = vertices.length;
      const number = new Map(vertices.map((v, i) => [v.var, i]));
      const neighbours = vertices.map((v) => v.with.map((w) => number.get(w)!));
      const names = (places: Place[], kind: Place["kind"]) => places.filter((p) => p.kind === kind).map((p) => p.name);
      const moves = vertices.map((v) => names(v.moves, "Var").map((w) => number.get(w)!));
      const blocked = vertices.map((v) => maskOf(names(v.regs, "Reg"))); // registers each may not take
      const preferred = vertices.map((v) => maskOf(names(v.moves, "Reg")));

      // Spill cost: uses and definitions, weighted by 10 per enclosing loop.
      const cost = new Array<number>(n).fill(0);
      const depths = loopDepths(program.blocks, machine);
      program.blocks.forEach((block, b) => {
        const weight = 10 ** Math.min(depths[b]!, 9);
        for (const instr of block.instrs) {
          for (const value of Object.values(instr)) if ((value as AnyNode | null)?.kind === "Var") cost[number.get((value as AnyNode).name as string)!]! += weight;
        }
      });

      // 1. Spill candidates: simplify while some variable surely finds a register.
      const candidate = spillCandidates(neighbours, (v) => K - popcount(blocked[v]!), cost);

      // 2. Colour in saturation order; colours 0..K-1 are registers, K + s is slot s.
      const colour = new Array<number>(n).fill(-1);
      const takenSlots: (Set<number> | undefined)[] = new Array(n);
      const taken = blocked.slice(); // registers held by neighbours (or interfering)
      const saturation = (v: number) => popcount(taken[v]!) + (takenSlots[v]?.size ?? 0);
      const queue = new Queue();
      // Order: non-candidates first, then higher saturation, then higher cost (one number: 1 + 20 + 31 bits).
      const keyOf = (v: number) => ((candidate[v] ? 0 : 2 ** 20) + Math.min(saturation(v), 2 ** 20 - 1)) * 2 ** 31 + Math.min(cost[v]!, 2 ** 31 - 1);
      const enqueue = (v: number) => queue.push(v, keyOf(v));
      for (let v = 0; v < n; v++) enqueue(v);
      const why = new Array<string>(n);
      for (let next = queue.pop(); next; next = queue.pop()) {
        const v = next.v;
        if (colour[v]! >= 0 || next.key !== keyOf(v)) continue; // done, or a stale entry
        const facts = `saturation ${saturation(v)}, cost ${cost[v]}`;
        const open = ~taken[v]! & ((1 << K) - 1);
        const partner = moves[v]!.find((w) => colour[w]! >= 0 && colour[w]! < K && open & (1 << colour[w]!));
        if (partner !== undefined) {
          colour[v] = colour[partner]!;
          why[v] = `register, as ${vertices[partner]!.var} it is moved to or from; ${facts}`;
        } else if (open & preferred[v]!) {
          colour[v] = lowestBit(open & preferred[v]!);
          why[v] = `register it is moved to or from; ${facts}`;
        } else if (open) {
          colour[v] = lowestBit(open);
          why[v] = `register${candidate[v] ? " (a spill candidate, but one stayed free)" : ""}; ${facts}`;
        } else {
          const slotsTaken = takenSlots[v] ?? new Set<number>();
          const shared = moves[v]!.find((w) => colour[w]! >= K && !slotsTaken.has(colour[w]! - K));
          let slot = shared !== undefined ? colour[shared]! - K : 0;
          if (shared === undefined) while (slotsTaken.has(slot)) slot++;
          colour[v] = K + slot;
          why[v] = `spilled: all ${K} registers are held by neighbours; ${candidate[v] ? "chosen to spill, lowest cost per neighbour; " : ""}${facts}`;
        }
        const c = colour[v]!;
        for (const w of neighbours[v]!) {
          if (colour[w]! >= 0) continue;
          if (c < K) {
            if (taken[w]! & (1 << c)) continue;
            taken[w]! |= 1 << c;
          } else {
            const set = (takenSlots[w] ??= new Set());
            if (set.has(c - K)) continue;
            set.add(c - K);
          }
          enqueue(w);
        }
      }

      const homes = vertices.map((v, i) => ({
        kind: "Home",
        var: v.var,
        home: colour[i]! < K ? { kind: "Reg", name: registers[colour[i]!] } : { kind: "Slot", index: colour[i]! - K },
        why: why[i]!,
      }));
      const place = rewriter<AnyNode, undefined>(from, { Var: (node) => homes[number.get(node.name as string)!]!.home });
      return { kind: "Program", blocks: program.blocks.map((b) => place(b as unknown as AnyNode, undefined)), data: program.data, homes };
    },
  });
}

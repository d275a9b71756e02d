// allocate-registers: L<t>costs -> L<t>coloured, for both targets (x86_64, aarch64)
//
// Purpose: give every variable a home, a register where possible, else a stack
// slot, so that no two interfering variables share one: graph colouring with
// the registers as the first colours and the slots as the rest, in saturation
// order (Essentials of Compilation): always take next the variable whose
// neighbours hold the most distinct colours, the spill candidates last (so they
// are the ones left without a register if any must be), ties to the higher
// cost. A variable takes a register none of its neighbours holds, preferring one
// that a variable it is moved to or from has (move biasing: the move becomes a
// self-move, which patch-instructions deletes), or a register it is moved to or
// from; with none free, the lowest slot no neighbour has (slots are shared).
//
// Before (Lx86costs):                      After (Lx86coloured):
//   movq %rax, a.1                           (the same instructions)
//   movq a.1, b.2
//   movq b.2, %rdi
// interference:                            homes:
//   a.1 -- {} ; moves: b.2, %rax ; cost 2    a.1 -> %rdi   (register, as b.2 it is moved to or from; ...)
//   b.2 -- {} ; moves: a.1, %rdi ; cost 3    b.2 -> %rdi   (register it is moved to or from; ...)
//
// The table says, for each variable, why it got its home; assign-homes puts
// each home in its variable's place.

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import type { RegisterMachine } from "../ir-defs/register-allocation.js";
import { lowestBit, popcount, Queue } from "./allocate-registers/graphs.js";
import { pass, type Pass } from "../il/pass.js";

type Place = { kind: "Reg" | "Var"; name: string };
type Vertex = { var: string; with: string[]; regs: Place[]; moves: Place[]; cost: number; spill: string | null };

export function allocateRegisters(from: IL, to: IL, machine: RegisterMachine): Pass {
  const registers = machine.allocatable;
  const K = registers.length;
  const registerIndex = new Map(registers.map((r, i) => [r, i]));
  const maskOf = (names: readonly string[]): number => names.reduce((m, r) => (registerIndex.has(r) ? m | (1 << registerIndex.get(r)!) : m), 0);
  return pass({
    name: "allocate-registers",
    from,
    to,
    purpose: "a register or a stack slot for every variable: graph colouring in saturation order, move biasing, spills by cost",
    run(program: { blocks: AnyNode[]; data: unknown[]; graph: Vertex[] }) {
      const vertices = program.graph;
      const n = vertices.length;
      const number = new Map(vertices.map((v, i) => [v.var, i]));
      const neighbours = vertices.map((v) => v.with.map((w) => number.get(w)!));
      const names = (places: Place[], kind: Place["kind"]) => places.filter((p) => p.kind === kind).map((p) => p.name);
      const moves = vertices.map((v) => names(v.moves, "Var").map((w) => number.get(w)!));
      const preferred = vertices.map((v) => maskOf(names(v.moves, "Reg")));
      const [cost, candidate] = [vertices.map((v) => v.cost), vertices.map((v) => v.spill !== null)];
      // Colour in saturation order; colours 0..K-1 are registers, K + s is slot s.
      const colour = new Array<number>(n).fill(-1);
      const takenSlots: (Set<number> | undefined)[] = new Array(n);
      const taken = vertices.map((v) => maskOf(names(v.regs, "Reg"))); // registers held by neighbours (or interfering)
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
      return { kind: "Program", blocks: program.blocks, data: program.data, homes };
    },
  });
}

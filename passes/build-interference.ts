// build-interference: L<t>live -> L<t>graph, for both targets (x86_64, aarch64)
//
// Purpose: say which variables may not share a home. Two places interfere when
// one is written while the other is live (its old value is still needed):
//
//     for each instruction i, each place d it writes, each place v live after i:
//         d and v interfere, unless v is d,
//         or i is a move `d = v` (then both hold the same value: no conflict)
//
// A call writes every caller-saved register, so a variable live across a call
// interferes with all of them and will get a callee-saved register or a slot.
// Edges between two registers mean nothing (registers are not allocated) and
// are not kept. Moves between places are kept apart, as move edges: if both
// ends get the same register, the move becomes `movq %rbx, %rbx` and
// patch-instructions deletes it (move biasing, in allocate-registers).
//
// Before (Lx86live):                        After (Lx86graph):
//   movq $1, a.1      # live: {a.1}           movq $1, a.1
//   movq $2, b.2      # live: {a.1, b.2}      movq $2, b.2
//   movq a.1, c.3     # live: {b.2, c.3}      movq a.1, c.3
//   addq b.2, c.3     # live: {c.3}           addq b.2, c.3
//   movq c.3, %rdi    # live: {%rdi}          movq c.3, %rdi
//   callq qn_print_int    # live: {}          callq qn_print_int
//                                           interference:
//                                             a.1 -- {b.2} ; moves: c.3
//                                             b.2 -- {a.1, c.3}
//                                             c.3 -- {b.2} ; moves: a.1, %rdi
//
// Each vertex lists its neighbours in order of first appearance.

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { isRegisterKey, moveOf, placeKeyOf, placeNode, type PlaceKey, type RegisterMachine } from "../ir-defs/register-allocation.js";
import { pass, type Pass } from "../il/pass.js";

type Live = { instr: AnyNode; after: AnyNode[] };

export function buildInterference(from: IL, to: IL, machine: RegisterMachine): Pass {
  return pass({
    name: "build-interference",
    from,
    to,
    purpose: "the interference graph (who may not share a home) and the moves between places",
    run(program: { blocks: { instrs: Live[] }[]; data: unknown[] }) {
      // Vertices are numbered in order of first appearance; a variable's neighbours are numbers.
      const number = new Map<string, number>();
      const vertices: { var: string; with: Set<number>; regs: Set<PlaceKey>; moves: Set<PlaceKey> }[] = [];
      const vertex = (name: string): number => {
        let v = number.get(name);
        if (v === undefined) number.set(name, (v = vertices.push({ var: name, with: new Set(), regs: new Set(), moves: new Set() }) - 1));
        return v;
      };
      /** A live set as vertex numbers and registers (vertices made in its order), once per list: consecutive instructions share one. */
      const split = new Map<AnyNode[], { vars: number[]; regs: PlaceKey[] }>();
      const splitOf = (after: AnyNode[]) => {
        let parts = split.get(after);
        if (!parts) {
          parts = { vars: [], regs: [] };
          for (const p of after.map(placeKeyOf)) isRegisterKey(p) ? parts.regs.push(p) : parts.vars.push(vertex(p));
          split.set(after, parts);
        }
        return parts;
      };
      const blocks = program.blocks.map((block) => ({
        ...block,
        instrs: block.instrs.map(({ instr, after }) => {
          const uses = machine.uses(instr);
          for (const p of uses.reads) if (!isRegisterKey(p)) vertex(p); // every variable gets a vertex
          for (const p of uses.writes) if (!isRegisterKey(p)) vertex(p);
          const move = moveOf(machine, instr, uses);
          if (move && move[0] !== move[1]) {
            for (const [x, y] of [move, [move[1], move[0]]] as const) if (!isRegisterKey(x)) vertices[vertex(x)]!.moves.add(y);
          }
          if (uses.writes.length === 0) return instr;
          const live = splitOf(after);
          const source = move && !isRegisterKey(move[0]) ? number.get(move[0])! : -1; // the move's source does not interfere with its destination
          for (const d of uses.writes) {
            if (isRegisterKey(d)) {
              for (const v of live.vars) if (v !== source) vertices[v]!.regs.add(d);
              continue;
            }
            const dv = number.get(d)!;
            const own = vertices[dv]!;
            for (const v of live.vars) if (v !== dv && v !== source) own.with.add(v); // (and v with d: below, once per edge)
            for (const r of live.regs) if (!(move && r === move[0])) own.regs.add(r);
          }
          return instr;
        }),
      }));
      // Interference goes both ways: each edge found from its written end, added at the other.
      const found = vertices.map((v) => [...v.with]);
      found.forEach((ws, d) => ws.forEach((w) => vertices[w]!.with.add(d)));
      // A move edge between two places that also interfere is useless for biasing.
      const rank = (p: PlaceKey) => number.get(p) ?? vertices.length; // registers after variables
      const inOrder = (places: Iterable<PlaceKey>) => [...places].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1));
      const places = new Map<PlaceKey, AnyNode>(); // one node per place, shared (the program is immutable)
      const place = (p: PlaceKey): AnyNode => places.get(p) ?? places.set(p, placeNode(p)).get(p)!;
      const graph = vertices.map((v) => ({
        kind: "Vertex",
        var: v.var,
        with: [...v.with].sort((a, b) => a - b).map((w) => vertices[w]!.var),
        regs: inOrder(v.regs).map(place),
        moves: inOrder(v.moves).filter((m) => !(isRegisterKey(m) ? v.regs.has(m) : v.with.has(number.get(m)!))).map(place),
      }));
      return { kind: "Program", blocks, data: program.data, graph };
    },
  });
}

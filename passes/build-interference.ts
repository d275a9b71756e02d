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
      const vertices = new Map<string, { with: Set<string>; regs: Set<string>; moves: Set<PlaceKey> }>();
      const vertex = (name: string) => {
        let v = vertices.get(name);
        if (!v) vertices.set(name, (v = { with: new Set(), regs: new Set(), moves: new Set() }));
        return v;
      };
      /** Records that places a and b interfere (or are moved between, when `move`). */
      /** Records, at x's vertex, that x interferes with y (or is moved to or from it, when `move`). */
      const half = (x: PlaceKey, y: PlaceKey, move: boolean): void => {
        if (isRegisterKey(x)) return;
        const v = vertex(x);
        if (move) v.moves.add(y);
        else (isRegisterKey(y) ? v.regs : v.with).add(y);
      };
      /** Records that places a and b interfere (or are moved between, when `move`). */
      const connect = (a: PlaceKey, b: PlaceKey, move: boolean): void => {
        if (a === b || (isRegisterKey(a) && isRegisterKey(b))) return;
        half(a, b, move);
        half(b, a, move);
      };
      const blocks = program.blocks.map((block) => ({
        ...block,
        instrs: block.instrs.map(({ instr, after }) => {
          const uses = machine.uses(instr);
          for (const p of uses.reads) if (!isRegisterKey(p)) vertex(p); // every variable gets a vertex
          for (const p of uses.writes) if (!isRegisterKey(p)) vertex(p);
          const move = moveOf(machine, instr, uses);
          if (move) connect(move[0], move[1], true);
          for (const d of uses.writes) {
            for (const live of after) {
              const v = placeKeyOf(live);
              if (!(move && v === move[0])) connect(d, v, false);
            }
          }
          return instr;
        }),
      }));
      // A move edge between two places that also interfere is useless for biasing.
      const order = new Map([...vertices.keys()].map((name, i) => [name, i]));
      const rank = (p: PlaceKey) => order.get(p) ?? vertices.size; // registers after variables
      const inOrder = (places: Iterable<PlaceKey>) => [...places].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1));
      const places = new Map<PlaceKey, AnyNode>(); // one node per place, shared (the program is immutable)
      const place = (p: PlaceKey): AnyNode => places.get(p) ?? places.set(p, placeNode(p)).get(p)!;
      const graph = [...vertices].map(([name, v]) => ({
        kind: "Vertex",
        var: name,
        with: inOrder(v.with),
        regs: inOrder(v.regs).map(place),
        moves: inOrder(v.moves).filter((m) => !v.with.has(m) && !v.regs.has(m)).map(place),
      }));
      return { kind: "Program", blocks, data: program.data, graph };
    },
  });
}

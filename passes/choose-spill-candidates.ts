// choose-spill-candidates: L<t>graph -> L<t>costs, for both targets (x86_64, aarch64)
//
// Purpose: say, before colouring, what it would cost to spill each variable and
// which variables may have to spill (allocate-registers colours those last).
//
// - Cost: the variable's uses and definitions, each weighted by 10 per loop
//   around it (a use inside a loop nested twice weighs 100). Loops are the
//   natural loops of the back edges that a depth-first search finds.
// - Candidates: with K registers, a variable with fewer than K neighbours
//   (less those of its registers that it interferes with) will always find one
//   free, so set it aside; that lowers its neighbours' degrees and may set them
//   free too. When every variable left has K or more, the one with the lowest
//   cost / degree becomes a spill candidate, is set aside too, and so on.
//
// Before (Lx86graph):                       After (Lx86costs):
//   main.block1:  (in a loop)                 (the same instructions)
//     addq i.1, s.2
//     ...
// interference:                             interference:
//   i.1 -- {s.2, tmp.3}                       i.1 -- {s.2, tmp.3} ; cost 41
//   s.2 -- {i.1, tmp.3} ; moves: %rdi         s.2 -- {i.1, tmp.3} ; moves: %rdi ; cost 12
//   tmp.3 -- {i.1, s.2}                       tmp.3 -- {i.1, s.2} ; cost 30

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { successorsOf, type RegisterMachine } from "../ir-defs/register-allocation.js";
import { pass, type Pass } from "../il/pass.js";
import { lowestFirst, Queue } from "./allocate-registers/graphs.js";

type Block = { label: string; instrs: AnyNode[] };
type Vertex = { var: string; with: string[]; regs: { kind: string; name: string }[]; moves: unknown[] };

/** How many loops each block lies in: natural loops of the back edges found by depth-first search. */
function loopDepths(blocks: readonly Block[], machine: RegisterMachine): number[] {
  const successors = successorsOf(blocks, machine);
  const predecessors: number[][] = blocks.map(() => []);
  successors.forEach((out, from) => out.forEach((to) => predecessors[to]!.push(from)));
  // Back edges: to a block still on the depth-first search's path.
  const state = new Uint8Array(blocks.length); // 0 unseen, 1 on the path, 2 done
  const bodies = new Map<number, Set<number>>(); // loop header -> the blocks of its loop
  const stack: [number, number][] = blocks.length ? [[0, 0]] : [];
  if (blocks.length) state[0] = 1;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const [b, next] = top;
    if (next >= successors[b]!.length) {
      state[b] = 2;
      stack.pop();
      continue;
    }
    top[1]++;
    const s = successors[b]![next]!;
    if (state[s] === 0) (state[s] = 1), stack.push([s, 0]);
    else if (state[s] === 1) {
      // b -> s closes a loop headed by s: its body is s and all that reach b without passing s.
      const body = bodies.get(s) ?? new Set([s]);
      bodies.set(s, body);
      const work = [b];
      while (work.length) {
        const x = work.pop()!;
        if (body.has(x)) continue;
        body.add(x);
        work.push(...predecessors[x]!);
      }
    }
  }
  const depth = blocks.map(() => 0);
  for (const body of bodies.values()) for (const b of body) depth[b]!++;
  return depth;
}

/**
 * Which vertices may have to spill (1) and which surely find a colour (0).
 * A vertex with fewer neighbours than colours `free` to it surely finds one:
 * set it aside, which lowers its neighbours' degrees. When none is left that
 * surely does, the vertex of lowest cost per neighbour becomes a candidate and
 * is set aside too.
 *
 * The cheapest is found in a priority queue, not by scanning every vertex left
 * (a scan per choice is quadratic: thousands of choices among 100,000 vertices
 * in a large program). A vertex's cost per neighbour only grows as its
 * neighbours are set aside, so an entry whose key is out of date is put back
 * with its new key; the first entry popped that is up to date is the cheapest
 * (the lowest-numbered of the cheapest, as a scan in order would find).
 */
function spillCandidates(neighbours: readonly (readonly number[])[], free: (v: number) => number, cost: readonly number[]): Uint8Array {
  const n = neighbours.length;
  const degree = neighbours.map((ns) => ns.length);
  const setAside = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  const low = [...Array(n).keys()].filter((v) => degree[v]! < free(v));
  const perNeighbour = (v: number) => cost[v]! / degree[v]!;
  const cheapest = new Queue(lowestFirst);
  for (let v = 0; v < n; v++) cheapest.push(v, perNeighbour(v));
  let left = n;
  const remove = (v: number): void => {
    setAside[v] = 1;
    left--;
    for (const w of neighbours[v]!) if (!setAside[w] && --degree[w]! === free(w) - 1) low.push(w);
  };
  while (left > 0) {
    const v = low.pop();
    if (v !== undefined) {
      if (!setAside[v]) remove(v);
      continue;
    }
    for (let top = cheapest.pop()!; ; top = cheapest.pop()!) {
      if (setAside[top.v]) continue;
      const key = perNeighbour(top.v);
      if (!Object.is(key, top.key)) {
        cheapest.push(top.v, key); // out of date: back with its key now
        continue;
      }
      candidate[top.v] = 1;
      remove(top.v);
      break;
    }
  }
  return candidate;
}

export function chooseSpillCandidates(from: IL, to: IL, machine: RegisterMachine): Pass {
  const registers = new Set(machine.allocatable);
  return pass({
    name: "choose-spill-candidates",
    from,
    to,
    purpose: "each variable's spill cost (its uses, ×10 per loop around them), and which may have to spill: those left when the graph cannot be simplified",
    run(program: { blocks: Block[]; data: unknown[]; graph: Vertex[] }) {
      const vertices = program.graph;
      const number = new Map(vertices.map((v, i) => [v.var, i]));
      const neighbours = vertices.map((v) => v.with.map((w) => number.get(w)!));
      // The registers a variable may still take: those it does not interfere with.
      const free = vertices.map((v) => registers.size - new Set(v.regs.filter((r) => r.kind === "Reg" && registers.has(r.name)).map((r) => r.name)).size);
      const cost = new Array<number>(vertices.length).fill(0);
      const depths = loopDepths(program.blocks, machine);
      program.blocks.forEach((block, b) => {
        const weight = 10 ** Math.min(depths[b]!, 9);
        for (const instr of block.instrs) {
          for (const value of Object.values(instr)) if ((value as AnyNode | null)?.kind === "Var") cost[number.get((value as AnyNode).name as string)!]! += weight;
        }
      });
      const candidate = spillCandidates(neighbours, (v) => free[v]!, cost);
      const graph = vertices.map((v, i) => ({ ...v, cost: cost[i]!, spill: candidate[i] ? "may spill" : null }));
      return { ...program, graph };
    },
  });
}

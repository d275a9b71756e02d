// The three ILs of register allocation, written once for both targets. Each
// target's instruction IL names its operands the same way (`Place ::= Reg | Var`,
// `Arg ::= Imm | Place`), so the same deltas apply to x86-64 and to AArch64:
//
//   L<t>live    every instruction wrapped with the places live after it
//               (uncover-live):   `addq b, a    # live: {a, c}`
//   L<t>graph   plain instructions again, plus the interference graph
//               (build-interference): one vertex per variable with the variables
//               and registers it interferes with, and the places it is moved to
//               or from:  `b.2 -- {a.1, c.3} and %rdi ; moves: t.4, %rax`
//   L<t>costs   each vertex also says what spilling it costs and whether it may
//               have to spill (choose-spill-candidates):
//               `b.2 -- {a.1, c.3} ; cost 30, may spill`
//   L<t>coloured  the graph gives way to the table of homes: for each variable a
//               register or a stack slot, and the reason (allocate-registers):
//               `b.2 -> %rdi   (register it is moved to or from; ...)`
//   L<t>homes   every variable replaced by its home (assign-homes)
//
// A later IL of each target (L<t>patched) drops the table of homes again.
import { extendIL, terminal, type IL, type Invariant, type Terminal } from "../il/define.js";
import type { AnyNode } from "../il/node.js";

/** Free text on one line, printed as it is (the reason a variable got its home).
 * It may end anywhere on its line: what the template has after it says where. */
const text: Terminal = {
  name: "text",
  describe: "free text",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && !v.includes("\n"),
  read: (source, at) => {
    const eol = source.indexOf("\n", at);
    const readings = [];
    for (let end = eol < 0 ? source.length : eol; end >= at; end--) readings.push({ value: source.slice(at, end), end });
    return readings;
  },
};

/** Every variable named by an instruction of the program. */
export function variablesOf(program: { blocks: readonly { instrs: readonly unknown[] }[] }): Set<string> {
  const names = new Set<string>();
  for (const block of program.blocks) {
    for (const instr of block.instrs) {
      const inner = (instr as AnyNode).kind === "Live" ? ((instr as AnyNode).instr as AnyNode) : (instr as AnyNode);
      for (const value of Object.values(inner)) if ((value as AnyNode | null)?.kind === "Var") names.add((value as AnyNode).name as string);
    }
  }
  return names;
}

/** `comment` starts a comment in the target's assembly (`#` or `//`), used to set the live sets apart. */
export function liveIL(parent: IL, name: string, comment: string): IL {
  return extendIL(parent, {
    name,
    purpose: "each instruction annotated with the variables and registers live after it",
    add: {
      Block: { Block: "<label:label>:<instrs:Live*\n>" },
      Live: { Live: `<instr:Instr>    ${comment} live: {<after:Place*, >}` },
    },
  });
}

const symmetric: Invariant = {
  says: "the graph has a vertex for every variable, no variable interferes with itself, and interference goes both ways",
  check(program) {
    const p = program as { blocks: { instrs: unknown[] }[]; graph: { var: string; with: string[] }[] };
    const vertices = new Map(p.graph.map((v, i) => [v.var, { neighbours: new Set(v.with), i }]));
    for (const name of variablesOf(p)) if (!vertices.has(name)) return { path: "graph", message: `no vertex for variable ${name}` };
    for (const [name, { neighbours, i }] of vertices) {
      for (const other of neighbours) {
        if (other === name) return { path: `graph[${i}]`, message: `${name} interferes with itself` };
        if (!vertices.get(other)?.neighbours.has(name)) return { path: `graph[${i}]`, message: `${name} interferes with ${other}, but not ${other} with ${name}` };
      }
    }
    return null;
  },
};

export function graphIL(live: IL, name: string): IL {
  return extendIL(live, {
    name,
    purpose: "plain instructions and the interference graph: which variables may not share a home",
    remove: ["Live"],
    add: {
      Program: { Program: "<blocks:Block*\n><data:Static*\n>\ninterference:<graph:Vertex*\n>" },
      Block: { Block: "<label:label>:<instrs:Instr*\n>" },
      Vertex: { Vertex: "<var:name> -- {<with:name*, >}< and |regs:Place*, >< ; moves: |moves:Place*, >" },
    },
    invariants: [symmetric],
  });
}

/** Whether a vertex is a spill candidate: one that the allocator colours last. */
const spill = terminal.oneOf("spill", ["may spill"]);

export function costsIL(graph: IL, name: string): IL {
  return extendIL(graph, {
    name,
    purpose: "the interference graph with each variable's spill cost (its uses, ×10 per loop around them) and whether it may have to spill",
    terminals: { count: terminal.count, spill },
    add: { Vertex: { Vertex: "<var:name> -- {<with:name*, >}< and |regs:Place*, >< ; moves: |moves:Place*, > ; cost <cost:count>< ,|spill:spill?>" } },
  });
}

export function colouredIL(costs: IL, name: string): IL {
  return extendIL(costs, {
    name,
    purpose: "the table of homes: a register or a stack slot for every variable, and why",
    terminals: { count: terminal.count, text },
    remove: ["Vertex"],
    dropInvariants: [symmetric.says],
    add: {
      Program: { Program: "<blocks:Block*\n><data:Static*\n>\nhomes:<homes:Home*\n>" },
      Arg: { Slot: "slot<index:count>" },
      Home: { Home: "<var:name> -> <home:Arg>   (<why:text>)" },
    },
  });
}

export function homesIL(coloured: IL, name: string): IL {
  return extendIL(coloured, {
    name,
    purpose: "every variable replaced by its home (a register or a stack slot), with the table of homes",
    remove: ["Var"],
  });
}

/** The IL after the homes: the same program without the table of homes. */
export const withoutHomes = { remove: ["Home"], add: { Program: { Program: "<blocks:Block*\n><data:Static*\n>" } } } as const;

// ---------------------------------------------------------------- what each target tells the allocator

/** A place as liveness sees it: a variable by name, or a register (`%` + its name). */
export type PlaceKey = string;
export const registerKey = (name: string): PlaceKey => `%${name}`;
export const isRegisterKey = (p: PlaceKey): boolean => p.startsWith("%");
/** The Reg or Var node a key stands for (placesOf gives the key of a node). */
export const placeNode = (p: PlaceKey): AnyNode => (isRegisterKey(p) ? { kind: "Reg", name: p.slice(1) } : { kind: "Var", name: p });

/** What uncover-live, build-interference and allocate-registers need to know of a target. */
export interface RegisterMachine {
  /** The registers a variable may live in, in order of preference. */
  readonly allocatable: readonly string[];
  /** Those a call may change (the rest, when used, are saved by the prelude). */
  readonly callerSaved: ReadonlySet<string>;
  /** Where a routine finds its arguments and leaves its result. */
  readonly argumentRegisters: readonly string[];
  readonly resultRegister: string;
  /** The places an instruction reads and writes. */
  uses(instr: AnyNode): { reads: PlaceKey[]; writes: PlaceKey[] };
  /** The kinds of a plain move (`src`, `dst`), a jump and the conditional jumps (`target`),
   * and the tail calls, which leave the function (nothing of it is live after one). */
  readonly kinds: { readonly move: string; readonly jump: string; readonly branches: readonly string[]; readonly exits: readonly string[] };
  /** The conditional jump to `target` taken exactly when `branch` is not, or null if there is none. */
  invert(branch: AnyNode, target: string): AnyNode | null;
}

/** The place an operand names, as a list of none or one (a byte register counts as its full register). */
export function placesOf(arg: unknown, fullRegister: (name: string) => string = (n) => n): PlaceKey[] {
  const a = arg as AnyNode | null; // null: an optional operand that is absent (a byte access without an index)
  if (a === null) return [];
  if (a.kind === "Var") return [a.name as string];
  if (a.kind === "Reg") return [registerKey(fullRegister(a.name as string))];
  return [];
}

/** The place a Var or Reg node is (the key placesOf gives it, without a list). */
export const placeKeyOf = (place: AnyNode): PlaceKey => (place.kind === "Var" ? (place.name as string) : registerKey(place.name as string));

/** For a plain move between places: [source, destination]; `uses` when the caller already has them. */
export function moveOf(machine: RegisterMachine, instr: AnyNode, uses?: { reads: PlaceKey[]; writes: PlaceKey[] }): [PlaceKey, PlaceKey] | null {
  if (instr.kind !== machine.kinds.move) return null;
  const { reads, writes } = uses ?? machine.uses(instr);
  return reads.length === 1 && writes.length === 1 ? [reads[0]!, writes[0]!] : null;
}

/** The control-flow graph of a list of blocks: for each block, the blocks control may go to next. */
export function successorsOf(blocks: readonly { label: string; instrs: readonly AnyNode[] }[], machine: RegisterMachine): number[][] {
  const index = new Map(blocks.map((b, i) => [b.label, i]));
  return blocks.map((b, i) => {
    const out = b.instrs.flatMap((instr) => jumpsOf(machine, instr).targets).filter((t) => index.has(t)).map((t) => index.get(t)!);
    const last = b.instrs.at(-1);
    if ((!last || jumpsOf(machine, last).goesOn) && i + 1 < blocks.length) out.push(i + 1);
    return out;
  });
}

/** The labels an instruction may jump to, and whether control can go on to the next instruction. */
export function jumpsOf(machine: RegisterMachine, instr: AnyNode): { targets: string[]; goesOn: boolean } {
  if (instr.kind === machine.kinds.jump) return { targets: [instr.target as string], goesOn: false };
  if (machine.kinds.exits.includes(instr.kind)) return { targets: [], goesOn: false };
  if (machine.kinds.branches.includes(instr.kind)) return { targets: [instr.target as string], goesOn: true };
  return straightOn;
}
const straightOn = Object.freeze({ targets: Object.freeze([]) as unknown as string[], goesOn: true });

// What drop-leaf-frames and shrink-wrap-frames share: how the assembly ILs of
// both targets lay out a function with its frame (add-prelude-and-conclusion),
// and which instructions need that frame. Serves drop-leaf-frames and
// shrink-wrap-frames, each Lx86 -> Lx86 and La64 -> La64.

import type { IL } from "../../il/define.js";
import type { AnyNode } from "../../il/node.js";
import { forEachNode } from "../../il/rewrite.js";
import { functionOfSymbol } from "../../ir-defs/functions.js";

export type Block = { label: string; instrs: AnyNode[] };

/** What a target's frame looks like, as add-prelude-and-conclusion makes it. */
export interface FrameShape {
  /** The kinds of a prelude that makes no room and saves nothing, before its jump to the entry. */
  readonly prelude: readonly string[];
  /** The kinds of the conclusion of such a frame, before its return. */
  readonly conclusion: readonly string[];
  /** The registers a frameless function must not name. */
  readonly frameRegisters: ReadonlySet<string>;
  /** The instructions that need a frame: calls, indirect jumps, pushes and pops. */
  readonly needFrame: ReadonlySet<string>;
}

/** A program's blocks with each function's rewritten by `rewrite`: a function is its prelude
 * (labelled with its symbol) and the blocks up to the next prelude. */
export function eachFunction(blocks: readonly Block[], rewrite: (fn: Block[]) => Block[]): Block[] {
  const functions: Block[][] = [];
  for (const block of blocks) {
    if (functionOfSymbol(block.label) !== null || functions.length === 0) functions.push([]);
    functions.at(-1)!.push(block);
  }
  return functions.flatMap((fn) => (functionOfSymbol(fn[0]!.label) === null ? fn : rewrite(fn)));
}

/** Whether an instruction of a function (whose block labels are `labels`) needs the frame: it
 * calls, pushes, pops or jumps indirectly, branches outside the function (a tail call, or a panic
 * routine, which expects the stack aligned as a frame leaves it), or names a register of the frame. */
export function needsFrame(il: IL, shape: FrameShape, instr: AnyNode, labels: ReadonlySet<string>): boolean {
  if (shape.needFrame.has(instr.kind) || (typeof instr.target === "string" && !labels.has(instr.target))) return true;
  let needs = false;
  forEachNode(il, instr, (node) => {
    if ((node.kind === "Reg" && shape.frameRegisters.has(node.name as string)) || (node.kind === "Mem" && shape.frameRegisters.has(node.base as string))) needs = true;
  });
  return needs;
}

// shrink-wrap-frames: L<t> -> L<t>, for both targets (x86_64, aarch64); an optimisation (--opt 1)
//
// Purpose: a function makes its frame only on the paths that need it. A
// function like fib returns at once on one path (`n < 2`) and calls on the
// other: add-prelude-and-conclusion makes the frame, checks the stack and saves
// the callee-saved registers on entry, and the early return pays for all of it.
// Here the blocks that run first and need no frame (the early blocks) run
// before the prelude: the prelude moves onto each edge that leaves them (a new
// block `F.frameK` on the way), and each of their returns is a plain return.
//
// The early blocks: those reached from the entry through blocks that need no
// frame (no call, push, pop, indirect jump, branch out of the function or name
// of a frame register: drop-leaf-frames' rule), none of which any other block
// of the function jumps to, so that they always run before the frame is made.
// A callee-saved register the early blocks use would be written before the
// prelude saves it: there it is renamed to a caller-saved register that the
// function does not name at all (nor does its prelude use it), and `F.frameK`
// copies it back to the callee-saved register after the prelude, so the blocks
// after it find their value where they always did.
//
// What it proves first, per function: the early blocks write nothing on the
// stack (they call nothing and name no frame register), so leaving out the
// stack check on their way is safe for the reason drop-leaf-frames gives (the
// return address fits the reserve below the limit, spec/calls.md); each ends in
// a jump (so none falls through into a block that needs the frame), and one that
// goes to the conclusion is its last instruction; a callee-saved register is
// named by them only as a register operand (so renaming it misses no use);
// there are enough free caller-saved registers. Left alone otherwise, and when
// no early block returns (nothing would be gained).
//
// Before (Lx86):                     After (Lx86):
//   fn.fib:                            fn.fib:
//     pushq %rbp                         jmp fib.start
//     movq %rsp, %rbp                  fib.start:
//     subq $16, %rsp                     movq %rdi, %r11
//     cmpq qn_stack_limit(%rip), %rsp    cmpq $2, %r11
//     jb qn_stack_overflow               jge fib.frame1
//     movq %rbx, -8(%rbp)                jmp fib.block1
//     movq %r12, -16(%rbp)             fib.block1:
//     jmp fib.start                      movq %r11, %rax
//   fib.start:                           retq
//     movq %rdi, %rbx                  fib.frame1:
//     cmpq $2, %rbx                      pushq %rbp
//     jge fib.block2                     ...  (the prelude, then)
//     jmp fib.block1                     movq %r11, %rbx
//   fib.block1:                          jmp fib.block2
//     movq %rbx, %rax                  fib.block2:
//     jmp fib.conclusion                 ... (unchanged)
//   fib.block2: ...

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { forEachNode, rewriter } from "../il/rewrite.js";
import { conclusionOf, entryOf, functionOfSymbol } from "../ir-defs/functions.js";
import { pass, type Pass } from "../il/pass.js";
import { eachFunction, needsFrame, type Block, type FrameShape } from "./shared/frames.js";

/** What shrink-wrapping needs to know of a target besides its frame. */
export interface WrapShape extends FrameShape {
  readonly calleeSaved: ReadonlySet<string>;
  /** Caller-saved registers that no instruction uses without naming them, and the prelude does not use. */
  readonly scratch: readonly string[];
  /** The kinds of a jump and of a return. */
  readonly jump: string;
  readonly ret: string;
  /** An instruction that copies register `src` to `dst`. */
  readonly move: (dst: string, src: string) => AnyNode;
}

/** Every string an instruction holds, but the kinds: its registers, labels, symbols, conditions. */
function stringsOf(il: IL, instr: AnyNode, skipRegisters: boolean): string[] {
  const out: string[] = [];
  forEachNode(il, instr, (node) => void (skipRegisters && node.kind === "Reg" ? null : Object.entries(node).forEach(([f, v]) => f !== "kind" && typeof v === "string" && out.push(v))));
  return out;
}

export function shrinkWrapFrames(il: IL, shape: WrapShape): Pass {
  const wrap = (blocks: Block[]): Block[] => {
    const [prelude, conclusion] = [blocks[0]!, blocks.at(-1)!];
    const fn = functionOfSymbol(prelude.label)!;
    const exit = conclusionOf(fn);
    const enter = prelude.instrs.at(-1);
    if (conclusion.label !== exit || prelude.instrs.length < 2 || enter?.kind !== shape.jump || enter.target !== entryOf(fn)) return blocks; // no frame to move
    const body = blocks.slice(1, -1);
    const labels = new Set(blocks.map((b) => b.label));
    const byLabel = new Map(body.map((b) => [b.label, b]));
    const targets = (b: Block) => b.instrs.flatMap((i) => (typeof i.target === "string" && byLabel.has(i.target) ? [i.target] : []));
    const frameless = (b: Block) =>
      b.instrs.at(-1)?.kind === shape.jump &&
      b.instrs.every((instr, k) =>
        instr.target === exit ? k === b.instrs.length - 1 : !needsFrame(il, shape, instr, labels) && !stringsOf(il, instr, true).some((s) => shape.calleeSaved.has(s)),
      );
    // The early blocks: reached from the entry through frameless blocks, entered from no other block.
    let early = new Set(body.filter(frameless).map((b) => b.label));
    for (;;) {
      const reached = new Set<string>();
      for (const todo = [entryOf(fn)]; todo.length > 0; ) {
        const label = todo.pop()!;
        if (early.has(label) && !reached.has(label)) (reached.add(label), todo.push(...targets(byLabel.get(label)!)));
      }
      const enteredFromOthers = new Set(body.filter((b) => !reached.has(b.label)).flatMap(targets));
      const kept = new Set([...reached].filter((l) => !enteredFromOthers.has(l)));
      if (kept.size === early.size) break;
      early = kept;
    }
    const earlyBlocks = body.filter((b) => early.has(b.label));
    if (!earlyBlocks.some((b) => b.instrs.at(-1)!.target === exit)) return blocks;
    // Their callee-saved registers, each renamed to a caller-saved register the function does not name.
    const used = new Set<string>();
    for (const b of earlyBlocks) for (const i of b.instrs) forEachNode(il, i, (n) => void (n.kind === "Reg" && shape.calleeSaved.has(n.name as string) && used.add(n.name as string)));
    const named = new Set(blocks.flatMap((b) => b.instrs.flatMap((i) => stringsOf(il, i, false))));
    const free = shape.scratch.filter((r) => !named.has(r));
    if (free.length < used.size) return blocks;
    const renamed = new Map([...used].map((r, k) => [r, free[k]!]));
    const rename = rewriter<AnyNode, undefined>(il, { Reg: (r) => (renamed.has(r.name as string) ? { ...r, name: renamed.get(r.name as string)! } : r) });
    // Each edge out of the early blocks goes through a block of its own that makes the frame.
    const frames = new Map<string, string>();
    const frameFor = (target: string) => frames.get(target) ?? frames.set(target, `${fn}.frame${frames.size + 1}`).get(target)!;
    const moved = new Map(
      earlyBlocks.map((b) => {
        const instrs = b.instrs.map((i, k): AnyNode => {
          if (k === b.instrs.length - 1 && i.target === exit) return { kind: shape.ret, ...(i.loc ? { loc: i.loc } : {}) };
          const out = rename(i, undefined) as AnyNode;
          return typeof out.target === "string" && byLabel.has(out.target) && !early.has(out.target) ? { ...out, target: frameFor(out.target) } : out;
        });
        return [b.label, { ...b, instrs }];
      }),
    );
    if ([...frames.values()].some((l) => labels.has(l))) return blocks;
    const framing = [...frames].map(([target, label]): Block => ({
      ...prelude,
      label,
      instrs: [...prelude.instrs.slice(0, -1), ...[...renamed].map(([r, s]) => shape.move(r, s)), { kind: shape.jump, target }],
    }));
    const last = body.reduce((at, b, k) => (early.has(b.label) ? k : at), -1);
    const newBody = body.map((b) => moved.get(b.label) ?? b);
    return [{ ...prelude, instrs: prelude.instrs.slice(-1) }, ...newBody.slice(0, last + 1), ...framing, ...newBody.slice(last + 1), conclusion];
  };
  return pass({
    name: "shrink-wrap-frames",
    from: il,
    to: il,
    purpose: "the blocks that run first and need no frame run before it is made: the frame, the stack check and the saves move onto the paths that need them",
    run: (program: { blocks: Block[] }) => ({ ...program, blocks: eachFunction(program.blocks, wrap) }),
  });
}

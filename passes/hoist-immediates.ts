// hoist-immediates: Lalloc -> Lalloc, for both targets (x86_64, aarch64); an optimisation (--opt 1)
//
// Purpose: a literal that the target cannot put in the instruction that uses
// it is put in a register once, before the loop, not on every turn. AArch64's
// add, sub and cmp take 0..4095, mul and str no immediate at all, and
// x86-64's instructions a signed 32-bit one: patch-instructions builds any
// other in a scratch register where it is used (`movz x9, #33920; movk x9,
// #30, lsl #16; cmp x12, x9` for `j <= 2000000`, `mov x9, #0; str x9, ...` for
// `a[j] = false`), two or three instructions more on each turn of a loop. Here
// such a literal, used in a loop, becomes a variable assigned the literal at
// the end of the block that leads into the loop; the register allocator then
// gives it a register (or a slot, when there are too few) for the whole loop.
// Loops are taken outermost first, so a literal leaves every loop that has one
// block leading into it.
//
// Each target says which uses need a register (its back end's index.ts): an
// operand of + - * & | ^ << >>, of a comparison or a branch, or a stored value,
// on its left or right. A divisor is left alone (lower-division knows literals).
//
// What it proves first: that the loop has exactly one block outside it that
// leads into it (its entry), so the new variable is assigned before every turn
// of the loop; the variable is new (a fresh name) and assigned once, so every
// read of it in the loop sees the literal. Assigning it runs on the entry's
// other ways out too, where nothing reads it: it changes nothing else.
//
// Before (Lalloc):                        After (Lalloc):
//   main.block4:                            main.block4:
//     j.7 = (i.6 * i.6)                       j.7 = (i.6 * i.6)
//     if j.7 <= 2000000 goto main.block5      imm.21 = 2000000
//       else main.block6                      if j.7 <= imm.21 goto main.block5 else main.block6
//   main.block5:                            main.block5:
//     *(a.5 + 24 + 8 * j.7) = false           *(a.5 + 24 + 8 * j.7) = false
//     j.7 = (j.7 + i.6)                       j.7 = (j.7 + i.6)
//     if j.7 <= 2000000 goto main.block5      if j.7 <= imm.21 goto main.block5
//       else main.block6                        else main.block6

import type * as A from "../ir-defs/generated/Lalloc.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { pass, type Pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { loops } from "./shared/loops.js";

/** Whether a target needs a register for a literal `value` used as the `side` operand of `op`
 * (a Binary's operator, a branch's comparison, or "store" for the value a Store writes). */
export type NeedsRegister = (op: string, side: "left" | "right", value: bigint) => boolean;

type Literal = A.Int | A.Bool;
const valueOf = (a: Literal): bigint => (a.kind === "Int" ? a.value : a.value ? 1n : 0n);

export function hoistImmediates(needsRegister: NeedsRegister): Pass {
  return pass({
    name: "hoist-immediates",
    from: Lalloc,
    to: Lalloc,
    purpose: "a literal the target cannot encode where a loop uses it is put in a variable before the loop",
    run(program: A.Program): A.Program {
      const fresh = freshNamer(Lalloc, program);
      const hoist = (def: A.Def): A.Def => {
        const blocks = new Map(def.blocks.map((b) => [b.label, b]));
        for (const { body, entries } of loops(def.blocks).reverse()) {
          if (entries.length !== 1) continue;
          const names = new Map<string, string>(); // literal (kind and value) -> its variable
          const hoisted: A.Assign[] = [];
          /** The atom a use becomes: the literal's variable when the target needs a register for it. */
          const use = (a: A.Atom, op: string, side: "left" | "right"): A.Atom => {
            if ((a.kind !== "Int" && a.kind !== "Bool") || !needsRegister(op, side, valueOf(a))) return a;
            const key = `${a.kind} ${String(a.value)}`;
            let name = names.get(key);
            if (name === undefined) {
              name = fresh("imm");
              names.set(key, name);
              hoisted.push({ kind: "Assign", name, value: { kind: a.kind, value: a.value } as Literal });
            }
            return { kind: "Var", name, ...(a.loc ? { loc: a.loc } : {}) };
          };
          const statement = (s: A.CStmt): A.CStmt => {
            if (s.kind === "Store") return { ...s, value: use(s.value, "store", "right") };
            if (s.kind !== "Assign" || s.value.kind !== "Binary" || s.value.op === "/" || s.value.op === "%") return s;
            const e = s.value;
            return { ...s, value: { ...e, left: use(e.left, e.op, "left"), right: use(e.right, e.op, "right") } };
          };
          const tail = (t: A.Tail): A.Tail => (t.kind === "Branch" ? { ...t, left: use(t.left, t.op, "left"), right: use(t.right, t.op, "right") } : t);
          for (const label of body) {
            const b = blocks.get(label)!;
            blocks.set(label, { ...b, stmts: b.stmts.map(statement), tail: tail(b.tail) });
          }
          const entry = blocks.get(entries[0]!)!;
          if (hoisted.length > 0) blocks.set(entry.label, { ...entry, stmts: [...entry.stmts, ...hoisted] });
        }
        return { ...def, blocks: def.blocks.map((b) => blocks.get(b.label)!) };
      };
      return { ...program, defs: program.defs.map(hoist) };
    },
  });
}

// The heap's memory on AArch64 (spec/heap.md): select-instructions' loads,
// stores, index checks and `inc`. AArch64 is a load/store machine: ldr and str
// take a base register and an immediate offset (a multiple of 8 up to 32760),
// so an array element's address is computed first, `add t, a, i, lsl #3`, and
// its offset (24) stays in the ldr: `ldr x, [t, #24]`. patch-instructions needs
// nothing new: the operand table (operand-rules.ts) says base, index and value
// are registers, and a slot among them is loaded into x9, x10 first.
import type * as In from "../../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../../ir-defs/generated/La64var.js";
import { fitsLoadOffset } from "../../../ir-defs/aarch64/operand-rules.js";
import { indexOutOfBounds } from "../../../ir-defs/runtime-routines.js";
import { atomOperand as atom } from "../../shared/both-targets.js";
import { imm, operand, place, type Selection } from "../instructions.js";

type Address = { base: Out.Arg; offset: bigint };

/** `base + offset [+ 8 * index]` as a base place and an offset ldr and str can
 * encode: a constant index is folded into the offset, a variable one added to
 * the base (scaled by 8) in a fresh variable. */
function address(base: In.Atom, offset: bigint, index: In.Atom | null, cx: Selection): [Out.Instr[], Address] {
  const [setBase, b] = place(base, "base", cx);
  if (index === null && fitsLoadOffset(offset)) return [setBase, { base: b, offset }];
  if (index?.kind === "Int" && fitsLoadOffset(offset + 8n * index.value)) return [setBase, { base: b, offset: offset + 8n * index.value }];
  const element = cx.fresh("address");
  const [setIndex, i] = index === null ? [[], null] : place(index, "index", cx);
  const scaled: Out.Instr[] = i === null ? [] : [{ kind: "AddScaled", dst: element, left: b, right: i }];
  // never from the front end's offsets, but any int is allowed: add it to the address first
  const near = fitsLoadOffset(offset);
  const added: Out.Instr[] = near ? [] : [{ kind: "Add", dst: element, left: i === null ? b : element, right: imm(offset) }];
  return [[...setBase, ...setIndex, ...scaled, ...added], { base: element, offset: near ? offset : 0n }];
}

/** `dst = *(base + offset [+ 8 * index])`: one ldr, after an add for a variable index (nothing when the value is unused). */
export function loadWord(e: In.Load, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  if (dst === null) return [];
  const [setup, { base, offset }] = address(e.base, e.offset, e.index, cx);
  return [...setup, { kind: "Load", dst, base, offset }];
}

/** `*(base + offset [+ 8 * index]) = value`: one str, after an add for a variable index. */
export function storeWord(s: In.Store, cx: Selection): Out.Instr[] {
  const [setValue, src] = operand(s.value, "value", cx);
  const [setup, { base, offset }] = address(s.base, s.offset, s.index, cx);
  return [...setValue, ...setup, { kind: "Store", src, base, offset }];
}

/**
 * `check 0 <= index < length`: one unsigned comparison, so a negative index
 * (a huge unsigned one) fails too, and a branch to the runtime's panic:
 * `cmp index, length; b.hs qn_index_out_of_bounds`. A constant index is
 * compared the other way round (`cmp length, #k; b.ls`), two constants not at all.
 */
export function checkIndex(s: In.CheckIndex): Out.Instr[] {
  const [index, length] = [atom(s.index), atom(s.length)];
  const fail: Out.Instr = { kind: "B", target: indexOutOfBounds };
  if (index.kind === "Imm" && index.value < 0n) return [fail];
  if (index.kind === "Imm" && length.kind === "Imm") return index.value < length.value ? [] : [fail];
  if (index.kind === "Imm") return [{ kind: "Cmp", left: length, right: index }, { kind: "BCond", cond: "ls", target: indexOutOfBounds }];
  return [{ kind: "Cmp", left: index, right: length }, { kind: "BCond", cond: "hs", target: indexOutOfBounds }];
}

/** `inc x`: one more reference to x's object, whose count is its first word: ldr, add, str. */
export function increment(s: In.Inc, cx: Selection): Out.Instr[] {
  const base: Out.Var = { kind: "Var", name: s.name };
  const count = cx.fresh("count");
  return [{ kind: "Load", dst: count, base, offset: 0n }, { kind: "Add", dst: count, left: count, right: imm(1n) }, { kind: "Store", src: count, base, offset: 0n }];
}

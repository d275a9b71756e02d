// The heap's memory on x86-64 (spec/heap.md): select-instructions' loads, stores,
// index checks and `inc`, and patch-instructions' repair of a memory access
// whose address or value is not in a register. Serves select-instructions
// (Lalloc -> Lx86select) and patch-instructions (Lx86homes -> Lx86patched).
//
// An address is `offset(base)` or `offset(base,index,8)`, base and index
// places: in registers, `*(a + 24 + 8 * i)` is one `movq 24(%rax,%rcx,8), %rdx`.
// An element of an array of bytes, `*(b + 24 + 1 * i)`, is read by `movzbq
// 24(%rax,%rcx,1), %rdx` and written by `movb`, from an immediate or from %al
// (the one byte register selection uses, as set<cc> does).
import type * as In from "../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../ir-defs/generated/Lx86var.js";
import type * as Homes from "../../ir-defs/generated/Lx86homes.js";
import { indexOutOfBounds } from "../../ir-defs/runtime-routines.js";
import { fitsIn32 } from "../../ir-defs/x86_64/lx86patched.js";
import { atomOperand as atom } from "../shared/both-targets.js";
import { imm, movq, operand, place, reg, type Plain, type Selection } from "./instructions.js";

type Address = { base: Out.Arg; offset: bigint; index: Out.Arg | null };

/** `base + offset [+ size * index]` as the fields of a memory access: a constant
 * index is folded into the offset, base and index are places (variables). */
function address(base: In.Atom, offset: bigint, size: bigint, index: In.Atom | null, cx: Selection): [Plain[], Address] {
  const [setBase, b] = place(base, "base", cx);
  if (index?.kind === "Int" && fitsIn32(offset + size * index.value)) return [setBase, { base: b, offset: offset + size * index.value, index: null }];
  if (!fitsIn32(offset)) { // never from the front end's offsets, but any int is allowed: add it to the base first
    const far = cx.fresh("address");
    const [rest, a] = address({ kind: "Var", name: far.name }, 0n, size, index, cx);
    return [[...setBase, movq(b, far), { kind: "Addq", src: imm(offset), dst: far }, ...rest], a];
  }
  if (index === null) return [setBase, { base: b, offset, index: null }];
  const [setIndex, i] = place(index, "index", cx);
  return [[...setBase, ...setIndex], { base: b, offset, index: i }];
}

/** `dst = *(base + offset [+ size * index])`: one movq from memory, or movzbq for a byte (nothing when the value is unused). */
export function loadWord(e: In.Load, dst: Out.Arg | null, cx: Selection): Plain[] {
  if (dst === null) return [];
  const [setup, { base, offset, index }] = address(e.base, e.offset, e.size ?? 8n, e.index, cx);
  if (e.size === 1n) return [...setup, { kind: "LoadByte", offset, base, index, dst }];
  return [...setup, index ? { kind: "LoadIndexed", offset, base, index, dst } : { kind: "Load", offset, base, dst }];
}

/** `*(base + offset [+ size * index]) = value`: one movq to memory, or movb for a byte (its value an immediate or in %al). */
export function storeWord(s: In.Store, cx: Selection): Plain[] {
  const [setValue, value] = operand(s.value, "value", cx);
  const [setup, { base, offset, index }] = address(s.base, s.offset, s.size ?? 8n, s.index, cx);
  if (s.size === 1n) {
    const inAl: Plain[] = value.kind === "Imm" ? [] : [movq(value, reg("rax"))];
    return [...setValue, ...setup, ...inAl, { kind: "StoreByte", src: value.kind === "Imm" ? value : reg("al"), offset, base, index }];
  }
  return [...setValue, ...setup, index ? { kind: "StoreIndexed", src: value, offset, base, index } : { kind: "Store", src: value, offset, base }];
}

/**
 * `check 0 <= index < length`: one unsigned comparison, so a negative index
 * (a huge unsigned one) fails too, and a jump to the runtime's panic:
 * `cmpq length, index; jae qn_index_out_of_bounds`. A constant index is
 * compared the other way round (`cmpq $k, length; jbe`), two constants not at all.
 */
export function checkIndex(s: In.CheckIndex): Plain[] {
  const [index, length] = [atom(s.index), atom(s.length)];
  const fail: Plain = { kind: "Jmp", target: indexOutOfBounds };
  if (index.kind === "Imm" && index.value < 0n) return [fail];
  if (index.kind === "Imm" && length.kind === "Imm") return index.value < length.value ? [] : [fail];
  if (index.kind === "Imm") return [{ kind: "Cmpq", right: index, left: length }, { kind: "JmpIf", cc: "be", target: indexOutOfBounds }];
  return [{ kind: "Cmpq", right: length, left: index }, { kind: "JmpIf", cc: "ae", target: indexOutOfBounds }];
}

/** `inc x`: one more reference to x's object, `addq $1, (x)` (the count is its first word). */
export const increment = (s: In.Inc): Plain[] => [{ kind: "IncMem", base: { kind: "Var", name: s.name } }];

// ---------------------------------------------------------------- patch-instructions

type Access = Extract<Homes.Instr, { kind: "Load" | "LoadIndexed" | "Store" | "StoreIndexed" | "LoadByte" | "StoreByte" | "IncMem" }>;
const r10: Homes.Reg = { kind: "Reg", name: "r10" };
const r11: Homes.Reg = { kind: "Reg", name: "r11" };
const move = (src: Homes.Arg, dst: Homes.Arg): Homes.Movq => ({ kind: "Movq", src, dst });

/**
 * A memory access whose base or index is in a slot, or whose value is in a
 * slot (or a wide immediate): the base goes to %r11 and the index to %r10, a
 * value loaded to a slot through %r11 (once the address is used), a value
 * stored from one through %r10, which the index then cannot have: the index
 * is scaled and added to the base in %r11 instead.
 *
 *   movq 24(slot0,slot1,8), slot2      movq slot1, %r10
 *                                      movq slot0, %r11
 *                                      movq 24(%r11,%r10,8), %r11
 *                                      movq %r11, slot2
 *   movq slot2, 24(slot0,slot1,8)      movq slot1, %r11
 *                                      salq $3, %r11
 *                                      addq slot0, %r11
 *                                      movq slot2, %r10
 *                                      movq %r10, 24(%r11)
 */
export function patchAccess(instr: Access): Homes.Instr[] {
  const before: Homes.Instr[] = [];
  let patched: Access = instr;
  const value = "src" in instr ? instr.src : null;
  const valueInR10 = value !== null && (value.kind === "Slot" || value.kind === "StackArg" || (value.kind === "Imm" && !fitsIn32(value.value)));
  const index = "index" in instr ? instr.index : null;
  if (index && index.kind !== "Reg" && valueInR10) {
    before.push(move(index, r11), { kind: "Salq", count: { kind: "Imm", value: 3n }, dst: r11 }, { kind: "Addq", src: instr.base, dst: r11 });
    patched = { ...withoutIndex(instr), base: r11 };
  } else if (index && index.kind !== "Reg") {
    before.push(move(index, r10));
    patched = { ...patched, index: r10 } as Access;
  }
  if (patched.base.kind !== "Reg") {
    before.push(move(patched.base, r11));
    patched = { ...patched, base: r11 };
  }
  if (valueInR10) {
    before.push(move(value, r10));
    patched = { ...patched, src: r10 } as Access;
  }
  if ((patched.kind === "Load" || patched.kind === "LoadIndexed" || patched.kind === "LoadByte") && patched.dst.kind !== "Reg") {
    return [...before, { ...patched, dst: r11 }, move(r11, patched.dst)];
  }
  return [...before, patched];
}

/** The same access at base + offset, its index already added into base. */
function withoutIndex(instr: Access): Access {
  if (instr.kind === "LoadIndexed") return { kind: "Load", offset: instr.offset, base: instr.base, dst: instr.dst, ...(instr.loc ? { loc: instr.loc } : {}) };
  if (instr.kind === "StoreIndexed") return { kind: "Store", src: instr.src, offset: instr.offset, base: instr.base, ...(instr.loc ? { loc: instr.loc } : {}) };
  return instr;
}

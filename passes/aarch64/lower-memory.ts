// lower-memory: La64memory -> La64calls
//
// Purpose: reach the heap (spec/heap.md) as AArch64 can. It is a load/store
// machine: ldr and str take a base register and an immediate offset (a multiple
// of 8 up to 32760), and nothing adds to memory. So an array element's address
// is computed first, `add t, a, i, lsl #3`, and its offset (24) stays in the
// ldr: `ldr x, [t, #24]`; a byte (an element of an array of Bool) the same way,
// unscaled, `add t, b, i` then `ldrb x, [t, #24]`, or `strb`; a constant index is
// folded into the offset; a base,
// index or value that is no variable (a constant, a string's address) is put
// in one first; and `inc [p]`, one more reference to p's object, loads its
// count, adds 1 and stores it back. patch-instructions needs nothing new: the
// operand table (operand-rules.ts) says base, index and value are registers,
// and a slot among them is loaded into x9, x10 first.
//
// Before (La64memory):                   After (La64calls):
//   ldr w, [a + 16]                        ldr w, [a, #16]
//   str z, [a + 24 + 8 * i]                add address.1, a, i, lsl #3
//                                          str z, [address.1, #24]
//   ldr y, [a + 24 + 8 * #2]               ldr y, [a, #40]
//   inc [a]                                ldr count.2, [a, #0]
//                                          add count.2, count.2, #1
//                                          str count.2, [a, #0]

import type * as In from "../../ir-defs/generated/La64memory.js";
import type * as Out from "../../ir-defs/generated/La64calls.js";
import { La64calls, La64memory } from "../../ir-defs/aarch64/la64calls.js";
import { fitsLoadOffset } from "../../ir-defs/aarch64/operand-rules.js";
import { fitsByteOffset } from "../../ir-defs/aarch64/la64var.js";
import { functionOfSymbol } from "../../ir-defs/functions.js";
import { fromSource } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { pass } from "../../il/pass.js";
import { imm, loadAddress, mov, type Plain } from "./instructions.js";

type Address = { base: Out.Arg; offset: bigint };

export const lowerMemory = pass({
  name: "lower-memory",
  from: La64memory,
  to: La64calls,
  purpose: "each heap access as ldr and str at a register and a small offset: an element's address added first, inc as ldr, add, str",
  run(program: In.Program): Out.Program {
    const namer = freshNamer(La64memory, program);
    const fresh = (hint: string): Out.Var => ({ kind: "Var", name: namer(hint) });
    /** An operand in a variable, for a place (hint: a fresh one's name) or any operand (only an address needs one). */
    const put = (a: In.Operand, hint: string, places: boolean): [Plain[], Out.Arg] => {
      if (a.kind === "Var" || (a.kind !== "Address" && !places)) return [[], a];
      const v = fresh(hint);
      return [a.kind === "Address" ? loadAddress(a.label, functionOfSymbol(a.label) !== null, v) : [mov(v, a)], v];
    };
    /** `base + offset [+ size * index]` as a base place and an offset ldr and str (size 8) or ldrb and strb (size 1) can encode. */
    const address = (base: In.Operand, offset: bigint, index: In.Operand | null, size: 1n | 8n): [Plain[], Address] => {
      const fits = size === 1n ? fitsByteOffset : fitsLoadOffset;
      const [setBase, b] = put(base, "base", true);
      if (index === null && fits(offset)) return [setBase, { base: b, offset }];
      if (index?.kind === "Imm" && fits(offset + size * index.value)) return [setBase, { base: b, offset: offset + size * index.value }];
      const element = fresh("address");
      const [setIndex, i] = index === null ? [[], null] : put(index, "index", true);
      const scaled: Plain[] = i === null ? [] : [size === 1n ? { kind: "Add", dst: element, left: b, right: i } : { kind: "AddScaled", dst: element, left: b, right: i }];
      // never from the front end's offsets, but any int is allowed: add it to the address first
      const near = fits(offset);
      const added: Plain[] = near ? [] : [{ kind: "Add", dst: element, left: i === null ? b : element, right: imm(offset) }];
      return [[...setBase, ...setIndex, ...scaled, ...added], { base: element, offset: near ? offset : 0n }];
    };
    const lower = (i: In.Instr): Out.Instr[] => {
      switch (i.kind) {
        case "LoadHeap": case "LoadHeapByte": {
          const [setup, { base, offset }] = address(i.base, i.offset, i.index, i.kind === "LoadHeap" ? 8n : 1n);
          return [...setup, { kind: i.kind === "LoadHeap" ? "Load" : "LoadByte", dst: i.dst, base, offset }];
        }
        case "StoreHeap": case "StoreHeapByte": {
          const [setValue, src] = put(i.src, "value", false);
          const [setup, { base, offset }] = address(i.base, i.offset, i.index, i.kind === "StoreHeap" ? 8n : 1n);
          return [...setValue, ...setup, { kind: i.kind === "StoreHeap" ? "Store" : "StoreByte", src, base, offset }];
        }
        case "IncHeap": {
          const count = fresh("count");
          return [{ kind: "Load", dst: count, base: i.base, offset: 0n }, { kind: "Add", dst: count, left: count, right: imm(1n) }, { kind: "Store", src: count, base: i.base, offset: 0n }];
        }
        default: return [i];
      }
    };
    const blocks = program.blocks.map((b) => ({ ...b, instrs: b.instrs.flatMap((i) => fromSource(lower(i), i.loc)) }));
    return { ...program, blocks };
  },
});

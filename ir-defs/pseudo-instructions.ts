// The pseudo-instructions of both targets' ILs before lower-calls and
// lower-division, written once for both (as register-allocation.ts writes the
// allocator's ILs): each IL is its target's instruction IL (L<t>var) plus what
// is still to be lowered, so they are defined from the IL that comes after them.
//
//   L<t>calls   (lower-calls expands) a call takes its arguments as operands
//               and names where its result goes, `call fn.f(x, $1) => y`; a
//               function's first instruction takes its parameters, `params
//               n.1, m.2`; `return v` gives the function's value. None of them
//               says yet which register or stack cell carries what: that is
//               the calling convention. `call qn_recv(ch) => v found f`
//               also takes the routine's second result (x86-64 %rdx,
//               AArch64 x1) into f. An argument may be an address,
//               `$label` (x86-64) or `=label` (AArch64): of a string object
//               (.Lstr0) or a function (fn.f); `$.Lstr0+24` is the address of
//               the string's bytes (a panic message for qn_panic).
//   L<t>select  (lower-division expands) `div a, b => q` and `rem a, b => r`:
//               Quastra's `/` and `%`, which panic on a zero divisor and wrap
//               MIN / -1 to MIN (with no `=> dst`, only the panic is wanted).
import { extendIL, terminal, type IL } from "../il/define.js";
import { functionOfSymbol } from "./functions.js";

/** Of both targets' ILs before lower-calls: an address operand (`$label`, `=label`) names a string or a function. */
const addressOperands = {
  says: "every address operand names a string of the program or a function",
  check(program: unknown): { path: string; message: string } | null {
    const p = program as { blocks?: { instrs: Record<string, unknown>[] }[]; data?: { label: string }[] };
    const strings = new Set((p.data ?? []).map((d) => d.label));
    for (const [b, block] of (p.blocks ?? []).entries()) {
      for (const [i, instr] of block.instrs.entries()) {
        const operands = Object.entries(instr).flatMap(([field, v]) => (Array.isArray(v) ? v.map((a, k) => [`${field}[${k}]`, a] as const) : [[field, v] as const]));
        for (const [field, arg] of operands) {
          const a = arg as { kind?: string; label?: string } | null;
          if (a?.kind === "Address" && !strings.has(a.label!) && functionOfSymbol(a.label!) === null) return { path: `blocks[${b}].instrs[${i}].${field}`, message: `${a.label} is no string and no function` };
        }
      }
    }
    return null;
  },
};

/** `address` is how the target writes an address operand: `$` or `=`; `convention` names its calling convention. */
export function callsIL(instructions: IL, name: string, target: string, convention: string, address: string): IL {
  return extendIL(instructions, {
    name,
    purpose: `${target} instructions where calls, parameters and returns take operands, not yet ${convention}'s registers and stack`,
    add: {
      Operand: ["Arg", { Address: `${address}<label:label><+|offset:int?>` }],
      Instr: {
        /** A call of a function of the program or a routine of the runtime; the result, if any, goes to `result`,
         * and a second result (qn_recv's found flag) to `found`. */
        Call: "call <target:label>(<args:Operand*, >)< => |result:Arg?>< found |found:Arg?>",
        CallIndirect: "call *<callee:Arg>(<args:Operand*, >)< => |result:Arg?>",
        TailCall: "tailcall <target:label>(<args:Operand*, >)",
        TailCallIndirect: "tailcall *<callee:Arg>(<args:Operand*, >)",
        /** The function's parameters, first instruction of its entry block. */
        Params: "params <params:Arg*, >",
        /** Leaves the function, giving `value`. */
        Return: "return <value:Operand>",
      },
    },
    invariants: [addressOperands],
  });
}

export function divideIL(parent: IL, name: string, target: string): IL {
  return extendIL(parent, {
    name,
    purpose: `${target} instructions where / and % are still one pseudo-instruction each`,
    terminals: { divop: terminal.oneOf("divop", ["div", "rem"]) },
    add: {
      Instr: {
        /** Quastra's `/` (div) or `%` (rem) of left by right into dst; panics on a zero divisor. */
        Divide: "<op:divop> <left:Arg>, <right:Arg>< => |dst:Arg?>",
      },
    },
  });
}

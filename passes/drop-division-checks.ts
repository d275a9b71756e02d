// drop-division-checks: Lx86var -> Lx86var and La64var -> La64var; an optimisation (--opt 1)
//
// Purpose: lower-division guards each division by a variable: a zero divisor
// jumps to the runtime's panic, and on x86-64, where idivq traps on MIN / -1,
// a divisor of -1 is swapped for 1 (and the dividend negated) with a compare
// and two conditional moves. Often the instructions just before show the
// divisor can be neither: loops' `a / (((i ^ j) & 255) + 1)` divides by 1 to
// 256, `a % (j | 1)` by an odd number. Then the guard goes.
//
// What it proves first, in each block from its start (nothing is assumed of
// what a block is given): the range [lo, hi] of each variable and whether it
// is surely odd, from the instructions that write it: a literal (exactly
// that), a copy (the same), `and` with a literal m >= 0 (0 to m), `add` of a
// literal (the range moved, when neither end can wrap; odd stays odd when the
// literal is even, wrapping or not), `or` with a literal (odd when it is; at
// least the literal and below the next power of two, when both are >= 0); any
// other write forgets the variable. A zero check of a divisor whose range
// leaves out 0, or that is odd, is dropped; the -1 guard (x86-64) of a divisor
// whose range leaves out -1 becomes a plain move, with the negated dividend
// it would have chosen.
//
// Before (x86-64):                          After:
//   andq $255, d.1                            andq $255, d.1
//   addq $1, d.1                              addq $1, d.1
//   cmpq $0, d.1                              movq a.2, %rax
//   je qn_division_by_zero                    movq d.1, divisor.3
//   movq a.2, %rax                            cqto
//   movq %rax, negated.4                      idivq divisor.3
//   negq negated.4
//   movq $1, divisor.3
//   cmpq $-1, d.1
//   cmovne d.1, divisor.3
//   cmove negated.4, %rax
//   cqto
//   idivq divisor.3

import type { IL } from "../il/define.js";
import type { AnyNode } from "../il/node.js";
import { pass, type Pass } from "../il/pass.js";
import type { RegisterMachine } from "../ir-defs/register-allocation.js";

type Instr = AnyNode;
type Block = { readonly label: string; readonly instrs: readonly Instr[] };
/** What is known of a variable: its range, and whether it is surely odd. */
interface Fact { readonly lo: bigint; readonly hi: bigint; readonly odd: boolean }
const [min, max] = [-(1n << 63n), (1n << 63n) - 1n];
const anything: Fact = { lo: min, hi: max, odd: false };

/** What the pass needs of a target. */
export interface DivisionChecks {
  readonly machine: RegisterMachine;
  /** An instruction that computes a variable the pass follows: `dst = x op k` (`mov`: dst = x), x a variable or literal, k a literal. */
  arithmetic(instr: Instr): { dst: string; op: "mov" | "and" | "add" | "or"; x: Instr; k: bigint | null } | null;
  /** The divisor whose zero check starts at instrs[i], and the check's length; or null. */
  zeroCheck(instrs: readonly Instr[], i: number): { divisor: Instr; length: number } | null;
  /** The -1 guard of a divisor that starts at instrs[i]: its divisor, its length, and what replaces it; or null. */
  minusOneGuard(instrs: readonly Instr[], i: number): { divisor: Instr; length: number; instead: Instr[] } | null;
}

const literal = (a: Instr): bigint | null => (a.kind === "Imm" ? (a.value as bigint) : null);
const bitLength = (n: bigint): bigint => BigInt(n.toString(2).length);

/** What `op` with the literal k gives, from what is known of its operand. */
function transfer(op: "mov" | "and" | "add" | "or", x: Fact, k: bigint | null): Fact {
  if (op === "mov") return x;
  if (k === null) return anything;
  if (op === "and") return k >= 0n ? { lo: 0n, hi: k, odd: x.odd && (k & 1n) === 1n } : { ...anything, odd: x.odd && (k & 1n) === 1n };
  if (op === "add") {
    const odd = x.odd && (k & 1n) === 0n;
    return x.lo + k >= min && x.hi + k <= max ? { lo: x.lo + k, hi: x.hi + k, odd } : { ...anything, odd };
  }
  const odd = x.odd || (k & 1n) === 1n; // or
  return x.lo >= 0n && k >= 0n ? { lo: k > x.lo ? k : x.lo, hi: (1n << bitLength(x.hi > k ? x.hi : k)) - 1n, odd } : { ...anything, odd };
}

function dropChecks(block: Block, target: DivisionChecks): Block {
  const facts = new Map<string, Fact>();
  const factOf = (a: Instr): Fact => {
    const k = literal(a);
    if (k !== null) return { lo: k, hi: k, odd: (k & 1n) === 1n };
    return a.kind === "Var" ? (facts.get(a.name as string) ?? anything) : anything;
  };
  const out: Instr[] = [];
  for (let i = 0; i < block.instrs.length; ) {
    const check = target.zeroCheck(block.instrs, i);
    if (check) {
      const d = factOf(check.divisor);
      if (!(d.lo > 0n || d.hi < 0n || d.odd)) out.push(...block.instrs.slice(i, i + check.length));
      i += check.length;
      continue;
    }
    const guard = target.minusOneGuard(block.instrs, i);
    if (guard) {
      const d = factOf(guard.divisor);
      out.push(...(d.lo > -1n || d.hi < -1n ? guard.instead : block.instrs.slice(i, i + guard.length)));
      i += guard.length;
      continue;
    }
    const instr = block.instrs[i++]!;
    const made = target.arithmetic(instr);
    const fact = made && transfer(made.op, factOf(made.x), made.k); // (before the write: x may be dst)
    for (const w of target.machine.uses(instr).writes) facts.delete(w);
    if (made) facts.set(made.dst, fact!);
    out.push(instr);
  }
  return out.length === block.instrs.length ? block : { ...block, instrs: out };
}

/** The pass on a target's IL of variables (after lower-calls), with what it needs of the target. */
export function dropDivisionChecks(il: IL, target: DivisionChecks): Pass {
  return pass({
    name: "drop-division-checks",
    from: il,
    to: il,
    purpose: "a division's guards against a zero divisor (and, on x86-64, -1) go where the instructions before show the divisor is neither",
    run: (program: { blocks: readonly Block[] }) => ({ ...program, blocks: program.blocks.map((b) => dropChecks(b, target)) }),
  });
}

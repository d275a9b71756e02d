// select-instructions: Lcfg -> Lx86var
//
// Purpose: turn each statement and tail of the control-flow graph into x86-64
// instructions over variables; `/` and `%` become idivq inline (see divide),
// the primitives become calls into the runtime, comparisons become cmpq plus
// setcc or a conditional jump.
//
// Before (Lcfg):                        After (Lx86var):
//   main.start:                           main.start:
//     x = (a - b)                           movq a, x
//                                           subq b, x
//     c = (x < 10)                          cmpq $10, x
//                                           setl %al
//                                           movzbq %al, c
//     q = (x / 3)                           movq $3, divisor.1
//                                           movq x, %rax
//                                           cqto
//                                           idivq divisor.1
//                                           movq %rax, q
//     r = (a % b)                           cmpq $0, b
//                                           je qn_division_by_zero
//                                           movq a, %rax
//                                           movq $1, divisor.2
//                                           cmpq $-1, b
//                                           cmovne b, divisor.2
//                                           cqto
//                                           idivq divisor.2
//                                           movq %rdx, r
//     print_bool(c)                         movq c, %rdi
//                                           callq qn_print_bool
//     if x > 0 goto main.block1             cmpq $0, x
//       else main.block2                    jg main.block1
//                                           jmp main.block2

import type * as In from "../../ir-defs/generated/Lcfg.js";
import type * as Out from "../../ir-defs/generated/Lx86var.js";
import { Lcfg } from "../../ir-defs/lcfg.js";
import { divisionByZero } from "../../ir-defs/runtime-routines.js";
import { Lx86var, mainConclusion } from "../../ir-defs/x86_64/lx86var.js";
import { atomOperand as atom, fromSource, mainBlocks, powerOfTwo } from "../../src/pass-helpers/both-targets.js";
import { freshNamer } from "../../src/pass-helpers/fresh-names.js";
import { pass } from "../../src/pass.js";
import { call, imm, movq, reg, sameArg, StringTable, unreachable } from "../../src/pass-helpers/x86_64-instructions.js";

const [rax, rcx, rdx, rdi, rsi, al, cl] = [reg("rax"), reg("rcx"), reg("rdx"), reg("rdi"), reg("rsi"), reg("al"), reg("cl")];

const conditionCode: Readonly<Record<In.Branch["op"], Out.JmpIf["cc"]>> = { "==": "e", "!=": "ne", "<": "l", "<=": "le", ">": "g", ">=": "ge" };
const arithmetic = { "+": "Addq", "-": "Subq", "*": "Imulq", "&": "Andq", "|": "Orq", "^": "Xorq" } as const;
const commutative: ReadonlySet<string> = new Set(["+", "*", "&", "|", "^"]);
const printRoutine = { print_int: "qn_print_int", print_bool: "qn_print_bool", exit: "qn_exit" } as const;

/** A variable no other has the name of: `hint.N`. */
type Fresh = (hint: string) => Out.Var;

/** `movq src, dst`, or nothing when src already is dst. */
const move = (src: Out.Arg, dst: Out.Arg): Out.Instr[] => (sameArg(src, dst) ? [] : [movq(src, dst)]);

/**
 * `a / b` and `a % b`. idivq divides %rdx:%rax (cqto sign-extends a from %rax)
 * by its operand: the quotient lands in %rax, the remainder in %rdx. It traps
 * on a zero divisor and on MIN / -1, so neither may reach it:
 * - b == 0 jumps to the runtime's panic (qn_division_by_zero, never returns);
 * - b == -1 divides -a by 1 instead (a cmov each, no branch): the same
 *   quotient, -a (which wraps to MIN for MIN), and the same remainder, 0 (for
 *   which a by 1 does as well).
 * A constant divisor is known here: 0 always panics, -1 is a negq (or 0), a
 * power of two takes shifts and masks, and any other needs no check at all.
 */
function divide(e: In.Binary, dst: Out.Arg | null, fresh: Fresh): Out.Instr[] {
  const [a, b] = [atom(e.left), atom(e.right)];
  const quotient = e.op === "/";
  if (b.kind === "Imm") {
    if (b.value === 0n) return [{ kind: "Jmp", target: divisionByZero }];
    if (dst === null) return []; // no effect to keep
    if (b.value === -1n) return quotient ? [...move(a, dst), { kind: "Negq", dst }] : [movq(imm(0n), dst)];
    const k = powerOfTwo(b.value);
    if (k !== null) {
      // By 2^k: a >> k rounds toward minus infinity, so first add 2^k - 1 when a < 0
      // (the bias: a's sign, 0 or -1, masked to k bits). The remainder is a - (a / 2^k) * 2^k.
      const bias = fresh("bias");
      const biased: Out.Instr[] = [movq(a, bias), { kind: "Sarq", count: imm(63n), dst: bias }, { kind: "Andq", src: imm((1n << BigInt(k)) - 1n), dst: bias }, { kind: "Addq", src: a, dst: bias }];
      if (quotient) return [...biased, { kind: "Sarq", count: imm(BigInt(k)), dst: bias }, movq(bias, dst)];
      return [...biased, { kind: "Andq", src: imm(-(1n << BigInt(k))), dst: bias }, ...move(a, dst), { kind: "Subq", src: bias, dst }];
    }
    const divisor = fresh("divisor"); // idivq takes no immediate
    return [movq(b, divisor), movq(a, rax), { kind: "Cqto" }, { kind: "Idivq", src: divisor }, movq(quotient ? rax : rdx, dst)];
  }
  const zeroCheck: Out.Instr[] = [{ kind: "Cmpq", right: imm(0n), left: b }, { kind: "JmpIf", cc: "e", target: divisionByZero }];
  if (dst === null) return zeroCheck; // only the panic is an effect
  const divisor = fresh("divisor");
  const negated = quotient ? fresh("negated") : null;
  return [
    ...zeroCheck,
    movq(a, rax),
    ...(negated ? [movq(rax, negated), { kind: "Negq", dst: negated } as const] : []),
    movq(imm(1n), divisor),
    { kind: "Cmpq", right: imm(-1n), left: b },
    { kind: "Cmov", cc: "ne", src: b, dst: divisor }, // the divisor is b, or 1 when b == -1
    ...(negated ? [{ kind: "Cmov", cc: "e", src: negated, dst: rax } as const] : []), // and the dividend -a
    { kind: "Cqto" },
    { kind: "Idivq", src: divisor },
    movq(quotient ? rax : rdx, dst),
  ];
}

function binary(e: In.Binary, dst: Out.Arg | null, fresh: Fresh): Out.Instr[] {
  if (e.op === "/" || e.op === "%") return divide(e, dst, fresh);
  if (dst === null) return []; // no effect to keep
  const [left, right] = [atom(e.left), atom(e.right)];
  switch (e.op) {
    case "==": case "!=": case "<": case "<=": case ">": case ">=":
      return [{ kind: "Cmpq", right, left }, { kind: "Set", cc: conditionCode[e.op], dst: al }, { kind: "Movzbq", src: al, dst }];
    case "<<": case ">>": {
      const kind = e.op === "<<" ? "Salq" : "Sarq";
      // The machine takes the count mod 64, as Quastra does; a constant count is masked here.
      if (right.kind === "Imm") return [...move(left, dst), { kind, count: imm(BigInt.asUintN(6, right.value)), dst }];
      return [movq(right, rcx), ...move(left, dst), { kind, count: cl, dst }];
    }
    case "+": case "-": case "*": case "&": case "|": case "^": {
      const kind = arithmetic[e.op];
      if (sameArg(left, dst)) return [{ kind, src: right, dst }];
      if (sameArg(right, dst)) {
        if (commutative.has(e.op)) return [{ kind, src: left, dst }];
        return [{ kind: "Negq", dst }, { kind: "Addq", src: left, dst }]; // x = a - x  is  x = -x + a
      }
      return [movq(left, dst), { kind, src: right, dst }];
    }
    default: return unreachable(e.op);
  }
}

function unary(e: In.Unary, dst: Out.Arg | null): Out.Instr[] {
  if (dst === null) return [];
  const op: Out.Instr = e.op === "-" ? { kind: "Negq", dst } : e.op === "~" ? { kind: "Notq", dst } : { kind: "Xorq", src: imm(1n), dst };
  return [...move(atom(e.arg), dst), op];
}

function primitive(e: In.Prim, dst: Out.Arg | null, strings: StringTable): Out.Instr[] {
  const arg = (): In.Atom => {
    if (e.args.length !== 1) throw new Error(`select-instructions: ${e.op} takes one argument, not ${e.args.length}`);
    return e.args[0]!;
  };
  switch (e.op) {
    case "print_int": case "print_bool": case "exit":
      return [movq(atom(arg()), rdi), call(printRoutine[e.op]), ...(dst ? [movq(imm(0n), dst)] : [])];
    case "read_int":
      return [call("qn_read_int"), ...(dst ? [movq(rax, dst)] : [])];
    case "panic": {
      const message = arg();
      if (message.kind !== "Str") throw new Error("select-instructions: panic takes a string literal");
      const { label, length } = strings.add(message.value);
      return [{ kind: "Leaq", label, dst: rdi }, movq(imm(BigInt(length)), rsi), call("qn_panic")];
    }
    default: return unreachable(e.op);
  }
}

/** The instructions that compute `e` into `dst`, or only its effects when dst is null. */
function expression(e: In.CExpr, dst: Out.Arg | null, strings: StringTable, fresh: Fresh): Out.Instr[] {
  switch (e.kind) {
    case "Binary": return binary(e, dst, fresh);
    case "Unary": return unary(e, dst);
    case "Prim": return primitive(e, dst, strings);
    case "Call": throw new Error("select-instructions: calls are not compiled yet");
    default: return dst ? move(atom(e), dst) : [];
  }
}

function tail(t: In.Tail): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "Jmp", target: t.target }];
    case "Branch":
      return [{ kind: "Cmpq", right: atom(t.right), left: atom(t.left) }, { kind: "JmpIf", cc: conditionCode[t.op], target: t.then }, { kind: "Jmp", target: t.else }];
    case "Return": return [movq(atom(t.value), rax), { kind: "Jmp", target: mainConclusion }];
    default: return unreachable(t);
  }
}

export const selectInstructions = pass<In.Program, Out.Program>({
  name: "select-instructions",
  from: Lcfg,
  to: Lx86var,
  purpose: "x86-64 instructions for each statement: idivq inline for / %, runtime calls for the primitives",
  run(program) {
    const strings = new StringTable();
    const namer = freshNamer(Lcfg, program);
    const fresh: Fresh = (hint) => ({ kind: "Var", name: namer(hint) });
    const blocks = mainBlocks(program).map((b): Out.Block => {
      const body = b.stmts.flatMap((s) =>
        fromSource(s.kind === "Assign" ? expression(s.value, { kind: "Var", name: s.name }, strings, fresh) : expression(s.expr, null, strings, fresh), s.loc),
      );
      return { kind: "Block", label: b.label, instrs: [...body, ...fromSource(tail(b.tail), b.tail.loc)] };
    });
    return { kind: "Program", blocks, data: strings.data() };
  },
});

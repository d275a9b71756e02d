// use-conditional-moves: L<t>var -> L<t>var, for both targets (Lx86var, La64var); an optimisation (--opt 1)
//
// Purpose: a branch whose arms only compute one variable becomes straight
// code: both arms are computed, each into a fresh variable, and a conditional
// move (x86-64's cmov<cc>, AArch64's csel) picks the one the condition chose.
// A branch the processor cannot predict (collatz's `n % 2 == 0`, the sieve's
// `if a[k] { count += 1 }`) costs some fifteen cycles each time it guesses
// wrong; the moves cost the few instructions of the arm not taken.
//
// What it proves first: a block ends with a compare, a j<cc> and a jmp to its
// two ways (a diamond: an arm each; a triangle: one arm, the other way going
// straight to where the arm goes). An arm is a block only this jump enters, no
// function's entry, ending with a jmp to the join, of at most `maxArm`
// instructions of arithmetic on variables and immediates alone (no memory, no
// register, no call, no flags read, nothing that traps). Of the variables the
// arms write, one alone is named by other blocks (the rest are their own
// temporaries); an arm taken one way only reads it before it writes it, or the
// branching block writes it, so it has a value on both ways. Then running an
// arm that was not chosen changes nothing but its fresh variable and its
// temporaries, and the move gives the variable the value the branch would.
//
// Before (Lx86var):                    After (Lx86var):
//   main.block9:                         main.block9:
//     movzbq 24(a.1,k.2,1), t.3            movzbq 24(a.1,k.2,1), t.3
//     cmpq $1, t.3                         movq count.4, yes.7
//     je main.block10                      addq $1, yes.7
//     jmp main.block8                      cmpq $1, t.3
//   main.block10:                          cmove yes.7, count.4
//     addq $1, count.4                     jmp main.block8
//     jmp main.block8

import type { IL } from "../il/define.js";
import type { AnyNode, Loc } from "../il/node.js";
import { pass, type Pass } from "../il/pass.js";
import { blocksByFunction } from "../ir-defs/functions.js";
import type { RegisterMachine } from "../ir-defs/register-allocation.js";
import { freshNamer } from "./shared/fresh-names.js";
import { fromSource } from "./shared/both-targets.js";

type Instr = AnyNode;
type Block = { readonly label: string; readonly instrs: readonly Instr[] };
type Var = { readonly kind: "Var"; readonly name: string };

/** What the pass needs of a target. */
export interface ConditionalMoves {
  readonly machine: RegisterMachine;
  /** The instructions an arm may hold: arithmetic into a place, that neither reads flags nor traps. */
  readonly arithmetic: ReadonlySet<string>;
  readonly compare: string;
  /** The most instructions an arm may hold (each runs whichever way the branch goes). */
  readonly maxArm: number;
  readonly move: (src: Var, dst: Var) => Instr;
  /** A conditional branch's condition code. */
  readonly condition: (branch: Instr) => string;
  /** After the compare: `dst` takes `yes` when condition `cc` holds, `no` when not (null: it keeps its value). */
  readonly select: (cc: string, yes: Var, no: Var | null, dst: Var) => Instr[];
}

const operandsOf = (i: Instr): AnyNode[] => Object.values(i).filter((v): v is AnyNode => typeof v === "object" && v !== null && "kind" in v);
const variable = (name: string): Var => ({ kind: "Var", name });

/** `instrs` with the variable `from` renamed `to`. */
const renamed = (instrs: readonly Instr[], from: string, to: string): Instr[] =>
  instrs.map((i) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, typeof v === "object" && v !== null && (v as AnyNode).kind === "Var" && (v as Var).name === from ? variable(to) : v])) as Instr);

export function useConditionalMoves(il: IL, target: ConditionalMoves): Pass {
  const { machine } = target;
  const [jump, branch, branches] = [machine.kinds.jump, machine.kinds.branches[0]!, new Set(machine.kinds.branches)];

  /** Whether the first instruction of `instrs` that names `x` reads it. */
  const readsFirst = (instrs: readonly Instr[], x: string): boolean => {
    const first = instrs.map((i) => machine.uses(i)).find((u) => u.reads.includes(x) || u.writes.includes(x));
    return first?.reads.includes(x) ?? false;
  };

  function convert(blocks: readonly Block[], fresh: (hint: string) => string): Block[] {
    const byLabel = new Map(blocks.map((b) => [b.label, b] as const));
    // How many ways enter each block (jumps, and falling through from the block before), and which blocks name each variable.
    const entries = new Map<string, number>();
    const naming = new Map<string, Set<string>>();
    blocks.forEach((b, k) => {
      for (const i of b.instrs) {
        if (i.kind === jump || branches.has(i.kind)) entries.set(i.target as string, (entries.get(i.target as string) ?? 0) + 1);
        const { reads, writes } = machine.uses(i);
        for (const p of [...reads, ...writes]) (naming.get(p) ?? naming.set(p, new Set()).get(p)!).add(b.label);
      }
      const [last, next] = [b.instrs.at(-1), blocks[k + 1]];
      if (next && !(last && (last.kind === jump || machine.kinds.exits.includes(last.kind)))) entries.set(next.label, (entries.get(next.label) ?? 0) + 1);
    });

    /** The block `label` as an arm: its instructions (without the jmp), where it goes, and the variables it writes that other blocks name. */
    const arm = (label: string) => {
      const b = byLabel.get(label);
      const last = b?.instrs.at(-1);
      if (!b || !last || last.kind !== jump || entries.get(label) !== 1 || label.endsWith(".start")) return null;
      const body = b.instrs.slice(0, -1);
      if (body.length > target.maxArm || !body.every((i) => target.arithmetic.has(i.kind) && operandsOf(i).every((o) => o.kind === "Var" || o.kind === "Imm"))) return null;
      const outside = new Set(body.flatMap((i) => machine.uses(i).writes).filter((w) => naming.get(w)!.size > 1));
      return { label, body, join: last.target as string, outside };
    };

    const removed = new Set<string>();
    const converted = new Map<string, Block>();
    for (const b of blocks) {
      const [cmp, jcc, jmp] = b.instrs.slice(-3);
      if (b.instrs.length < 3 || cmp!.kind !== target.compare || jcc!.kind !== branch || jmp!.kind !== jump) continue;
      const [yesLabel, noLabel] = [jcc!.target as string, jmp!.target as string];
      const [yesArm, noArm] = [arm(yesLabel), arm(noLabel)];
      // A diamond, or a triangle (an arm that does nothing outside is no arm: its way goes straight on).
      let ways: [typeof yesArm, typeof noArm, string] | null = null;
      if (yesArm && noArm && yesArm.join === noArm.join) ways = [yesArm.outside.size ? yesArm : null, noArm.outside.size ? noArm : null, yesArm.join];
      else if (yesArm && yesArm.join === noLabel) ways = [yesArm, null, noLabel];
      else if (noArm && noArm.join === yesLabel) ways = [null, noArm, yesLabel];
      if (!ways) continue;
      const [yes, no, join] = ways;
      const written = new Set([...(yes?.outside ?? []), ...(no?.outside ?? [])]);
      if (written.size !== 1) continue;
      const x = [...written][0]!;
      // Taken one way only, the arm must read x first, or the block write it: else x may have no value the other way.
      if ((!yes || !no) && !readsFirst((yes ?? no)!.body, x) && !b.instrs.some((i) => machine.uses(i).writes.includes(x))) continue;
      const code = (a: NonNullable<typeof yes>, hint: string): { name: string; instrs: Instr[] } => {
        const name = fresh(hint);
        return { name, instrs: [...(readsFirst(a.body, x) ? fromSource([target.move(variable(x), variable(name))], a.body[0]!.loc as Loc) : []), ...renamed(a.body, x, name)] };
      };
      const [y, n] = [yes ? code(yes, "yes") : null, no ? code(no, "no") : null];
      for (const a of [yesArm, noArm]) if (a && a.label !== join) removed.add(a.label);
      const select = fromSource(y
        ? target.select(target.condition(jcc!), variable(y.name), n && variable(n.name), variable(x))
        : target.select(target.condition(machine.invert(jcc!, "")!), variable(n!.name), null, variable(x)), jcc!.loc as Loc);
      // The arms go before the compare, or before the arithmetic just before it when that writes
      // nothing they read (so drop-zero-compares still finds `andq $1, t; cmpq $0, t`).
      const arms = [...(y?.instrs ?? []), ...(n?.instrs ?? [])];
      const armsRead = new Set(arms.flatMap((i) => machine.uses(i).reads));
      const before = b.instrs.at(-4);
      const at = before && target.arithmetic.has(before.kind) && !machine.uses(before).writes.some((w) => armsRead.has(w)) ? -4 : -3;
      converted.set(b.label, { ...b, instrs: [...b.instrs.slice(0, at), ...arms, ...b.instrs.slice(at, -2), ...select, { ...jmp!, target: join }] });
    }
    return blocks.filter((b) => !removed.has(b.label)).map((b) => converted.get(b.label) ?? b);
  }

  return pass({
    name: "use-conditional-moves",
    from: il, to: il,
    purpose: "a branch whose arms only compute one variable becomes both arms computed and a conditional move",
    run(program: { blocks: readonly Block[] }) {
      const fresh = freshNamer(il, program);
      return { ...program, blocks: blocksByFunction(program.blocks).flatMap((f) => convert(f.blocks, fresh)) };
    },
  });
}

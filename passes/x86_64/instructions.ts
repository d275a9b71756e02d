// Small helpers shared by the x86_64 passes: operand and instruction builders,
// the exhaustiveness check for switches on `kind`, and the table of string
// literals that becomes the program's read-only data.
import type * as X86 from "../../ir-defs/generated/Lx86var.js";

/** The default of an exhaustive switch: the type checker proves it is never reached. */
export function unreachable(value: never): never {
  throw new Error(`unexpected form ${(value as { kind?: string }).kind ?? String(value)}`);
}

export const imm = (value: bigint): X86.Imm => ({ kind: "Imm", value });
export const reg = (name: X86.Reg["name"]): X86.Reg => ({ kind: "Reg", name });
export const movq = (src: X86.Arg, dst: X86.Arg): X86.Movq => ({ kind: "Movq", src, dst });
export const call = (target: string): X86.Callq => ({ kind: "Callq", target });

/** Whether two operands are the same place or value (Imm, Reg, Var, Slot or Mem). */
export function sameArg(a: { readonly kind: string }, b: { readonly kind: string }): boolean {
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return x.kind === y.kind && x.value === y.value && x.name === y.name && x.index === y.index && x.offset === y.offset && x.base === y.base;
}

/** The string literals of a program, each once, labelled .Lstr0, .Lstr1, ... in order of first use.
 * (`.L` labels are local to the assembled file: they never reach the symbol table.) */
export class StringTable {
  private readonly labels = new Map<string, string>();

  add(text: string): { label: string; length: number } {
    let label = this.labels.get(text);
    if (label === undefined) this.labels.set(text, (label = `.Lstr${this.labels.size}`));
    return { label, length: Buffer.byteLength(text, "utf8") };
  }

  data(): X86.Data[] {
    return [...this.labels].map(([value, label]) => ({ kind: "Data", label, value }));
  }
}

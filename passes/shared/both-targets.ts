// What the two back ends share: the operand an Lalloc atom becomes, the table of
// static objects (string literals and closures that capture nothing), and how
// each is written for the assembler.

import type * as Alloc from "../../ir-defs/generated/Lalloc.js";
import type { IL } from "../../il/define.js";
import type { PassContext } from "../../il/pass.js";
import { unreachable, type Loc } from "../../il/node.js";
import { forEachNode } from "../../il/rewrite.js";
import { fieldsInfo, kinds, staticCount } from "../../ir-defs/heap-layout.js";
import { functionSymbol } from "../../ir-defs/functions.js";

/** An Lalloc atom as a machine operand: Int -> its value, Bool -> 0/1, Unit -> 0,
 * Var -> Var. A string literal (the address of its object) and a function
 * reference (its code's) are addresses that an instruction computes first: the
 * targets' `load` and `operand` helpers do. */
export function atomOperand(a: Alloc.Atom): { kind: "Imm"; value: bigint } | { kind: "Var"; name: string } {
  switch (a.kind) {
    case "Int": return { kind: "Imm", value: a.value };
    case "Bool": return { kind: "Imm", value: a.value ? 1n : 0n };
    case "Unit": return { kind: "Imm", value: 0n };
    case "Var": return { kind: "Var", name: a.name };
    case "Str": throw new Error("select-instructions: a string literal is an address, loaded first, not an operand");
    case "FunRef": throw new Error("select-instructions: a function reference is loaded, not used as an operand");
    case "StaticClosure": throw new Error("select-instructions: a static closure is an address, loaded first, not an operand");
    default: return unreachable(a);
  }
}

/** The string literals of a program, each once, labelled .Lstr0, .Lstr1, ... in order of first use:
 * each becomes a static string object of the program's data (spec/heap.md); and
 * likewise its static closures (of functions that capture nothing), .Lclosure0, ...
 * (`.L` labels are local to the assembled file: they never reach the symbol table.) */
export class StringTable {
  private readonly labels = new Map<string, string>();
  private readonly closures = new Map<string, string>();

  add(text: string): { label: string; length: number } {
    let label = this.labels.get(text);
    if (label === undefined) this.labels.set(text, (label = `.Lstr${this.labels.size}`));
    return { label, length: Buffer.byteLength(text, "utf8") };
  }

  /** The label of the static closure of the function `code`. */
  closure(code: string): string {
    let label = this.closures.get(code);
    if (label === undefined) this.closures.set(code, (label = `.Lclosure${this.closures.size}`));
    return label;
  }

  data(): ({ kind: "Data"; label: string; value: string } | { kind: "ClosureData"; label: string; code: string })[] {
    return [
      ...[...this.labels].map(([value, label]) => ({ kind: "Data" as const, label, value })),
      ...[...this.closures].map(([code, label]) => ({ kind: "ClosureData" as const, label, code: functionSymbol(code) })),
    ];
  }
}

/** A string as the operand of `.ascii`: its UTF-8 bytes, printable ASCII as is,
 * `"` and `\` escaped, every other byte as a three-digit octal escape. */
export function asciiLiteral(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return `"${out}"`;
}


/** A static string object as assembler lines, for the writable data section:
 * aligned to 8, its count (2^62: it never reaches zero), info word 3 (a string)
 * and length in bytes, then the bytes (spec/heap.md). */
export function stringObjectLines(label: string, text: string): string[] {
  return [`${asmIndent}.balign 8`, `${label}:`, `${asmIndent}.quad 0x${staticCount.toString(16)}, ${kinds.string}, ${Buffer.byteLength(text, "utf8")}`, `${asmIndent}.ascii ${asciiLiteral(text)}`];
}

/** A static closure as assembler lines, for the writable data section: its count
 * (2^62), the info word of a fields object of one field that is no reference, and
 * the address of its function's code (spec/heap.md). */
export function closureObjectLines(label: string, code: string): string[] {
  return [`${asmIndent}.balign 8`, `${label}:`, `${asmIndent}.quad 0x${staticCount.toString(16)}, 0x${fieldsInfo("0").toString(16)}, ${code}`];
}

/** A static object of the program's data (a string or a closure) as assembler lines. */
export const staticObjectLines = (d: { kind: "Data"; label: string; value: string } | { kind: "ClosureData"; label: string; code: string }): string[] =>
  d.kind === "Data" ? stringObjectLines(d.label, d.value) : closureObjectLines(d.label, d.code);

/** The indentation of assembler directives and instructions. */
export const asmIndent = "        ";

/** An instruction as printed by its template, laid out as an assembly line:
 * indented, the mnemonic padded so that operands line up. */
export function instructionLine(text: string): string {
  const [, mnemonic, operands] = /^(\S+)\s*(.*)$/.exec(text)!;
  return `${asmIndent}${operands ? mnemonic!.padEnd(8) : mnemonic!}${operands}`;
}

/** The instructions made for one statement, each marked with the statement's
 * source span, so that the assembly can say which source line it came from. */
export function fromSource<I extends object>(instrs: I[], loc: Loc | undefined): I[] {
  return loc ? instrs.map((instr) => ((instr as { loc?: Loc }).loc === loc ? instr : { ...instr, loc })) : instrs;
}

/** Comment lines naming the source line that the instructions after them come
 * from (`# 12: x = x + 1`), inserted where that line changes. A location in an
 * imported module's file (`loc.file`) quotes that file's line, not the program's. */
export function sourceComments(comment: string, context: PassContext): (loc: Loc | undefined) => string[] {
  const files = new Map<string | undefined, string[]>();
  const linesOf = (file: string | undefined): string[] => {
    let lines = files.get(file);
    if (!lines) files.set(file, (lines = ((file === undefined ? context.source : context.modules?.get(file)?.source) ?? "").split("\n")));
    return lines;
  };
  let last: Loc | undefined;
  return (loc) => {
    if (!loc || (loc.line === last?.line && loc.file === last.file)) return [];
    last = loc;
    return [`${asmIndent}${comment} ${loc.line}: ${(linesOf(loc.file)[loc.line - 1] ?? "").trim()}`];
  };
}

/** How many stack slots a program uses, and which of the callee-saved registers
 * (main must give those back unchanged, so its prelude saves them). */
export function frameOf<R>(il: IL, program: unknown, calleeSaved: readonly string[]): { slots: number; saved: R[] } {
  let slots = 0;
  const used = new Set<string>();
  forEachNode(il, program, (node) => {
    if (node.kind === "Slot") slots = Math.max(slots, (node.index as number) + 1);
    if (node.kind === "Reg") used.add(node.name as string);
  });
  return { slots, saved: calleeSaved.filter((r) => used.has(r)).map((name) => ({ kind: "Reg", name }) as R) };
}

/** k when a divisor is 2^k with k from 1 to 62: then `/` and `%` need no division (see select-instructions). */
export function powerOfTwo(divisor: bigint): number | null {
  if (divisor < 2n || (divisor & (divisor - 1n)) !== 0n) return null;
  return divisor.toString(2).length - 1;
}

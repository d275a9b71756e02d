// What a pass is: a value with a name (verb-object), the IL it reads, the IL it
// writes, a one-line purpose, and a function from one to the other. The
// pipeline (passes/pipeline.ts) is a list of these; nothing else knows the order.

import type { IL } from "./define.js";
import type { Loc } from "./node.js";

/** What a pass says about a program it accepts (an arm that can never match): where and what. */
export interface Warning {
  readonly file: string;
  readonly loc: Loc;
  readonly message: string;
}

/** A file of the program other than its own, that a `use` reaches: its text, or why it could
 * not be read (the driver reads it; resolve-modules reports it). */
export interface ModuleSource {
  readonly file: string;
  readonly source: string | null;
  readonly error?: string;
}

/** What a pass may need besides its input: the source file (for diagnostics), the
 * prelude's text and the files of the modules the program imports, which the driver
 * reads (passes do no I/O; without it a program is compiled without the prelude, and
 * without modules), and where warnings go (without it they are dropped). */
export interface PassContext {
  readonly file: string;
  readonly source: string;
  readonly prelude?: { readonly file: string; readonly source: string };
  /** Every file the program's imports reach, directly or not, by file name (front-end/modules.ts). */
  readonly modules?: ReadonlyMap<string, ModuleSource>;
  /** For `qnano test`: the tests whose entry replaces main (front-end/test-entry.ts). */
  readonly tests?: readonly string[];
  readonly warn?: (warning: Warning) => void;
}

export interface Pass<In = any, Out = any> {
  readonly name: string;
  /** The IL it reads, or "text" for the parser. */
  readonly from: IL | "text";
  /** The IL it writes, or "asm" for the final GNU assembler text. */
  readonly to: IL | "asm";
  readonly purpose: string;
  readonly run: (input: In, context: PassContext) => Out;
}

export const ilName = (l: IL | "text" | "asm"): string => (typeof l === "string" ? (l === "text" ? "source text" : "assembly text") : l.name);

/** Declares a pass; only a type-checked identity, so a pass file reads as one value. */
export function pass<In, Out>(p: Pass<In, Out>): Pass<In, Out> {
  return p;
}

// What a symbol of the instruction ILs of both targets names, as terminals: the
// code of a function (where a call goes, or whose address a function value
// holds), or data (a string of the program, or a word of the runtime's). A block
// label is any label (ir-defs/functions.ts says how they are made).
//
// Telling them apart in the grammar keeps two forms that print the same
// assembly apart too: `leaq fn.f(%rip), %rax` (LeaFn) takes the address of
// code, `leaq .Lstr0(%rip), %rax` (Leaq) the address of a string.
import { readMatch, terminal, type Terminal } from "../il/define.js";
import { runtimeArguments, stackLimit } from "./runtime-routines.js";

const labelText = /[A-Za-z_.$][A-Za-z0-9_.$]*/;

/** The code of a function of the program (qn_main, fn.F: functions.ts) or a routine of the runtime. */
export const codeSymbol: Terminal = {
  name: "symbol",
  describe: "a function's code: qn_main, fn.NAME or a routine of the runtime (qn_alloc, ...)",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && (v === "qn_main" || /^fn\.[A-Za-z_][A-Za-z0-9_]*$/.test(v) || Object.hasOwn(runtimeArguments, v)),
  read: readMatch(labelText),
};

/** A string of the program (labelled .Lstr0, .Lstr1, ...: .L is the assembler's prefix of local labels) or a word of the runtime's data. */
export const dataSymbol: Terminal = {
  name: "data",
  describe: `a label of data: a string of the program (.Lstr0, ...) or the runtime's ${stackLimit}`,
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && (v === stackLimit || (/^\.L/.test(v) && terminal.label.test(v))),
  read: readMatch(labelText),
};

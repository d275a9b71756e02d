// What a symbol of the instruction ILs of both targets names, as terminals: the
// code of a function (where a call goes, or whose address a function value
// holds), data (a string of the program, or a word of the runtime's), or a
// block (a label: ir-defs/functions.ts says how they are made).
//
// Telling them apart in the grammar keeps two forms that print the same
// assembly apart too: `leaq fn.f(%rip), %rax` (LeaFn) takes the address of
// code, `leaq .Lstr0(%rip), %rax` (Leaq) the address of a string.
//
// The names of functions and labels follow one scheme (spec/symbols.md): an
// instance of a generic function is named by its type arguments,
// `fn.swap[Int, Bool]`, its blocks `swap[Int, Bool].block1`. The GNU assembler
// takes any characters in a symbol written in double quotes, so the ILs that
// print assembly print such a symbol quoted (`callq "fn.swap[Int, Bool]"`), and
// read it back either way.
import { readMatch, terminal, type Terminal } from "../il/define.js";
import { instanceNameEnd } from "./names.js";
import { runtimeArguments, stackLimit } from "./runtime-routines.js";

const labelText = /[A-Za-z_.$][A-Za-z0-9_.$]*/;
const plainSymbol = new RegExp(`^(?:${labelText.source})$`);
/** A symbol of a module's item, `fn.geo.shapes/area`, `geo.shapes/area.block1`: written in double quotes in the assembly. */
const moduleText = /[A-Za-z_.$][A-Za-z0-9_.$]*(?:\/[A-Za-z_][A-Za-z0-9_.$]*)+/;
const moduleSymbol = new RegExp(`^(?:${moduleText.source})$`);

/** A symbol as the GNU assembler reads it: as it is, or in double quotes when it has other characters. */
export const asmSymbol = (symbol: string): string => (plainSymbol.test(symbol) ? symbol : JSON.stringify(symbol));

/** A symbol written at `at`, plain or (`quoted`) in double quotes: the symbol, and where its text ends. */
function readSymbol(text: string, at: number, quoted: boolean): { value: string; end: number }[] {
  if (quoted && text[at] === '"') {
    const close = text.indexOf('"', at + 1);
    return close < 0 ? [] : [{ value: text.slice(at + 1, close), end: close + 1 }];
  }
  const plain = readMatch(labelText)(text, at) as { value: string; end: number }[];
  const module = readMatch(moduleText)(text, at) as { value: string; end: number }[];
  const instance = instanceNameEnd(text, at);
  return [...plain, ...module, ...(instance < 0 ? [] : [{ value: text.slice(at, instance), end: instance }])];
}

const isSymbolText = (v: unknown): v is string => typeof v === "string" && (plainSymbol.test(v) || moduleSymbol.test(v) || instanceNameEnd(v, 0) === v.length);

/** A label of a block: `main.start`, `swap[Int, Bool].block1`; in the assembly ILs (`quoted`), printed as the assembler reads it. */
export function blockLabel(quoted: boolean): Terminal {
  return {
    name: "label",
    describe: "a block label",
    tsType: "string",
    test: isSymbolText,
    read: (text, at) => readSymbol(text, at, quoted),
    ...(quoted ? { show: (v: unknown) => asmSymbol(v as string) } : {}),
  };
}

/** The code of a function of the program (qn_main, fn.F: functions.ts) or a routine of the runtime. */
export const codeSymbol: Terminal = {
  name: "symbol",
  describe: "a function's code: qn_main, fn.NAME or a routine of the runtime (qn_alloc, ...)",
  tsType: "string",
  test: (v: unknown) => isSymbolText(v) && (v === "qn_main" || /^fn\.[A-Za-z_]/.test(v) || Object.hasOwn(runtimeArguments, v)),
  read: (text, at) => readSymbol(text, at, true),
  show: (v: unknown) => asmSymbol(v as string),
};

/** A string of the program (labelled .Lstr0, .Lstr1, ...: .L is the assembler's prefix of local labels) or a word of the runtime's data. */
export const dataSymbol: Terminal = {
  name: "data",
  describe: `a label of data: a string of the program (.Lstr0, ...) or the runtime's ${stackLimit}`,
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && (v === stackLimit || (/^\.L/.test(v) && terminal.label.test(v))),
  read: readMatch(labelText),
};

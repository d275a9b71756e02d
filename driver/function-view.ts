// One function of an intermediate program, for `qnano trace --fn NAME`: what
// the program says about that function alone, in the shape of its IL.
//
//   tree ILs (Lsrc .. Lmon)    the program with only the fn item NAME
//   Lcfg, Lfun                 the program with only the definition NAME
//   instruction ILs            only NAME's blocks (its labels start with `NAME.`,
//                              its prelude is its symbol), and of the tables of
//                              interference and homes, only its variables
//   assembly text              the lines from NAME's symbol to the next function's

import { functionOfLabel, functionSymbol } from "../ir-defs/functions.js";
import { variablesOf } from "../ir-defs/register-allocation.js";
import { asmSymbol } from "../ir-defs/symbols.js";

type Program = Record<string, unknown>;
type Named = { readonly name?: unknown; readonly label?: unknown; readonly var?: unknown };

const isFn = (i: Named): boolean => ["Fn", "GenericFn"].includes((i as { kind?: string }).kind ?? "");

/** The functions a program has, in order (null when it is not a program of functions). */
export function functionNames(program: unknown): string[] {
  const p = program as Program;
  if (Array.isArray(p.items)) return (p.items as Named[]).filter(isFn).map((i) => i.name as string);
  if (Array.isArray(p.defs)) return (p.defs as Named[]).map((d) => d.name as string);
  if (Array.isArray(p.blocks)) return (p.blocks as Named[]).map((b) => b.label as string).filter((l) => l.endsWith(".start")).map(functionOfLabel);
  return [];
}

/** `program` (of any IL, or assembly text) restricted to the function `name`;
 * `variables` are the function's (once allocation has replaced them by their
 * homes, the program no longer says which are whose). */
export function functionView(program: unknown, name: string, variables: ReadonlySet<string> = new Set()): unknown {
  if (typeof program === "string") return assemblyOf(program, name);
  const p = program as Program;
  if (Array.isArray(p.items)) return { ...p, items: (p.items as Named[]).filter((i) => isFn(i) && i.name === name) };
  if (Array.isArray(p.defs)) return { ...p, defs: (p.defs as Named[]).filter((d) => d.name === name) };
  if (!Array.isArray(p.blocks)) return program;
  const symbol = functionSymbol(name);
  const blocks = (p.blocks as Named[]).filter((b) => b.label === symbol || functionOfLabel(b.label as string) === name);
  const mine = new Set([...variables, ...variablesOf({ blocks: blocks as unknown as { instrs: unknown[] }[] })]);
  const view: Program = { ...p, blocks };
  if (Array.isArray(p.graph)) view.graph = (p.graph as Named[]).filter((v) => mine.has(v.var as string));
  if (Array.isArray(p.homes)) view.homes = (p.homes as Named[]).filter((h) => mine.has(h.var as string));
  return view;
}

/** The variables of function `name` in a program of an instruction IL that still has them. */
export function variablesOfFunction(program: unknown, name: string): Set<string> {
  const view = functionView(program, name) as { blocks?: { instrs: unknown[] }[] };
  return view.blocks ? variablesOf({ blocks: view.blocks }) : new Set();
}

/** A line that starts a function's code: its symbol (spec/symbols.md), maybe quoted. */
const symbolLine = /^(qn_main|fn\.[A-Za-z_][A-Za-z0-9_.]*|"fn\.[^"]*"):$/;

function assemblyOf(text: string, name: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(`${asmSymbol(functionSymbol(name))}:`);
  if (start < 0) return "";
  let end = start + 1;
  while (end < lines.length && !symbolLine.test(lines[end]!) && !/^\s+\.section/.test(lines[end]!)) end++;
  return lines.slice(start, end).join("\n") + "\n";
}

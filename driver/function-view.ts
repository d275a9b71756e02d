// One function of an intermediate program, for `qnano trace --fn NAME`: what
// the program says about that function alone, in the shape of its IL.
//
//   tree ILs (Lsrc .. Lmon)    the program with only the fn item NAME (in Lmodules,
//                              an imported module's function is `path/NAME`, as
//                              resolve-modules names it, and keeps its module around it)
//   Lcfg, Lfun                 the program with only the definition NAME
//   instruction ILs            only NAME's blocks (its labels start with `NAME.`,
//                              its prelude is its symbol), and of the tables of
//                              interference and homes, only its variables
//   assembly text              the lines from NAME's symbol to the next function's
//
// A generic function NAME is its instances (`NAME[Int, Bool]`, ...) once monomorphize made them.

import { functionOfLabel, functionOfSymbol, functionSymbol } from "../ir-defs/functions.js";
import { variablesOf } from "../ir-defs/register-allocation.js";

type Program = Record<string, unknown>;
type Named = { readonly name?: unknown; readonly label?: unknown; readonly var?: unknown };

/** The generic function an instance's name is of (`swap[Int, Bool]`: swap; spec/symbols.md), or the name itself. */
const genericOf = (name: string): string => name.replace(/\[.*$/, "");
const kindOf = (i: Named): string => (i as { kind?: string }).kind ?? "";
/** An item without its `pub` (Lmodules). */
const unpub = (i: Named): Named => (kindOf(i) === "Pub" ? ((i as { item: Named }).item) : i);
const isFn = (i: Named): boolean => ["Fn", "GenericFn"].includes(kindOf(unpub(i)));

/** Each function item of a program's items with its name: in Lmodules, an imported
 * module's are qualified by its path (as resolve-modules names them) and come inside
 * their module, alone. */
function fnItems(items: readonly Named[]): [string, Named][] {
  return items.flatMap((item): [string, Named][] => {
    if (isFn(item)) return [[unpub(item).name as string, item]];
    if (kindOf(item) !== "Imported") return [];
    const module = item as { path: string[]; items: Named[] };
    return module.items.filter(isFn).map((fn): [string, Named] => [`${module.path.join(".")}/${unpub(fn).name as string}`, { ...module, items: [fn] } as Named]);
  });
}

/** The functions a program has, in order (null when it is not a program of functions). */
export function functionNames(program: unknown): string[] {
  const p = program as Program;
  if (Array.isArray(p.items)) return fnItems(p.items as Named[]).map(([name]) => name);
  if (Array.isArray(p.defs)) return (p.defs as Named[]).map((d) => d.name as string);
  if (Array.isArray(p.blocks)) return (p.blocks as Named[]).map((b) => b.label as string).filter((l) => l.endsWith(".start")).map(functionOfLabel);
  return [];
}

/** `program` (of any IL, or assembly text) restricted to the function `name`;
 * `variables` are the function's (once allocation has replaced them by their
 * homes, the program no longer says which are whose). */
export function functionView(program: unknown, name: string, variables: ReadonlySet<string> = new Set()): unknown {
  return functionViews(program, [name], new Map([[name, variables]])).get(name);
}

/** functionView of each of `names` at once, in one walk over the program
 * (the explorer splits every step of a program of many functions). */
export function functionViews(program: unknown, names: readonly string[], variables: ReadonlyMap<string, ReadonlySet<string>> = new Map()): Map<string, unknown> {
  const views = new Map<string, unknown>();
  if (typeof program === "string") {
    const chunks = assemblyChunks(program);
    const symbols = [...chunks.keys()];
    for (const name of names) views.set(name, symbols.filter((k) => k === functionSymbol(name) || genericOf(k) === functionSymbol(name)).map((k) => chunks.get(k)).join(""));
    return views;
  }
  const p = program as Program;
  const byName = <T extends Named>(list: T[], nameOf: (item: T) => string | null): Map<string, T[]> => {
    const groups = new Map<string, T[]>(names.map((n) => [n, []]));
    for (const item of list) {
      const n = nameOf(item);
      if (n !== null) (groups.get(n) ?? groups.get(genericOf(n)))?.push(item); // (an instance goes with its generic function)
    }
    return groups;
  };
  if (Array.isArray(p.items)) {
    const items = new Map<string, Named[]>(names.map((n) => [n, []]));
    for (const [n, item] of fnItems(p.items as Named[])) (items.get(n) ?? items.get(genericOf(n)))?.push(item); // (an instance goes with its generic function)
    for (const name of names) views.set(name, { ...p, items: items.get(name) });
    return views;
  }
  if (Array.isArray(p.defs)) {
    const defs = byName(p.defs as Named[], (d) => d.name as string);
    for (const name of names) views.set(name, { ...p, defs: defs.get(name) });
    return views;
  }
  if (!Array.isArray(p.blocks)) {
    for (const name of names) views.set(name, program);
    return views;
  }
  const blocks = byName(p.blocks as Named[], (b) => functionOfSymbol(b.label as string) ?? functionOfLabel(b.label as string));
  const owner = new Map<string, string>(); // variable -> function
  for (const name of names) {
    for (const v of variables.get(name) ?? []) owner.set(v, name);
    for (const v of variablesOf({ blocks: blocks.get(name)! as unknown as { instrs: unknown[] }[] })) owner.set(v, name);
  }
  const graph = Array.isArray(p.graph) ? byName(p.graph as Named[], (v) => owner.get(v.var as string) ?? null) : null;
  const homes = Array.isArray(p.homes) ? byName(p.homes as Named[], (h) => owner.get(h.var as string) ?? null) : null;
  for (const name of names) {
    const view: Program = { ...p, blocks: blocks.get(name) };
    if (graph) view.graph = graph.get(name);
    if (homes) view.homes = homes.get(name);
    views.set(name, view);
  }
  return views;
}

/** The variables of function `name` in a program of an instruction IL that still has them. */
export function variablesOfFunction(program: unknown, name: string): Set<string> {
  return variablesOfFunctions(program, [name]).get(name)!;
}

/** variablesOfFunction of each of `names` at once. */
export function variablesOfFunctions(program: unknown, names: readonly string[]): Map<string, Set<string>> {
  const views = functionViews(program, names);
  return new Map(
    names.map((name) => {
      const view = views.get(name) as { blocks?: { instrs: unknown[] }[] };
      return [name, view.blocks ? variablesOf({ blocks: view.blocks }) : new Set<string>()];
    }),
  );
}

/** A line that starts a function's code: its symbol (spec/symbols.md), maybe quoted. */
const symbolLine = /^(qn_main|fn\.[A-Za-z_][A-Za-z0-9_.]*|"fn\.[^"]*"):$/;

/** The assembly text of each function, by its symbol: the lines from its
 * symbol's label to the next function's (or to the closing .section). */
function assemblyChunks(text: string): Map<string, string> {
  const lines = text.split("\n");
  const chunks = new Map<string, string>();
  for (let start = 0; start < lines.length; start++) {
    if (!symbolLine.test(lines[start]!)) continue;
    let end = start + 1;
    while (end < lines.length && !symbolLine.test(lines[end]!) && !/^\s+\.section/.test(lines[end]!)) end++;
    chunks.set(lines[start]!.slice(0, -1).replace(/^"(.*)"$/, "$1"), lines.slice(start, end).join("\n") + "\n");
    start = end - 1;
  }
  return chunks;
}

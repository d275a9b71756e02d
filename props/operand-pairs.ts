// Operand coverage: which constructs the generated programs put in which
// operand position, as pairs "X in Y.slot" (`assignment in index-store.value`:
// an operand that assigns a variable, as the value of `a[i] = e`). Construct
// coverage (constructs.ts) says that `a[i] = e` and `{ i = 2; 7 }` were both
// generated; only the pair says that one was ever inside the other, which is
// where evaluation order shows. A pass that read `a` and `i` after computing
// `e` went unnoticed because no program had `assignment-to-earlier-operand in
// index-store.value` (issue 14).
//
// The pairs are read off the Lsrc program, not taken from the generator's word
// for it, so they count what was really generated. `qnano props` prints how
// many of `allOperandPairs` a run covered, and the quick run of `npm test`
// must reach a minimum (tests/props/quick.ts).
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { defaultGenerator, type GeneratorOptions } from "./generator-unions.js";

/** What an operand does (X), each a property of the whole operand, wherever in it. */
export const operandConstructs = [
  /** The operand is a variable: what a pass may keep as it is and read later. */
  "variable",
  /** It assigns a variable declared outside it (`{ i = 2; 7 }`, `p.x = 1` in a block). */
  "assignment",
  /** It assigns a variable that an earlier operand of the same form is (`a[i] = { i = 2; 7 }`,
   * `x + { x = 5; 1 }`; for `x op= e` and `p.f op= e`, x and p are read first too). */
  "assignment-to-earlier-operand",
  /** It stores into an array or a Box declared outside it (`{ b.set(1); v }`, `{ a[0] = 1; v }`). */
  "store",
  /** It calls one of the program's functions. */
  "call",
  /** It calls a function that stores into an array or a Box it was given (or calls one that does). */
  "call-changing-heap",
  "print",
  "read-int",
  /** It may not finish: a panic, exit, return, or a break or continue out of it. */
  "escape",
] as const;

const binaries = ["binary-arithmetic", "binary-bitwise", "binary-compare", "binary-equality", "binary-logic"];
const stores = ["index-store", "compound-index-store"];
/** The operand positions (Y.slot) that come first in their form. */
const firstSlots = [
  ...binaries.map((y) => `${y}.left`), "unary.arg", "if.cond", "call.first-arg",
  "print.arg", "len.arg", "array.length", "box.arg", "assert.arg", "exit.arg", "panic.arg",
  "tuple.first", "record.first", "field.target", "index.target", "get.target", "set.target",
  "let.init", "assign.value", "field-update.value", ...stores.map((y) => `${y}.array`),
  "while.cond", "for.from", "for-each.iter", "return.value",
];
/** The positions after an operand of the same form (for `x op= e` and `p.f op= e`, x and p are read first). */
const laterSlots = [
  ...binaries.map((y) => `${y}.right`), "call.later-arg", "array.init", "tuple.later", "record.later",
  "index.index", "set.value", "compound-assign.value", "compound-field-update.value",
  ...stores.flatMap((y) => [`${y}.index`, `${y}.value`]), "for.to",
];

/** The positions the generator's `unions` switch adds: a match's scrutinee, and after it each
 * guard and arm (which may change what the scrutinee read); a constructor's arguments; try's operand. */
const unionFirstSlots = ["match.scrutinee", "ctor.first-arg", "try.value"];
const unionLaterSlots = ["match.guard", "match.arm", "ctor.later-arg"];

/** Each construct in each position (the assignment of an earlier operand only where there is one). */
const pairsOf = (first: readonly string[], later: readonly string[]): string[] =>
  [...first, ...later].sort().flatMap((slot) => operandConstructs.filter((x) => later.includes(slot) || x !== "assignment-to-earlier-operand").map((x) => `${x} in ${slot}`));

/** Every pair that can occur, by position, with the generator's switches off. */
export const allOperandPairs: readonly string[] = pairsOf(firstSlots, laterSlots);

/** Every pair that can occur with these switches. */
export const operandPairsFor = (options: GeneratorOptions = defaultGenerator): readonly string[] =>
  options.unions ? [...allOperandPairs, ...pairsOf(unionFirstSlots, unionLaterSlots)] : allOperandPairs;

const builtins = new Set(["print", "read_int", "exit", "assert", "panic", "array", "Box", "len", "string_byte", "string_slice", "write_string", "input_line"]);
const binaryGroups: Readonly<Record<string, string>> = {
  "+": "arithmetic", "-": "arithmetic", "*": "arithmetic", "/": "arithmetic", "%": "arithmetic", "<<": "arithmetic", ">>": "arithmetic",
  "&": "bitwise", "|": "bitwise", "^": "bitwise",
  "<": "compare", "<=": "compare", ">": "compare", ">=": "compare",
  "==": "equality", "!=": "equality",
  "&&": "logic", "||": "logic",
};

type Node = { readonly kind: string } & Record<string, unknown>;

/** What a subtree does, wherever in it. */
interface Summary {
  /** Variables assigned (by `x = e` or a field update of x). */
  readonly assigned: ReadonlySet<string>;
  /** Variables declared (by let, for, for-each): assigning one of these changes nothing outside. */
  readonly declared: ReadonlySet<string>;
  /** The variables whose arrays or boxes are stored into (null: the root is not a variable). */
  readonly stores: readonly (string | null)[];
  readonly calls: readonly string[];
  readonly prints: boolean;
  readonly reads: boolean;
  /** panic, exit or return. */
  readonly stops: boolean;
  /** break or continue not inside a loop of the subtree. */
  readonly leaves: boolean;
}

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string";

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc") continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

/** The variable an array or box target starts from (`p.items[0]` from p), or null. */
function rootOf(e: Node): string | null {
  if (e.kind === "Var") return e.name as string;
  if (e.kind === "Field" || e.kind === "Index" || e.kind === "MethodCall") return rootOf(e.target as Node);
  return null;
}

/** The pairs of one program. */
export function operandPairs(program: Lsrc.Program): Set<string> {
  const memo = new WeakMap<object, Summary>();
  // The program's constructors (and the prelude's): a call of one builds a value, it calls no function.
  const ctors = new Set<string>();
  const items = program.items.flatMap((i): readonly Lsrc.Item[] => (i.kind === "Module" ? i.items : [i]));
  for (const i of items) if (i.kind === "Union" || i.kind === "GenericUnion") for (const c of i.ctors) ctors.add(c.name);
  const summary = (node: Node): Summary => {
    const known = memo.get(node);
    if (known) return known;
    const parts = children(node).map(summary);
    const assigned = new Set(parts.flatMap((p) => [...p.assigned]));
    const declared = new Set(parts.flatMap((p) => [...p.declared]));
    const stores = parts.flatMap((p) => p.stores);
    const calls = parts.flatMap((p) => p.calls);
    let [prints, reads, stops, leaves] = [parts.some((p) => p.prints), parts.some((p) => p.reads), parts.some((p) => p.stops), parts.some((p) => p.leaves)];
    switch (node.kind) {
      case "Assign": case "SetField": assigned.add(node.name as string); break;
      case "Let": case "For": case "ForEach": declared.add(node.name as string); break;
      case "SetIndex": stores.push(rootOf(node.array as Node)); break;
      case "MethodCall": if (node.method === "set") stores.push(rootOf(node.target as Node)); break;
      case "Return": stops = true; break;
      case "Break": case "Continue": leaves = true; break;
      case "Call": {
        const callee = node.callee as string;
        if (callee === "print" || callee === "write_string") prints = true;
        else if (callee === "read_int" || callee === "input_line") reads = true;
        else if (callee === "panic" || callee === "exit") stops = true;
        else if (!builtins.has(callee) && !ctors.has(callee)) calls.push(callee);
        break;
      }
    }
    // A loop's break and continue stay inside it.
    if (node.kind === "While" || node.kind === "For" || node.kind === "ForEach") leaves = false;
    const s: Summary = { assigned, declared, stores, calls, prints, reads, stops, leaves };
    memo.set(node, s);
    return s;
  };

  // The functions that store into an array or box reachable from a parameter, or call one that does;
  // `let g = f` makes g another name for f.
  const functions = items.filter((i): i is Lsrc.Fn | Lsrc.GenericFn => i.kind === "Fn" || i.kind === "GenericFn");
  const aliases = new Map<string, string>();
  const collect = (n: Node) => {
    if (n.kind === "Let" && isNode(n.init) && n.init.kind === "Var" && functions.some((f) => f.name === (n.init as Node).name)) aliases.set(n.name as string, (n.init as Node).name as string);
    children(n).forEach(collect);
  };
  collect(program as unknown as Node);
  const fnOf = (callee: string) => aliases.get(callee) ?? callee;
  const changing = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of functions) {
      if (changing.has(f.name)) continue;
      const s = summary(f.body as unknown as Node);
      const params = new Set(f.params.map((p) => p.name));
      if (s.stores.some((r) => r !== null && params.has(r)) || s.calls.some((c) => changing.has(fnOf(c)))) {
        changing.add(f.name);
        grew = true;
      }
    }
  }

  const pairs = new Set<string>();
  /** The constructs of `operand` in `slot`, where `earlier` are the variables earlier operands read as they are. */
  const note = (slot: string, operand: unknown, earlier: readonly (string | null)[] = []) => {
    if (!isNode(operand)) return;
    const s = summary(operand);
    const outside = (x: string | null) => x === null || !s.declared.has(x);
    const add = (x: (typeof operandConstructs)[number]) => pairs.add(`${x} in ${slot}`);
    // (A constructor without fields, `Nil`, is written as a name but is no variable.)
    if (operand.kind === "Var" && !ctors.has(operand.name as string)) add("variable");
    const assigned = [...s.assigned].filter(outside);
    if (assigned.length > 0) add("assignment");
    if (assigned.some((x) => earlier.includes(x))) add("assignment-to-earlier-operand");
    if (s.stores.some(outside)) add("store");
    if (s.calls.length > 0) add("call");
    if (s.calls.some((c) => changing.has(fnOf(c)))) add("call-changing-heap");
    if (s.prints) add("print");
    if (s.reads) add("read-int");
    if (s.stops || s.leaves) add("escape");
  };
  const bare = (e: unknown): string | null => (isNode(e) && e.kind === "Var" && !ctors.has(e.name as string) ? (e.name as string) : null);
  /** Operands in order, each after the variables of the ones before it. */
  const inOrder = (first: string, later: string, list: readonly unknown[]) =>
    list.forEach((e, i) => note(i === 0 ? first : later, e, list.slice(0, i).map(bare)));

  const visit = (n: Node) => {
    switch (n.kind) {
      case "Binary": {
        const y = `binary-${binaryGroups[n.op as string]}`;
        note(`${y}.left`, n.left);
        note(`${y}.right`, n.right, [bare(n.left)]);
        break;
      }
      case "Unary": note("unary.arg", n.arg); break;
      case "If": note("if.cond", n.cond); break;
      case "Call": {
        const args = n.args as readonly Node[];
        const callee = n.callee as string;
        if (callee === "array") inOrder("array.length", "array.init", args);
        else if (ctors.has(callee)) inOrder("ctor.first-arg", "ctor.later-arg", args);
        else if (callee === "Box") note("box.arg", args[0]);
        else if (builtins.has(callee)) args.forEach((a) => note(`${callee}.arg`, a));
        else inOrder("call.first-arg", "call.later-arg", args);
        break;
      }
      case "Tuple": inOrder("tuple.first", "tuple.later", n.elems as readonly Node[]); break;
      case "RecordLit": inOrder("record.first", "record.later", (n.inits as readonly Lsrc.FieldInit[]).map((i) => i.value)); break;
      case "Field": note("field.target", n.target); break;
      case "Index":
        note("index.target", n.target);
        note("index.index", n.index, [bare(n.target)]);
        break;
      case "MethodCall":
        note(`${n.method}.target`, n.target);
        (n.args as readonly Node[]).forEach((a) => note(`${n.method}.value`, a, [bare(n.target)]));
        break;
      case "Let": note("let.init", n.init); break;
      case "Assign": note(n.op === "=" ? "assign.value" : "compound-assign.value", n.value, n.op === "=" ? [] : [n.name as string]); break;
      case "SetField": note(n.op === "=" ? "field-update.value" : "compound-field-update.value", n.value, n.op === "=" ? [] : [n.name as string]); break;
      case "SetIndex": {
        const y = n.op === "=" ? "index-store" : "compound-index-store";
        note(`${y}.array`, n.array);
        note(`${y}.index`, n.index, [bare(n.array)]);
        note(`${y}.value`, n.value, [bare(n.array), bare(n.index)]);
        break;
      }
      case "While": note("while.cond", n.cond); break;
      case "For":
        note("for.from", n.from);
        note("for.to", n.to, [bare(n.from)]);
        break;
      case "ForEach": note("for-each.iter", n.iter); break;
      case "Return": note("return.value", n.value); break;
      case "Match": {
        const arms = n.arms as readonly Lsrc.Arm[];
        note("match.scrutinee", n.scrutinee);
        for (const arm of arms) {
          note("match.guard", arm.guard, [bare(n.scrutinee)]);
          note("match.arm", arm.body, [bare(n.scrutinee)]);
        }
        break;
      }
      case "Try": note("try.value", n.value); break;
    }
    children(n).forEach(visit);
  };
  // The program's own code: the prelude's module is not generated.
  for (const item of program.items) if (item.kind !== "Module") visit(item as unknown as Node);
  return pairs;
}

// The IL machinery, part 3: the printer and the BNF, both read off the templates.
//
// printProgram(L, term) shows any term of L the way its templates say; the same
// templates, with each hole replaced by its type, are the grammar in BNF.

import { groupedAsTarget, isPostfix, kindsOf, type Field, type IL, type Production, type TemplatePart, type Terminal } from "./define.js";
import { isNode, type AnyNode } from "./node.js";

function showTerminal(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

const indent = (text: string) => text.replace(/^(?=.)/gm, "  ");

/** Text written just before and just after a node's own text, or null for none (see printNodeMarked). */
type Mark = { readonly open: (node: AnyNode) => string; readonly close: (node: AnyNode) => string } | null;
type Printer = (node: Record<string, unknown>, mark: Mark) => string;

/** Each IL's templates turned into small printing functions, once. */
const printers = new WeakMap<IL, Map<string, Printer>>();

function printerFor(il: IL, p: Production): Printer {
  // A template that is one newline-separated list prints its items flush left.
  const only = p.parts.length === 1 && "field" in p.parts[0]! ? p.parts[0].field : null;
  if (only && only.arity === "many" && only.separator === "\n") {
    return (node, mark) => (node[only.name] as unknown[]).map((item) => printValue(il, item, mark)).join("\n");
  }
  const postfix = isPostfix(il, p);
  const pieces = p.parts.map((part, i): string | Printer => {
    if ("text" in part) return part.text;
    const f = part.field;
    if (i === 0 && postfix) {
      // A target that would read on through the postfix is written in parentheses (groupedAsTarget).
      return (node, mark) => {
        const target = node[f.name];
        const text = printField(il, f, target, mark);
        return isNode(target) && groupedAsTarget(il, il.kinds.get(target.kind)!) ? `(${text})` : text;
      };
    }
    return (node, mark) => printField(il, f, node[f.name], mark);
  });
  // Only a text part that starts with `.`, or any part after a `-`, may run together with what
  // is before it (runTogether); known once here, so that the other parts (nearly all, in every
  // instruction that emit-asm prints) skip the check.
  const mayRunTogether = p.parts.map((part) => "text" in part && part.text.startsWith("."));
  return (node, mark) => {
    let out = "";
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i > 0 && (mayRunTogether[i] || out.endsWith("-")) && runTogether(il, p.parts, i, node, out, mark !== null)) out += " ";
      out += typeof piece === "string" ? piece : piece(node, mark);
    }
    return out;
  };
}

const unmarked = (il: IL, part: TemplatePart, node: Record<string, unknown>) => ("text" in part ? part.text : printField(il, part.field, node[part.field.name], null));

/**
 * Whether the parts of a template before part i and from it on would read as
 * something else if printed together (il/read.ts reads past the space put
 * between them):
 * - a `-` before a digit reads as a negative number: the negation of 5 prints `- 5`;
 * - a name before a `.` may read on through it, where names have dots: field
 *   `next` of the variable `i.2` prints `i.2 .next` where `i.2.next` is a name.
 */
function runTogether(il: IL, parts: readonly TemplatePart[], i: number, node: Record<string, unknown>, out: string, marked: boolean): boolean {
  if (out.endsWith("-")) return /^[0-9]/.test(unmarked(il, parts[i]!, node));
  const next = parts[i]!;
  const name = il.terminals.get("name");
  // (`out` may end with a caller's marks, printNodeMarked: then the text without them decides)
  if (!name || !("text" in next) || !next.text.startsWith(".") || (!marked && !/[A-Za-z0-9_]$/.test(out))) return false;
  const before = parts.slice(0, i).map((part) => unmarked(il, part, node)).join("");
  if (!/[A-Za-z0-9_]$/.test(before)) return false;
  const tail = /[A-Za-z0-9_.]*$/.exec(before)![0];
  const after = parts.slice(i).map((part) => unmarked(il, part, node)).join("");
  const reads = (text: string) => Math.max(-1, ...name.read(text, 0).filter((r) => name.test(r.value)).map((r) => r.end));
  return reads(tail) === tail.length && reads(tail + after) > tail.length;
}

function printValue(il: IL, node: unknown, mark: Mark): string {
  if (typeof node !== "object" || node === null || !isNode(node)) return showTerminal(node);
  let table = printers.get(il);
  if (!table) printers.set(il, (table = new Map()));
  let print = table.get(node.kind);
  if (!print) {
    const p = il.kinds.get(node.kind);
    if (!p) return `<?${node.kind}?>`;
    table.set(node.kind, (print = printerFor(il, p)));
  }
  return mark ? mark.open(node) + print(node, mark) + mark.close(node) : print(node, null);
}

function printField(il: IL, f: Field, value: unknown, mark: Mark): string {
  const own = il.terminals.get(f.type)?.show;
  const show = (v: unknown) => (own ? own(v) : f.type === "string" ? JSON.stringify(v) : printValue(il, v, mark));
  if (f.arity === "one") return show(value);
  if (f.arity === "optional") return value === null || value === undefined ? "" : f.prefix + show(value) + f.suffix;
  const items = Array.isArray(value) ? value : [];
  if (items.length === 0) return "";
  if (f.separator === "\n") return f.prefix + "\n" + items.map((v) => indent(show(v))).join("\n") + "\n" + f.suffix;
  return f.prefix + items.map(show).join(f.separator) + f.suffix;
}

/** Prints a node (or any value in a node) of the IL. */
export function printNode(il: IL, node: unknown): string {
  return printValue(il, node, null);
}

/** Prints like printNode, writing `open(node)` just before each node's own
 * text and `close(node)` just after it, so a caller can find where each node
 * starts and ends in the printed program (the explorer maps printed lines back
 * to source lines this way). */
export function printNodeMarked(il: IL, node: unknown, open: (node: AnyNode) => string, close: (node: AnyNode) => string = () => ""): string {
  return printValue(il, node, { open, close });
}

export const printProgram = printNode;

// ---------------------------------------------------------------- BNF

/** One production's right-hand side in BNF: holes become their types. */
export function productionBnf(p: Production): string {
  let out = "";
  // A type name must not run into a word beside it (`slot<index:count>` reads `slot count`).
  const wordEnd = () => /[A-Za-z0-9_]$/.test(out);
  for (const part of p.parts) {
    if ("text" in part) {
      out += /^[A-Za-z0-9_]/.test(part.text) && wordEnd() ? ` ${part.text}` : part.text;
      continue;
    }
    const f = part.field;
    // Nor may a list run into the hole after it (`name* BasicBlock*`), or one whose
    // items print on lines of their own into the text before (`label: CStmt*`).
    if (wordEnd() || /[*\]]$/.test(out) || (f.separator === "\n" && /:$/.test(out))) out += " ";
    if (f.arity === "one") out += f.type;
    else if (f.arity === "optional") out += `[${f.prefix}${f.type}${f.suffix}]`;
    else if (f.suffix) out += `[${f.prefix}${f.type}*${f.suffix}]`;
    else out += `${f.prefix.trim() ? f.prefix : ""}${f.type}*`;
  }
  return out.replace(/\n/g, " ").replace(/\s+/g, " ").trim() || "(empty)";
}

function terminalLine(t: Terminal): string {
  return `  ${t.name.padEnd(8)} ${t.describe}`;
}

/** Which terminals the grammar actually uses (the rest are inherited but idle). */
function usedTerminals(il: IL): Terminal[] {
  const used = new Set<string>();
  for (const p of il.kinds.values()) for (const f of p.fields) if (il.terminals.has(f.type)) used.add(f.type);
  return [...il.terminals.values()].filter((t) => used.has(t.name));
}

/** The whole grammar of an IL in BNF, one production a line, kind names on the right. */
export function grammarBnf(il: IL): string {
  const lines: string[] = [];
  const width = Math.max(...[...il.productions.keys()].map((nt) => nt.length));
  const order = [il.entry, ...[...il.productions.keys()].filter((nt) => nt !== il.entry)];
  const rhsWidth = Math.max(20, ...[...il.kinds.values()].map((p) => productionBnf(p).length));
  for (const nt of order) {
    const alts: [string, string][] = [
      ...(il.includes.get(nt) ?? []).map((inc): [string, string] => [inc, `(${kindsOf(il, inc).join(", ")})`]),
      ...(il.productions.get(nt) ?? []).map((p): [string, string] => [productionBnf(p), p.kind]),
    ];
    alts.forEach(([rhs, kind], i) => {
      const lhs = i === 0 ? `${nt.padEnd(width)} ::= ` : `${" ".repeat(width)}   | `;
      lines.push(`${lhs}${rhs.padEnd(rhsWidth)}   ${kind}`);
    });
  }
  lines.push("", "terminals:", ...usedTerminals(il).map(terminalLine));
  if (il.invariants.length > 0) lines.push("", "invariants:", ...il.invariants.map((i) => `  - ${i.says}`));
  return lines.join("\n");
}

/** What an IL changes against its parent: removed, added and changed forms. */
export function deltaText(il: IL): string {
  if (!il.parent) return `${il.name} is the first IL: it extends nothing.`;
  const parent = il.parent;
  const show = (p: Production) => `${p.nonterminal} ::= ${productionBnf(p)}   ${p.kind}`;
  const lines = [`${il.name} = ${parent.name}`];
  for (const [old, now] of il.delta.renamed) lines.push(`  ~ ${old} renamed ${now} (with its forms and every use)`);
  for (const k of il.delta.removed) lines.push(`  - ${show(parent.kinds.get(k)!)}`);
  for (const k of il.delta.changed) lines.push(`  ~ ${show(parent.kinds.get(k)!)}`, `    becomes ${show(il.kinds.get(k)!)}`);
  for (const k of il.delta.added) lines.push(`  + ${show(il.kinds.get(k)!)}`);
  for (const t of il.terminals.values()) {
    const old = parent.terminals.get(t.name);
    if (old && old.describe !== t.describe) lines.push(`  ~ terminal ${t.name}: ${t.describe}`);
    if (!old) lines.push(`  + terminal ${t.name}: ${t.describe}`);
  }
  const oldInv = new Set(parent.invariants.map((i) => i.says));
  const newInv = new Set(il.invariants.map((i) => i.says));
  for (const s of oldInv) if (!newInv.has(s)) lines.push(`  - invariant: ${s}`);
  for (const s of newInv) if (!oldInv.has(s)) lines.push(`  + invariant: ${s}`);
  if (lines.length === 1) lines.push("  (same grammar)");
  return lines.join("\n");
}

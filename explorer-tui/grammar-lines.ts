// The grammar view: an IL's grammar as lines for a narrow screen.

import { findIL } from "../ir-defs/index.js";
import { kindsOf } from "../il/define.js";
import { deltaText, productionBnf } from "../il/print.js";

const grammarCache = new Map<string, readonly string[]>();

/**
 * An IL's grammar as lines for a narrow screen: each nonterminal, then its
 * productions one a line with the node kind first (so that a cut line keeps
 * it), marked "+ " when the IL adds the kind, "~ " when it changes it; then the
 * terminals, the invariants and the delta against the IL before.
 */
export function grammarLines(name: string): readonly string[] {
  const cached = grammarCache.get(name);
  if (cached) return cached;
  const il = findIL(name);
  let lines: string[];
  if (!il) lines = [`  ${name} has no grammar: it is plain text.`];
  else {
    const added = new Set(il.delta.added);
    const changed = new Set(il.delta.changed);
    const kindWidth = Math.max(...[...il.kinds.keys()].map((k) => k.length));
    lines = [];
    const order = [il.entry, ...[...il.productions.keys()].filter((nt) => nt !== il.entry)];
    for (const nt of order) {
      lines.push(`  ${nt} ::=`);
      for (const inc of il.includes.get(nt) ?? []) lines.push(`    ${`(${inc})`.padEnd(kindWidth)}  ${kindsOf(il, inc).join(" | ")}`);
      for (const p of il.productions.get(nt) ?? []) {
        const sign = added.has(p.kind) ? "+" : changed.has(p.kind) ? "~" : " ";
        lines.push(`${sign}   ${p.kind.padEnd(kindWidth)}  ${productionBnf(p)}`);
      }
    }
    const used = new Set<string>();
    for (const p of il.kinds.values()) for (const f of p.fields) if (il.terminals.has(f.type)) used.add(f.type);
    lines.push("", "  terminals:", ...[...il.terminals.values()].filter((t) => used.has(t.name)).map((t) => `    ${t.name.padEnd(8)} ${t.describe}`));
    if (il.invariants.length > 0) lines.push("", "  invariants:", ...il.invariants.map((i) => `    - ${i.says}`));
    lines.push("", `  delta against ${il.parent?.name ?? "nothing"} (- removed, ~ changed, + added):`, ...deltaText(il).split("\n").map((l) => `  ${l}`));
  }
  grammarCache.set(name, lines);
  return lines;
}

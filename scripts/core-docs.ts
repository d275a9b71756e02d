// The reference page of each standard library module, spec/core/NAME.md,
// derived from its source core/NAME.qs (scripts/derived-files.ts: `npm run gen`
// writes them, and a test fails when a committed page is stale). A page is the
// module's opening comment, then each `pub` item in the order written: its
// signature (a fn's text up to its body) and the comment right above it, which
// every pub item must have. The prelude (core/prelude.qs) is spec/language.md's.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../driver/paths.js";

/** The standard library's modules: core/*.qs but the prelude. */
export function coreModules(): string[] {
  return readdirSync(join(packageRoot, "core"))
    .filter((name) => name.endsWith(".qs") && name !== "prelude.qs")
    .map((name) => name.slice(0, -".qs".length))
    .sort();
}

/** A comment line's text, or null for any other line. */
const commentText = (line: string): string | null => (/^\s*\/\//.test(line) ? line.replace(/^\s*\/\/ ?/, "") : null);

/** The text of an item from its first line: a fn up to its body's `{`, anything else up to the end of its braces (or its line). */
function signature(lines: readonly string[], start: number): string {
  const isFn = /^pub\s+fn\b/.test(lines[start]!);
  let text = "";
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    for (const ch of lines[i]!) {
      if (ch === "{") {
        if (isFn && depth === 0) return text.trim();
        depth++;
      }
      text += ch;
      if (ch === "}" && --depth === 0) return text.trim();
    }
    if (depth === 0 && !isFn) return text.trim();
    text += "\n";
  }
  return text.trim();
}

/** The name an item declares: `pub fn gcd(...)` is gcd. */
const itemName = (sig: string): string => /^pub\s+\w+\s+(?:\[[^\]]*\]\s*)?(\w+)/.exec(sig)?.[1] ?? sig;

/** The page of core/NAME.qs. Throws when a pub item has no comment above it. */
export function coreDocPage(name: string, source: string): string {
  const lines = source.split("\n");
  const header: string[] = [];
  for (const line of lines) {
    const text = commentText(line);
    if (text === null) break;
    header.push(text);
  }
  const out = [`# core.${name}`, "", "<!-- Generated from core/" + name + ".qs by scripts/core-docs.ts (`npm run gen`): edit the source's comments, not this page. -->", ""];
  const about = header.join("\n").replace(/^core\.\w+: /, "");
  out.push(about.charAt(0).toUpperCase() + about.slice(1), "", `Use it with \`use core.${name}\` (then \`${name}.f(...)\`) or \`use core.${name}.{f, ...}\`.`);
  lines.forEach((line, i) => {
    if (!/^pub\s/.test(line)) return;
    const doc: string[] = [];
    for (let j = i - 1; j >= 0 && commentText(lines[j]!) !== null; j--) doc.unshift(commentText(lines[j]!)!);
    const sig = signature(lines, i);
    if (doc.length === 0) throw new Error(`core/${name}.qs:${i + 1}: the pub item \`${itemName(sig)}\` has no doc comment above it`);
    out.push("", `## ${itemName(sig)}`, "", "```", sig, "```", "", doc.join("\n"));
  });
  return out.join("\n") + "\n";
}

/** Every module's page, by its path in the package. */
export function coreDocPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const name of coreModules()) pages.set(`spec/core/${name}.md`, coreDocPage(name, readFileSync(join(packageRoot, "core", `${name}.qs`), "utf8")));
  return pages;
}

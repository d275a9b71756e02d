// How long each pass of the pipeline is: its own file plus the helper files
// only it uses. A pass is one idea, well under 150 lines (README, "Passes are
// tiny"); moving code into a helper beside it does not make it smaller, so a
// helper counts with the one pass that uses it. tests/pass-sizes.test.ts keeps
// the rule and `qnano passes` shows the count.
//
// A pass NAME of target T lives in passes/T/NAME.ts, or else passes/NAME.ts.
// Its helpers are the files under passes/ that it imports, directly or through
// other helpers (a file of another pass is not walked into: that pass's
// helpers are its own). A helper that another pass reaches too is shared
// (passes/shared/, a target's instructions.ts) and counts for none of them.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Target } from "../ir-defs/targets.js";
import type { Pass } from "../il/pass.js";
import { backEnds, frontEnd } from "../passes/pipeline.js";
import { packageRoot } from "./paths.js";

export interface PassSize {
  readonly target: Target | "both";
  readonly pass: Pass;
  /** The pass's file, relative to the package root. */
  readonly file: string;
  /** The helper files only it uses, relative to the package root. */
  readonly helpers: readonly string[];
  /** Lines of its file and its helpers. */
  readonly lines: number;
}

/** The front end's passes count their own files only: the lexer, parser and checker are a level of their own. */
export const frontEndLevel: ReadonlySet<string> = new Set(["parse", "check-types"]);

const lineCount = (file: string): number => readFileSync(join(packageRoot, file), "utf8").split("\n").length - 1;

/** The files under passes/ that `file` imports (relative paths, .ts). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(packageRoot, file), "utf8");
  return [...text.matchAll(/^(?:import|export)\b[^;`]*?\bfrom\s+"(\.[^"]+)"/gms)]
    .map((m) => relative(packageRoot, join(packageRoot, dirname(file), m[1]!)).replace(/\.js$/, ".ts"))
    .filter((f) => f.startsWith("passes/") && existsSync(join(packageRoot, f)));
}

function fileOf(pass: Pass, target: Target | "both"): string {
  const own = target === "both" ? null : `passes/${target}/${pass.name}.ts`;
  const file = own && existsSync(join(packageRoot, own)) ? own : `passes/${pass.name}.ts`;
  if (!existsSync(join(packageRoot, file))) throw new Error(`pass ${pass.name} has no file ${file}: a pass is passes/[TARGET/]NAME.ts`);
  return file;
}

/** Every pass of the pipeline in order (front end, then each back end) with its size. */
export function passSizes(): PassSize[] {
  const entries: { target: Target | "both"; pass: Pass }[] = [
    ...frontEnd.map((pass) => ({ target: "both" as const, pass })),
    ...Object.entries(backEnds).flatMap(([target, list]) => list.map((pass) => ({ target: target as Target, pass }))),
  ];
  const files = entries.map((e) => fileOf(e.pass, e.target));
  const passFiles = new Set(files);
  /** The helpers a pass file reaches, not walking into other passes' files. */
  const reached = new Map<string, Set<string>>();
  for (const file of passFiles) {
    const seen = new Set<string>();
    const stack = importsOf(file);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (passFiles.has(next) || seen.has(next)) continue;
      seen.add(next);
      stack.push(...importsOf(next));
    }
    reached.set(file, seen);
  }
  const users = new Map<string, number>();
  for (const set of reached.values()) for (const h of set) users.set(h, (users.get(h) ?? 0) + 1);
  return entries.map(({ target, pass }, i) => {
    const file = files[i]!;
    const helpers = frontEndLevel.has(pass.name) ? [] : [...reached.get(file)!].filter((h) => users.get(h) === 1).sort();
    return { target, pass, file, helpers, lines: [file, ...helpers].reduce((n, f) => n + lineCount(f), 0) };
  });
}

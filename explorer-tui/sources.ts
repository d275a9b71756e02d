// The program's source files, for a program of several modules: the file the
// explorer was given, then every file its `use`s reach. A line of a view is
// linked to a source line by one number: a line of the program's own file is
// its line number, a line of another file comes after every line of the files
// before it (so moving to the nearest linked line works across files too).
// Each function's module is its name up to the `/` (`geo.shapes/area`), or,
// unqualified, the program's own module.

import { resolve } from "node:path";
import type { Loc } from "../il/node.js";
import { modulePathOf } from "../front-end/modules.js";
import { readModules } from "../driver/source-set.js";
import { followLine } from "./diff.js";

export interface SourceFile {
  readonly file: string;
  /** Its module's full path (`geo.shapes`). */
  readonly module: string;
  /** The number of the line before its first, in the one numbering of every file's lines. */
  readonly offset: number;
  readonly lines: readonly string[];
}

export const splitLines = (text: string): string[] => text.replace(/\n$/, "").split("\n");

/** The files as linked lines number them: `main` first, then `others` in their order. */
export function sourceFiles(main: string, mainSource: string, others: readonly { readonly file: string; readonly source: string | null }[]): SourceFile[] {
  const files: SourceFile[] = [];
  let offset = 0;
  for (const { file, source } of [{ file: main, source: mainSource }, ...others]) {
    if (source === null) continue;
    const lines = splitLines(source);
    files.push({ file, module: modulePathOf(file, main).join("."), offset, lines });
    offset += lines.length;
  }
  return files;
}

/** The program's files from the modules the driver read (readModules; a file that cannot be read is left out: parse reports it). */
export const programFiles = (file: string, source: string, modules: ReadonlyMap<string, { readonly file: string; readonly source: string | null }> = readModules(file, source)): SourceFile[] =>
  sourceFiles(file, source, [...modules.values()]);

/** The module a function is of: its name up to the `/`, or the program's own. */
export function moduleOfFunction(files: readonly SourceFile[], fn: string): string {
  const slash = fn.indexOf("/");
  return slash > 0 ? fn.slice(0, slash) : (files[0]?.module ?? "");
}

/** Locs (as printed) moved into the one numbering of every file's lines; as they are with one file. */
export function placer(files: readonly SourceFile[]): { loc: (loc: Loc | null) => Loc | null; module: (module: string, line: number) => number } {
  if (files.length <= 1) return { loc: (l) => l, module: (_, line) => line };
  const byFile = new Map(files.map((f) => [resolve(f.file), f.offset])); // (a loc may name its file another way: absolute, ./)
  const byModule = new Map(files.map((f) => [f.module, f.offset]));
  return {
    loc: (l) => {
      const offset = l?.file !== undefined ? (byFile.get(resolve(l.file)) ?? 0) : 0;
      return l && offset > 0 ? { ...l, line: l.line + offset } : l;
    },
    module: (module, line) => line + (byModule.get(module) ?? 0),
  };
}

/** A line in the one numbering: its file, its line in that file, its text. */
export function sourceLineOf(files: readonly SourceFile[], line: number): { file: SourceFile; line: number; text: string } | null {
  for (let i = files.length - 1; i >= 0; i--) {
    const f = files[i]!;
    if (line > f.offset) return line - f.offset <= f.lines.length ? { file: f, line: line - f.offset, text: f.lines[line - f.offset - 1]! } : null;
  }
  return null;
}

/**
 * A linked line (`link`, numbered through `before`'s files) after its file was
 * edited: where it is in `after`'s numbering (explorer-tui/diff.ts, followLine:
 * its own line, the line that replaced it, or the next one when it was removed);
 * null when its file is not among `after`'s.
 */
export function followLink(before: readonly SourceFile[], after: readonly SourceFile[], link: number): { readonly link: number; readonly line: number; readonly how: "kept" | "edited" | "removed" } | null {
  const old = sourceLineOf(before, link);
  const now = old && after.find((f) => f.file === old.file.file);
  if (!old || !now) return null;
  const { at, how } = followLine(old.file.lines, now.lines, old.line - 1);
  return { link: now.offset + at + 1, line: at + 1, how };
}

// The tree's levels (README, "The tree"), checked on every import: each
// folder imports only from its own level and the levels below it, nothing
// shipped imports tests/, and no module imports itself through a circle.
// Also the one fact the runtime's assembly shares with the ILs by comment:
// the heap object layout (ir-defs/heap-layout.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";
import { layoutComment } from "../ir-defs/heap-layout.js";

/** Folder -> level, bottom to top. The command and the explorer share the top
 * level; scripts and tests read everything and nothing reads them. */
const levels: Readonly<Record<string, number>> = {
  il: 1,
  "ir-defs": 2,
  "front-end": 3,
  passes: 4,
  interp: 5,
  driver: 6,
  props: 7,
  cli: 8,
  "explorer-tui": 8,
  scripts: 9,
  tests: 9,
};
const shipped = (folder: string) => folder !== "scripts" && folder !== "tests";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every source file (relative to the root, .ts) and the files it imports. */
const graph = new Map<string, string[]>();
for (const folder of Object.keys(levels)) {
  for (const file of sources(join(packageRoot, folder))) {
    const text = readFileSync(file, "utf8");
    const imports = [...text.matchAll(/^(?:import|export)\b[^;`]*?\bfrom\s+"(\.[^"$]+)"/gms)].map((m) => {
      const target = join(dirname(file), m[1]!).replace(/\.js$/, "");
      const ts = [`${target}.ts`, `${target}.tsx`].find((t) => {
        try {
          return statSync(t).isFile();
        } catch {
          return false;
        }
      });
      return relative(packageRoot, ts ?? target);
    });
    graph.set(relative(packageRoot, file), imports);
  }
}
const folderOf = (file: string) => file.split("/")[0]!;

test("the tree has the folders of every level, each with sources", () => {
  for (const folder of Object.keys(levels)) assert.ok([...graph.keys()].some((f) => folderOf(f) === folder), `no sources in ${folder}/`);
  assert.ok(graph.size > 100, `only ${graph.size} source files found`);
});

test("every import goes to the same level or below", () => {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      const to = levels[folderOf(target)];
      if (to === undefined) wrong.push(`${file} imports ${target}, outside the levels`);
      else if (to > levels[folderOf(file)]!) wrong.push(`${file} (level ${levels[folderOf(file)]}) imports ${target} (level ${to})`);
    }
  }
  assert.equal(wrong, []);
});

test("passes and ILs know no command, explorer, test or interpreter; nothing shipped imports tests/", () => {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    const from = folderOf(file);
    for (const target of imports.map(folderOf)) {
      if ((from === "passes" || from === "ir-defs") && ["cli", "explorer-tui", "tests", "interp", "driver", "props"].includes(target)) wrong.push(`${file} -> ${target}/`);
      if (shipped(from) && from !== "cli" && from !== "explorer-tui" && ["cli", "explorer-tui", "tests"].includes(target)) wrong.push(`${file} -> ${target}/`);
      if (shipped(from) && target === "tests") wrong.push(`${file} -> tests/`);
    }
  }
  assert.equal(wrong, []);
});

test("no import circle", () => {
  const state = new Map<string, "open" | "done">();
  const circles: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      circles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
      return;
    }
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) visit(file, []);
  assert.equal(circles, []);
});

test("both runtimes state the heap layout of ir-defs/heap-layout.ts", () => {
  for (const [target, comment] of [["x86_64", "#"], ["aarch64", "//"]] as const) {
    const runtime = readFileSync(join(packageRoot, "runtime-asm", target, "runtime.s"), "utf8");
    assert.ok(runtime.includes(layoutComment(comment)), `runtime-asm/${target}/runtime.s does not contain:\n${layoutComment(comment)}`);
  }
});

test.run();

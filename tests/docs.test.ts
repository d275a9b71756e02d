// The documentation names only files that exist. Every path-like name in a
// Markdown page of the tree (README.md, spec/, the READMEs beside the code),
// `folder/file.ext` or `folder/folder/`, is a file or folder of the tree, read
// from the root or from the page's own folder. A name with a placeholder in
// capitals (`tests/programs/NAME.qs`) stands for any file of that form, and a
// line `saved as PATH` in a transcript is what a command printed at the time.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";

const skipped = new Set(["node_modules", "dist", ".git"]);

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (skipped.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

const file = /(?<![\w./-])((?:[\w.-]+\/)+[\w-][\w.-]*\.[a-z]+)\b/g;
const folder = /(?<![\w./-])((?:[\w.-]+\/){2,})(?![\w.])/g;
const placeholder = /(?:^|\/)(?:NAME|N|IL|PASS|TARGET)(?:[./]|$)/;

const all = pages(packageRoot);

test("the pages are found: README.md and spec/", () => {
  const names = all.map((p) => relative(packageRoot, p));
  for (const page of ["README.md", "spec/machinery.md", "spec/walkthroughs.md", "spec/pipeline.md"]) assert.ok(names.includes(page), `${page} is not among ${names.join(", ")}`);
});

test("every file and folder the documentation names exists", () => {
  const missing: string[] = [];
  for (const page of all) {
    const where = relative(packageRoot, page);
    readFileSync(page, "utf8").split("\n").forEach((line, i) => {
      if (/^\s*saved as /.test(line) || /:\/\//.test(line)) return; // a command's output; a web address
      for (const m of [...line.matchAll(file), ...line.matchAll(folder)]) {
        const name = m[1]!;
        if (placeholder.test(name)) continue;
        if (!existsSync(join(packageRoot, name)) && !existsSync(join(dirname(page), name))) missing.push(`${where}:${i + 1}: ${name}`);
      }
    });
  }
  assert.equal(missing, []);
});

test.run();

// `npm run gen`: writes every derived file (see scripts/derived-files.ts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { derivedFiles } from "./derived-files.js";
import { packageRoot } from "../driver/paths.js";

let changed = 0;
for (const [path, content] of derivedFiles()) {
  const full = join(packageRoot, path);
  let old: string | null = null;
  try {
    old = readFileSync(full, "utf8");
  } catch {}
  if (old === content) continue;
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  console.log(`wrote ${path}`);
  changed++;
}
console.log(changed === 0 ? "all derived files are up to date" : `${changed} file(s) written`);

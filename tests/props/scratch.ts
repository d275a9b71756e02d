// A scratch copy of the compiled qnano (dist/, with package.json, node_modules,
// runtime-asm, core and tests beside it) with one fault applied to one file: how
// `npm run mutants` and the bisect test break a pass without touching the
// real one.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../driver/paths.js";

export interface Mutant {
  readonly name: string;
  /** The compiled file, under dist/. */
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** The uvu suite (tests/NAME.test.ts) that must catch it, when the quick property run cannot:
   * a fault that keeps the meaning but breaks what an optimisation says it does. */
  readonly test?: string;
}

/** How many times the mutant's text occurs in its compiled file (the text given, or dist/'s). */
export function occurrences(mutant: Mutant, text = readFileSync(join(packageRoot, "dist", mutant.file), "utf8")): number {
  return text.split(mutant.from).length - 1;
}

/** Makes the copy (the caller removes it); throws when the text to replace is not found exactly once. */
export function scratchCopy(mutant: Mutant | null): string {
  const root = mkdtempSync(join(tmpdir(), "qnano-mutant-"));
  cpSync(join(packageRoot, "dist"), join(root, "dist"), { recursive: true });
  writeFileSync(join(root, "package.json"), readFileSync(join(packageRoot, "package.json")));
  symlinkSync(join(packageRoot, "node_modules"), join(root, "node_modules"));
  symlinkSync(join(packageRoot, "runtime-asm"), join(root, "runtime-asm"));
  symlinkSync(join(packageRoot, "core"), join(root, "core"));
  symlinkSync(join(packageRoot, "bench"), join(root, "bench"));
  symlinkSync(join(packageRoot, "examples"), join(root, "examples"));
  symlinkSync(join(packageRoot, "spec"), join(root, "spec"));
  symlinkSync(join(packageRoot, "tests"), join(root, "tests")); // the golden programs, for a mutant's suite
  if (mutant) {
    const file = join(root, "dist", mutant.file);
    const text = readFileSync(file, "utf8");
    const found = occurrences(mutant, text);
    if (found !== 1) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(`mutant "${mutant.name}": the text to replace occurs ${found} times in dist/${mutant.file}, not once:\n  ${mutant.from}`);
    }
    writeFileSync(file, text.replace(mutant.from, mutant.to));
  }
  return root;
}

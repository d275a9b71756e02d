// Shared by the explorer's suites: real traces of golden programs, built the
// way `qnano explore` builds them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Target } from "../ir-defs/targets.js";
import { buildTrace, type Trace } from "../explorer-tui/trace.js";
import { compile } from "../driver/driver.js";
import { programsDir } from "./golden-programs.js";

const cache = new Map<string, Trace>();

/** The explorer's trace of tests/programs/NAME.qs (with NAME.in as input when there is one). */
export function goldenTrace(name: string, target: Target = "x86_64"): Trace {
  const key = `${name}/${target}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const path = join(programsDir, `${name}.qs`);
  const source = readFileSync(path, "utf8");
  let stdin = "";
  let input: string | null = null;
  try {
    stdin = readFileSync(join(programsDir, `${name}.in`), "utf8");
    input = `tests/programs/${name}.in`;
  } catch {
    // no input file
  }
  const trace = buildTrace(`tests/programs/${name}.qs`, source, target, compile(source, path, { target, check: true }), stdin, "now", input);
  cache.set(key, trace);
  return trace;
}

// The runtime (runtime-asm/<target>/runtime.s) assembled once per process, for
// the end-to-end property, which links every generated program against it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toolNames } from "../driver/toolchain.js";
import { type Target } from "../ir-defs/targets.js";
import { packageRoot } from "../driver/paths.js";

const objects = new Map<Target, string>();
let dir: string | null = null;

export function runtimeObjectFor(target: Target): string {
  const known = objects.get(target);
  if (known !== undefined) return known;
  if (dir === null) {
    const made = mkdtempSync(join(tmpdir(), "qnano-props-runtime-"));
    dir = made;
    process.on("exit", () => rmSync(made, { recursive: true, force: true }));
  }
  const object = join(dir, `${target}.o`);
  const result = spawnSync(toolNames(target).as, ["-o", object, join(packageRoot, "runtime-asm", target, "runtime.s")], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`cannot assemble the ${target} runtime: ${result.error?.message ?? result.stderr}`);
  objects.set(target, object);
  return object;
}

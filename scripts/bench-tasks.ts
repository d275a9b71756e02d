// `npm run bench`, tasks and channels (issue 19): qnano's green threads side
// by side with Go's goroutines on twin programs, bench/tasks/NAME.qs and
// bench/tasks/NAME.go, Go running on one processor (GOMAXPROCS=1), as
// qnano's tasks do:
//
//     rendezvous  1,000,000 round trips over channels of capacity 0
//     spawn       100,000 tasks alive at once, then joined (peak memory)
//     pipeline    1,000,000 values through three stages, capacity 16
//
// For each target (this machine's natively, the other under qemu-user, Go's
// binary built with GOARCH for it) both binaries must print the same; the
// table gives the best of 3 wall-clock runs and the peak resident set
// (GNU time). Go is Debian's golang-go: the bench installs it when it is
// missing (the tests never need it).

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostTarget, toolNames } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { packageRoot } from "../driver/paths.js";
import { BenchError, bestOf, gnuTime, installed, peakMB, run } from "./timing.js";

const tasksDir = join(packageRoot, "bench", "tasks");
const qnano = join(packageRoot, "bin", "qnano.js");
const goArch: Record<Target, string> = { x86_64: "amd64", aarch64: "arm64" };

/** The twins: every bench/tasks/NAME.qs with its NAME.go. */
function twins(): string[] {
  const files = readdirSync(tasksDir);
  const names = files.filter((f) => f.endsWith(".qs")).map((f) => f.slice(0, -".qs".length));
  for (const n of names) if (!files.includes(`${n}.go`)) throw new BenchError(`bench/tasks/${n}.qs has no bench/tasks/${n}.go`);
  return names.sort();
}

/** Go, installed from Debian's golang-go when missing (as root); null when it cannot be. */
function go(): string | null {
  if (installed("go")) return "go";
  if (process.getuid?.() === 0) {
    console.log("installing golang-go (apt-get) for the tasks benchmarks...");
    spawnSync("sh", ["-c", "apt-get update -qq && apt-get install -y -qq golang-go"], { stdio: "ignore" });
  }
  return installed("go") ? "go" : null;
}

/** The tasks section of `npm run bench`: one table per target. */
export function tasksBench(): void {
  const goTool = go();
  if (goTool === null) {
    console.log("\ntasks and channels against Go: SKIPPED, go not found; install with: apt-get install -y golang-go");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "qnano-bench-tasks-"));
  // Go's build cache somewhere writable, and its scheduler on one processor, as qnano's.
  const env = { ...process.env, GOCACHE: join(dir, "gocache"), GOMAXPROCS: "1", CGO_ENABLED: "0" };
  const saved = process.env;
  process.env = env;
  try {
    for (const target of [hostTarget, ...targets.filter((t) => t !== hostTarget)]) {
      const { run: runner } = toolNames(target);
      const missing = [...runner, gnuTime].filter((tool) => !installed(tool));
      if (missing.length > 0) {
        console.log(`\ntasks and channels on ${target}: SKIPPED, ${missing.join(", ")} not found`);
        continue;
      }
      const how = target === hostTarget ? "native" : `EMULATED under ${runner.join(" ")}, both binaries`;
      console.log(`\ntasks and channels on ${target} (${how}), against Go ${run(goTool, ["version"]).trim().split(" ")[2]} with GOMAXPROCS=1`);
      console.log("wall-clock ms, best of 3; peak resident set in MB (GNU time); target: qnano at most Go's time and memory");
      console.log("benchmark      qnano ms    Go ms   qnano/Go   qnano MB    Go MB   qnano/Go   target");
      for (const name of twins()) {
        const out = (v: string) => join(dir, `${name}-${target}-${v}`);
        try {
          run(process.execPath, [qnano, "build", join(tasksDir, `${name}.qs`), "-o", out("qnano"), "--target", target]);
          process.env = { ...env, GOARCH: goArch[target] };
          run(goTool, ["build", "-o", out("go"), join(tasksDir, `${name}.go`)]);
        } catch (e) {
          throw e instanceof BenchError ? new BenchError(`bench/tasks/${name} does not build for ${target}: ${e.message}`) : e;
        } finally {
          process.env = env;
        }
        const time = (v: string) => {
          const [command, ...args] = [...runner, out(v)];
          return { ...bestOf(3, command!, args), mb: peakMB(command!, args, out("peak")) };
        };
        const [q, g] = [time("qnano"), time("go")];
        if (q.stdout !== g.stdout) throw new BenchError(`bench/tasks/${name} on ${target}: qnano printed\n${q.stdout}but Go printed\n${g.stdout}`);
        const met = q.ms <= g.ms && q.mb <= g.mb;
        const cols = [q.ms.toFixed(0).padStart(8), g.ms.toFixed(0).padStart(8), `${(q.ms / g.ms).toFixed(2)}x`.padStart(9), q.mb.toFixed(1).padStart(9), g.mb.toFixed(1).padStart(8), `${(q.mb / g.mb).toFixed(2)}x`.padStart(9)];
        console.log(`${name.padEnd(12)} ${cols.join("  ")}   ${met ? "met" : "NOT met"}`);
      }
    }
  } finally {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}

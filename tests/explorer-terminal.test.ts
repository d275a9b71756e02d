// `qnano explore` as a person runs it: in a real terminal (tmux, 100x30),
// keys sent, the screen read back with capture-pane; and without a terminal,
// where it says what to do instead.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";

const qnano = join(packageRoot, "bin", "qnano.js");
const socket = `qnano-explore-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", "explore").stdout;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the screen satisfies `ok`, at most 15 s; returns the screen. */
async function waitFor(what: string, ok: (text: string) => boolean): Promise<string> {
  const until = Date.now() + 15_000;
  let text = screen();
  while (!ok(text)) {
    if (Date.now() > until) assert.unreachable(`timed out waiting for ${what}; the screen:\n${text}`);
    await sleep(100);
    text = screen();
  }
  return text;
}

/** The shell's prompt is the last line on the screen: the command before it has ended. */
const atPrompt = (t: string) => /^\$\s*$/.test(t.trimEnd().split("\n").pop() ?? "");

/** The process whose parent is `pid` (the explorer under the pane's shell), from /proc. */
function childOf(pid: number): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (command) state ppid ...": the command may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

const keys = (...k: string[]) => tmux("send-keys", "-t", "explore", ...k);

test("in tmux: the pass list and the program appear, n moves on, q and Ctrl-C and SIGTERM restore the screen", async () => {
  const started = tmux("new-session", "-d", "-s", "explore", "-x", "100", "-y", "30", "-c", packageRoot, "env -i PATH=/usr/bin:/bin:/usr/local/bin HOME=/tmp TERM=xterm-256color PS1='$ ' bash --norc --noprofile");
  assert.is(started.status, 0, started.stderr);
  try {
    tmux("resize-window", "-t", "explore", "-x", "100", "-y", "30");
    keys("echo before-explore", "Enter");
    await waitFor("the shell", (t) => /^before-explore$/m.test(t));
    keys(`${process.execPath} ${qnano} explore tests/programs/gcd.qs`, "Enter");
    let text = await waitFor("the explorer", (t) => t.includes("after parse:"));
    // The semantics marks fill in as the worker's interpreters finish.
    text = await waitFor("every semantics mark", (t) => t.includes("every pass agrees with the source"));
    assert.match(text, /▸✓• parse/);
    for (const pass of ["check-types", "uniquify", "remove-complex-operands", "explicate-control", "select-instructions"]) assert.match(text, pass);
    assert.match(text, /let t = \(a % b\)/);
    assert.not.match(text, /before-explore/, "the explorer is on the alternate screen");
    const lines = text.replace(/\n+$/, "").split("\n");
    assert.ok(lines.length <= 30 && lines.every((l) => [...l].length <= 100));

    keys("n");
    text = await waitFor("the next pass", (t) => t.includes("after check-types:"));
    assert.match(text, /▸✓• check-types/);
    assert.match(text, /let pairs: Int = 5/);

    keys("q");
    text = await waitFor("the shell again", (t) => t.includes("before-explore") && !t.includes("after check-types") && atPrompt(t));
    keys("echo status=$?", "Enter");
    await waitFor("the exit status", (t) => /^status=0$/m.test(t));

    // Ctrl-C quits the same way.
    keys("clear", "Enter");
    await waitFor("a clear screen", (t) => !t.includes("before-explore"));
    keys("echo before-ctrl-c", "Enter");
    keys(`${process.execPath} ${qnano} explore tests/programs/gcd.qs`, "Enter");
    await waitFor("the explorer", (t) => t.includes("after parse:"));
    keys("C-c");
    await waitFor("the shell after Ctrl-C", (t) => t.includes("before-ctrl-c") && !t.includes("after parse:") && atPrompt(t));

    // SIGTERM from outside restores the screen too.
    keys(`${process.execPath} ${qnano} explore tests/programs/gcd.qs`, "Enter");
    await waitFor("the explorer", (t) => t.includes("after parse:"));
    const shell = tmux("list-panes", "-t", "explore", "-F", "#{pane_pid}").stdout.trim();
    const child = childOf(Number(shell));
    assert.ok(child !== null, `no process under the shell ${shell}`);
    process.kill(child, "SIGTERM");
    await waitFor("the shell after SIGTERM", (t) => t.includes("before-ctrl-c") && !t.includes("after parse:") && atPrompt(t));
    keys("echo status=$?", "Enter");
    await waitFor("the exit status", (t) => /^status=143$/m.test(t));
  } finally {
    tmux("kill-server");
  }
});

const dir = mkdtempSync(join(tmpdir(), "qnano-explore-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const { FORCE_COLOR: _, ...env } = process.env;
const run = (args: string[]) => spawnSync(process.execPath, [qnano, ...args], { cwd: packageRoot, input: "", encoding: "utf8", env: { ...env, NO_COLOR: "1" } });

test("without a terminal it says so in one line, suggests qnano trace, and exits 1", () => {
  const r = run(["explore", "tests/programs/gcd.qs"]);
  assert.is(r.status, 1);
  assert.is(r.stdout, "");
  assert.is(r.stderr, "qnano: explore needs a terminal (stdin and stdout); to print every pass instead, use `qnano trace tests/programs/gcd.qs`\n");
});

test("bad input gets the usual diagnostics and status 1; a missing file too", () => {
  const bad = join(dir, "bad.qs");
  writeFileSync(bad, "fn main() {\n    let x = 1 + true\n}\n");
  const r = run(["explore", bad]);
  assert.is(r.status, 1);
  assert.match(r.stderr, /bad\.qs:2:\d+: error:/);
  const missing = run(["explore", join(dir, "nope.qs")]);
  assert.is(missing.status, 1);
  assert.match(missing.stderr, /^qnano: cannot read .*nope\.qs: no such file\n$/);
  const help = run(["explore", "--help"]);
  assert.is(help.status, 0);
  assert.match(help.stdout, /usage: qnano explore FILE/);
});

test.run();

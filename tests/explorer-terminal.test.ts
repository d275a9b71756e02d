// `qnano explore` as a person runs it: in a real terminal (tmux, 80x24), keys
// sent, the screen read back with capture-pane; and without a terminal, where
// it says what to do instead.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";
import { displayWidth } from "../front-end/display.js";
import { bigProgram } from "../scripts/big-program.js";
import { captureFrames, framesIn } from "../scripts/captures.js";

const qnano = join(packageRoot, "bin", "qnano.js");
// A server of its own for each test: one being killed is not one being started.
let sessions = 0;
let socket = `qnano-explore-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
const screen = (escapes = false) => tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", "explore").stdout;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dir = mkdtempSync(join(tmpdir(), "qnano-explore-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

/** Waits until the screen satisfies `ok`, at most `seconds`; returns the screen. */
async function waitFor(what: string, ok: (text: string) => boolean, seconds = 30): Promise<string> {
  const until = Date.now() + seconds * 1000;
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
/** Sends each key on its own, as a person types (a chunk of several is also read, but one at a time is what a person does). */
async function type(...k: string[]) {
  for (const key of k) {
    keys(key);
    await sleep(60);
  }
}

/** A shell in an 80x24 tmux window (at the package root, or `cwd`); runs `body`; always ends the server. */
async function inTerminal(body: () => Promise<void>, cwd = packageRoot, columns = 80, rows = 24) {
  socket = `qnano-explore-test-${process.pid}-${++sessions}`;
  const started = tmux("new-session", "-d", "-s", "explore", "-x", String(columns), "-y", String(rows), "-c", cwd, "env -i PATH=/usr/bin:/bin:/usr/local/bin HOME=/tmp TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile");
  assert.is(started.status, 0, started.stderr);
  try {
    tmux("resize-window", "-t", "explore", "-x", String(columns), "-y", String(rows));
    await body();
  } finally {
    tmux("kill-server");
  }
}

const explore = (args: string) => keys(`${process.execPath} ${qnano} explore ${args}`, "Enter");
const lines = (text: string) => text.replace(/\n+$/, "").split("\n");
function fitsScreen(text: string, columns = 80, rows = 24) {
  const all = lines(text);
  assert.ok(all.length <= rows, `${all.length} rows`);
  for (const line of all) assert.ok(displayWidth(line) <= columns, `a line of ${displayWidth(line)} columns: ${line}`);
}

/** Asks the shell for the last command's exit status, and waits to see `status`. */
async function statusIs(status: number) {
  keys("echo status=$?", "Enter");
  await waitFor(`the exit status ${status}`, (t) => new RegExp(`^status=${status}$`, "m").test(t));
}

async function quit(status: number, key = "q") {
  keys(key);
  await waitFor("the shell again", (t) => atPrompt(t));
  await statusIs(status);
  keys("clear", "Enter");
  await waitFor("a clear screen", (t) => !/status=/.test(t));
}

test("in tmux at 80x24: the passes, the program, n; q, Ctrl-C (130) and SIGTERM restore the screen", async () => {
  await inTerminal(async () => {
    keys("echo before-explore", "Enter");
    await waitFor("the shell", (t) => /^before-explore$/m.test(t));
    explore("tests/programs/gcd.qs");
    let text = await waitFor("the explorer", (t) => t.includes("after parse:"));
    // The semantics marks fill in as the worker's interpreters finish.
    text = await waitFor("every semantics mark", (t) => t.includes("every pass agrees with the source"));
    assert.match(text, /▸✓• parse/);
    // Every pass name whole at 80 columns, and the header's help key.
    for (const pass of ["resolve-modules", "check-types", "uniquify", "resolve-methods", "expand-using", "desugar-compound-assign", "convert-closures"]) assert.match(text, new RegExp(`[✓·][• ] ${pass}\\s*│`));
    assert.match(lines(text)[0]!, /\? help, q quit/);
    assert.match(text, /let t = \(a % b\)/);
    assert.match(text, /parse: read the program's files into Lmodules/, "the pass's purpose");
    assert.not.match(text, /before-explore/, "the explorer is on the alternate screen");
    fitsScreen(text);

    await type("n");
    text = await waitFor("the next pass", (t) => t.includes("after resolve-modules:"));
    await type("n");
    text = await waitFor("the pass after it", (t) => t.includes("after check-types:"));
    assert.match(text, /▸✓• check-types/);
    assert.match(text, /let pairs: Int = 5/);
    // The longest name, below the first screen of passes, whole too.
    await type(":", ..."add-p", "Enter");
    text = await waitFor("add-prelude-and-conclusion", (t) => /▸✓• add-prelude-and-conclusion\s*│/.test(t));
    fitsScreen(text);
    await quit(0);

    // Ctrl-C quits the same way, with the status a shell gives an interrupted command.
    keys("echo before-ctrl-c", "Enter");
    explore("tests/programs/gcd.qs");
    await waitFor("the explorer", (t) => t.includes("after parse:"));
    keys("C-c");
    text = await waitFor("the shell after Ctrl-C", (t) => t.includes("before-ctrl-c") && !t.includes("after parse:") && atPrompt(t));
    await statusIs(130);

    // SIGTERM from outside restores the screen too.
    explore("tests/programs/gcd.qs");
    await waitFor("the explorer", (t) => t.includes("after parse:"));
    const shell = tmux("list-panes", "-t", "explore", "-F", "#{pane_pid}").stdout.trim();
    const child = childOf(Number(shell));
    assert.ok(child !== null, `no process under the shell ${shell}`);
    process.kill(child, "SIGTERM");
    await waitFor("the shell after SIGTERM", (t) => t.includes("before-ctrl-c") && !t.includes("after parse:") && atPrompt(t));
    await statusIs(143);
  });
});

test("in tmux: the cursor's source line is linked through the passes and into the assembly", async () => {
  await inTerminal(async () => {
    explore("tests/programs/gcd.qs");
    await waitFor("the explorer", (t) => t.includes("every pass agrees"));
    await type("j", "j", "j", "j", "j", "j");
    let text = await waitFor("the cursor on line 8", (t) => t.includes("source line 8: let t = a % b"));
    assert.match(text, /▸\s+let t = \(a % b\)/);
    await type(":", ..."lower-di", "Enter");
    text = await waitFor("lower-division", (t) => t.includes("after lower-division"));
    assert.match(text, /▸\s+cmpq \$0, b\.4/, "the cursor on the first instruction from line 8");
    assert.match(text, /┃\s+idivq divisor\.6/, "and the others from it marked");
    assert.match(text, /source line 8: let t = a % b/);
    await type("n");
    text = await waitFor("lower-calls", (t) => t.includes("after lower-calls"));
    assert.match(text, /▸\s+cmpq \$0, b\.4/, "n keeps the line in view");
    await type("a");
    text = await waitFor("the assembly", (t) => t.includes("final assembly (x86_64)"));
    assert.match(text, /▸\s+# 8: let t = a % b/);
    assert.match(text, /┃\s+idivq\s+%rsi/);
    fitsScreen(text);
    await quit(0);
  });
});

test("in tmux: the diff marks the changed words, says (no change), ] jumps to a change, : finds passes", async () => {
  await inTerminal(async () => {
    explore("tests/programs/gcd.qs");
    await waitFor("the explorer", (t) => t.includes("every pass agrees"));
    await type("d");
    let text = await waitFor("parse's diff", (t) => t.includes("diff source -> parse"));
    assert.match(text, /│[▸┃ ] {4}let pairs = 5\s*$/m, "indentation alone is no change");
    await type(":", "u", "n", "i", "q", "Enter");
    text = await waitFor("uniquify's diff", (t) => t.includes("diff check-types -> uniquify"));
    assert.match(text, /-\s+let pairs: Int = 5\s*│?\s*$/m);
    assert.match(text, /\+\s+let pairs\.1: Int = 5/);
    // The renamed word is drawn in inverse video, the rest of the line not.
    assert.match(screen(true), /\x1b\[[0-9;]*7[0-9;]*m(\x1b\[[0-9;]*m)*pairs\.1/);
    await type("]", "]");
    text = await waitFor("the second change", (t) => /change 2 of \d+/.test(t));
    await type("[");
    text = await waitFor("the first change", (t) => /change 1 of \d+/.test(t));
    // u lists only the passes that changed the program: inline-constants (and monomorphize, ...) change nothing in gcd.
    await type("u");
    text = await waitFor("the changed passes alone", (t) => /✓• desugar-for/.test(t) && !/inline-constants/.test(t));
    assert.match(text, /▸✓• uniquify/);
    fitsScreen(text);
    await type("u");
    await waitFor("every pass again", (t) => /✓  inline-constants/.test(t));
    await type(":", "2", "4", "Enter");
    text = await waitFor("pass 24", (t) => /▸[✓·][• ] explicate-returns/.test(t));
    // A name that starts with what was typed comes before one that only contains it (expose-allocation).
    await type(":", "a", "l", "l", "o", "c", "Enter");
    text = await waitFor(":alloc", (t) => t.includes("diff choose-spill-candidates -> allocate-regist"));
    await type(":", "i", "n", "l", "i", "n", "e", "Enter");
    text = await waitFor("inline-constants", (t) => t.includes("(no change from monomorphize)") && t.includes("diff monomorphize -> inline-constants (no change)"));
    fitsScreen(text);
    await quit(0);
  });
});

test("in tmux: o shows the output beside the source's; a program that reads without input says so", async () => {
  writeFileSync(join(dir, "reads.qs"), "fn main() {\n    let n = read_int()\n    print(n * 2)\n}\n");
  await inTerminal(async () => {
    explore("tests/programs/gcd.qs");
    await waitFor("the explorer", (t) => t.includes("every pass agrees"));
    await type(":", "p", "a", "t", "c", "h", "Enter", "o");
    let text = await waitFor("the output view", (t) => t.includes("output after patch-instructions"));
    assert.match(text, /standard input: tests\/programs\/gcd\.in \(10 lines\)/);
    assert.match(text, /the source \(Lmodules\): status 0, 5 lines/);
    assert.match(text, /✓ the same output, status and panic/);
    assert.match(text, /^.*│\s+1 │ 6\s+│ 6\s*$/m);
    await quit(0);
    explore(join(dir, "reads.qs"));
    text = await waitFor("the ? marks", (t) => /▸\?• parse/.test(t));
    assert.match(text, /reads input and has none: give it reads\.in \(beside it\) or --stdin FILE/);
    await quit(0);
    writeFileSync(join(dir, "twenty.txt"), "21\n");
    explore(`${join(dir, "reads.qs")} --stdin ${join(dir, "twenty.txt")}`);
    await waitFor("the marks", (t) => t.includes("every pass agrees"));
    await type("o");
    await waitFor("the output", (t) => /1 │ 42\s+│ 42/.test(t));
    await quit(0);
    // An input that cannot be read is said in one line, before the screen opens; the terminal is left as it was.
    explore(`${join(dir, "reads.qs")} --stdin ${join(dir, "nope.txt")}`);
    await waitFor("the complaint", (t) => /^qnano: cannot read .*nope\.txt: no such file$/m.test(t) && atPrompt(t));
    await statusIs(1);
  });
});

test("in tmux: w hides the pass list, } scrolls a long line, ? explains the marks", async () => {
  await inTerminal(async () => {
    explore("tests/programs/gcd.qs");
    await waitFor("the explorer", (t) => t.includes("every pass agrees"));
    await type("a", "g");
    let text = await waitFor("the assembly's first line", (t) => t.includes("▸# Generated"));
    assert.match(text, /# Generated by qnano for x86_64 \(GNU.*…/);
    await type("}");
    text = await waitFor("scrolled", (t) => /^[^\n]*│▸…/m.test(t));
    await type("{", "w");
    text = await waitFor("the numbers", (t) => /▸✓•\s+1\s*│/.test(t));
    await type("w");
    text = await waitFor("no pass list", (t) => !/[✓·]• parse/.test(t) && !/▸✓•\s+1\s*│/.test(t));
    assert.match(text, /# Generated by qnano for x86_64 \(GNU as, AT&T syntax\)\./, "the whole line in 80 columns");
    await type("}", "}", "}", "}", "}");
    text = await waitFor("nothing past the widest line", (t) => t.includes("already at the right edge"));
    await type("?");
    text = await waitFor("the help", (t) => t.includes("keys and marks"));
    assert.match(text, /next \/ previous change/);
    fitsScreen(text);
    await type(..."jjjjjjjjjjjjjjjj"); // (to the end: it stops there)
    text = await waitFor("the marks in the help", (t) => t.includes("the pass changed the printed program"));
    assert.match(text, /✓\s+its IL's interpreter gives the same output, status, panic/);
    fitsScreen(text);
    await quit(0);
  });
});

test("in tmux: the file is compiled again when saved, keeping the pass; a broken one shows its diagnostic", async () => {
  const file = join(dir, "edit.qs");
  copyFileSync(join(packageRoot, "tests/programs/gcd.qs"), file);
  copyFileSync(join(packageRoot, "tests/programs/gcd.in"), join(dir, "edit.in"));
  await inTerminal(async () => {
    explore(file);
    await waitFor("the explorer", (t) => t.includes("every pass agrees"));
    await type("j", "j", "j", "j", "j", "j", ":", "u", "n", "i", "q", "Enter");
    await waitFor("uniquify", (t) => t.includes("after uniquify") && t.includes("source line 8"));
    writeFileSync(file, readFileSync(file, "utf8").replace("let t = a % b", "let t = a % b + 0"));
    let text = await waitFor("the new program", (t) => t.includes("let t.5: Int = ((a.3 % b.4) + 0)"));
    assert.match(text, /▸\s+let t\.5: Int = \(\(a\.3 % b\.4\) \+ 0\)/, "the pass and the linked line kept");
    writeFileSync(file, readFileSync(file, "utf8").replace("let t = a % b + 0", "let t = a % b + true"));
    text = await waitFor("the diagnostic", (t) => t.includes("check-types failed"));
    assert.match(text, /edit\.qs:8:\d+: error:/);
    assert.match(text, /▸?✗\s+check-types/);
    await type(":", "c", "h", "e", "c", "k", "Enter");
    text = await waitFor("the diagnostic in the view", (t) => /check-types failed:\s*│?\s*$/m.test(t) || t.includes("check-types failed:"));
    assert.match(text, /\^/, "the caret under the error");
    fitsScreen(text);
    writeFileSync(file, readFileSync(file, "utf8").replace("let t = a % b + true", "let t = a % b"));
    await waitFor("the program again", (t) => t.includes("every pass agrees") && t.includes("after check-types"));
    await type("r");
    await waitFor("read again", (t) => t.includes("read again"));
    await quit(0);
  }, dir);
});

test("in tmux: a module's file saved compiles the program again", async () => {
  const copy = join(dir, "tree");
  cpSync(join(packageRoot, "tests/programs/modules"), join(copy, "modules"), { recursive: true });
  copyFileSync(join(packageRoot, "tests/programs/modules_tree.qs"), join(copy, "modules_tree.qs"));
  const shapes = join(copy, "modules/geo/shapes.qs");
  await inTerminal(async () => {
    explore("modules_tree.qs");
    await waitFor("the explorer", (t) => t.includes("every pass agrees"));
    writeFileSync(shapes, readFileSync(shapes, "utf8").replace("Circle(r) => 3 * r * r", "Circle(r) => 4 * r * r"));
    await waitFor("the reload", (t) => t.includes("modules/geo/shapes.qs changed on disk: compiling..."));
    await waitFor("the new program", (t) => t.includes("every pass agrees"));
    await type("/", ..."(4 * r)", "Enter");
    const text = await waitFor("the module's new line", (t) => /"\(4 \* r\)": line \d+ of/.test(t));
    assert.match(text, /▸\s+Circle\(r\) => \(\(4 \* r\) \* r\)/);
    assert.match(text, /modules\.geo\.shapes line 20: Circle\(r\) => 4 \* r \* r,/);
    await quit(0);
  }, copy);
});

test("in tmux: a 5,000-line program opens at once with the passes' progress; keys typed meanwhile are not echoed", async () => {
  const big = join(dir, "big.qs");
  writeFileSync(big, bigProgram(5000));
  await inTerminal(async () => {
    keys("clear", "Enter");
    explore(big);
    // From the moment qnano runs, keys typed while it starts are the explorer's
    // (j moves the cursor), never echoed on the shell's screen.
    const tty = tmux("display-message", "-p", "-t", "explore", "#{pane_tty}").stdout.trim();
    const until = Date.now() + 30_000;
    while (!/(^|\s)-echo(\s|$)/.test(spawnSync("stty", ["-F", tty, "-a"], { encoding: "utf8" }).stdout)) {
      if (Date.now() > until) assert.unreachable("the terminal still echoes");
      await sleep(10);
    }
    keys("j", "j", "j");
    const text = await waitFor("the first screen", (t) => /running the passes: \d+ of \d+ done/.test(t) && t.includes("big.qs │"), 60);
    assert.match(text, /\(parse is running: 0 of \d+ passes done\)|fn f0\(n: Int\) -> Int \{/);
    // Keys act from the first frame on, before Ink has loaded (explorer-tui/early-keys.ts), and after it.
    await type("w");
    await waitFor("the pass list as numbers", (t) => t.includes("pass list: numbers"));
    await type("w", "w", "G");
    await waitFor("the list again, the cursor on the last line", (t) => t.includes("pass list: names") && / (\d+)\/\1$/m.test(t));
    await quit(0);
    assert.not.match(screen(), /jjj/, "no key was echoed on the shell's screen");
    // q at once: the explorer ends, the screen restored, before Ink was there to read it.
    keys("clear", "Enter");
    explore(big);
    await waitFor("the first screen again", (t) => t.includes("big.qs │"), 60);
    await quit(0);
    assert.not.match(screen(), /big\.qs │/, "the shell's screen, not the explorer's");
  });
});

test("in tmux: wide characters keep the screen in line", async () => {
  writeFileSync(join(dir, "wide.qs"), 'fn main() {\n    print("日本語のテキストはここにあります、とても長い行です")\n    print("🎉 おめでとう")\n}\n');
  await inTerminal(async () => {
    explore(join(dir, "wide.qs"));
    let text = await waitFor("the explorer", (t) => t.includes("every pass agrees"));
    fitsScreen(text);
    assert.match(text, /日本語/);
    await type(":", "l", "o", "w", "e", "r", "-", "d", "Enter");
    text = await waitFor("lower-data-layout", (t) => t.includes("after lower-data-layout"));
    fitsScreen(text);
    await type("o");
    text = await waitFor("the output", (t) => t.includes("output after lower-data-layout"));
    fitsScreen(text);
    // Every row ends at the same column: the separator after the pass list is in line.
    const bars = lines(text).slice(1, 20).map((l) => displayWidth(l.slice(0, l.indexOf("│"))));
    assert.ok(bars.every((b) => b === bars[0]), bars.join(" "));
    await quit(0);
  });
});

test("in tmux: --target both shows the two targets side by side", async () => {
  await inTerminal(async () => {
    explore("tests/programs/gcd.qs --target both");
    await waitFor("both", (t) => t.includes("x86_64: after parse") && t.includes("aarch64: after parse") && t.includes("every pass agrees"));
    await type("w", "w", "j", "j", "j", "j", "j", "j", ":", ..."lower-di", "Enter");
    const text = await waitFor("lower-division on both", (t) => t.includes("x86_64: after lower-divis") && t.includes("aarch64: after lower-divi") && /┃\s+sdiv/.test(t));
    assert.match(text, /▸\s+cmpq \$0, b\.4/);
    fitsScreen(text, 100, 30);
    await quit(0);
  }, packageRoot, 100, 30);
});

test("in tmux: a program of several modules: F lists the functions by module, a module's lines link to its file", async () => {
  await inTerminal(async () => {
    explore("tests/programs/modules_tree.qs");
    await waitFor("every mark", (t) => t.includes("every pass agrees with the source"));
    await type("F");
    let text = await waitFor("the list", (t) => t.includes("functions by module"));
    assert.match(text, /^ module modules\.geo\.shapes +\(tests\/programs\/modules\/geo\/shapes\.qs\)\s*\n {5}area\s*$/m);
    assert.match(text, /^ module modules_tree +\(tests\/programs\/modules_tree\.qs\)\s*$/m);
    fitsScreen(text);
    // area is the 8th function (tag, sizes, main, then modules.colors's two and modules.geo.colors's two).
    await type(..."jjjjjjjj", "Enter", "n", "j");
    text = await waitFor("area alone after resolve-modules", (t) => t.includes("after resolve-modules") && t.includes("fn modules.geo.shapes/area("));
    text = await waitFor("its source line, in shapes.qs", (t) => /^ modules\.geo\.shapes line 19: match s \{/m.test(t));
    assert.match(lines(text)[0]!, /fn area · modules\.geo\.shapes|fn modules\.geo\.shapes\/area/);
    fitsScreen(text);
    await quit(0);
  });
});

test("the README's frames of the explorer are what `npm run captures` captures now", async () => {
  const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
  const now = await captureFrames();
  const written = framesIn(readme);
  assert.is(written.length, now.length, "one frame per view");
  now.forEach((frame, k) => assert.fixture(written[k]!, frame, `frame ${k + 1} is stale: run npm run captures`));
});

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
  assert.match(help.stdout, /--target x86_64\|aarch64\|both/);
  assert.match(help.stdout, /--stdin IN/);
});

test.run();

// The explorer's screen: the Ink application rendered with ink-testing-library
// on a real golden program, keys pressed, frames read. (Its speed on a
// 5,000-line program is the bench's: `npm run bench -- explore`.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { createElement } from "react";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../explorer-tui/app.js";
import { warmUp } from "../explorer-tui/warm-up.js";
import { Screen } from "../explorer-tui/screen.js";
import { initialState, viewLines, visibleLines, type State } from "../explorer-tui/state.js";
import { press, reduce } from "../explorer-tui/reducer.js";
import { startTrace } from "../explorer-tui/trace-client.js";
import { buildTrace, emptyTrace } from "../explorer-tui/trace.js";
import { compile } from "../driver/driver.js";
import { displayWidth } from "../front-end/display.js";
import { goldenTrace } from "./explorer-helpers.js";
import { programsDir } from "./golden-programs.js";
import { bigProgram } from "../scripts/big-program.js";

const plain = (frame: string | undefined) => (frame ?? "").replace(/\x1b\[[0-9;]*m/g, "");
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));
const gcdSource = readFileSync(join(programsDir, "gcd.qs"), "utf8");
const gcdInput = readFileSync(join(programsDir, "gcd.in"), "utf8");
/** Waits until Ink has drawn a frame after the `before`-th (a key that changes
 * nothing draws none: then it gives up after 2 s), so a loaded machine is slow, not wrong. */
async function drawn(app: { frames: string[] }, before: number): Promise<void> {
  const until = Date.now() + 2000;
  while (app.frames.length === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  await settle();
}

function open(columns = 100, rows = 30) {
  const app = render(createElement(App, { initial: initialState(goldenTrace("gcd"), columns, rows), start: startTrace }));
  return {
    frame: () => plain(app.lastFrame()),
    keys: async (...keys: string[]) => {
      for (const k of keys) {
        const before = app.frames.length;
        app.stdin.write(k);
        await drawn(app, before);
      }
    },
    app,
  };
}

async function until(what: string, ok: () => boolean, frame: () => string) {
  const end = Date.now() + 60_000;
  while (!ok()) {
    if (Date.now() > end) assert.unreachable(`waiting for ${what}:\n${frame()}`);
    await settle();
  }
}

test("the first screen: the pass list with its marks, the parsed program and its source line", async () => {
  const ui = open();
  await settle();
  const frame = ui.frame();
  // As many passes as fit (30 rows show most of the front end, the closure passes among them).
  for (const pass of ["parse", "check-types", "uniquify", "convert-closures", "lay-out-closures", "explicate-control"]) assert.match(frame, pass);
  assert.match(frame, /↓ \d+ more/, "the passes below the list are counted");
  assert.match(frame, /▸✓• parse/);
  assert.match(frame, / ✓  inline-constants/, "gcd has no const: inline-constants changes nothing");
  assert.match(frame, /after parse: source text -> Lmodules/);
  assert.match(frame, /parse: read the program's files into Lmodules/, "the pass's purpose, from the pipeline table");
  assert.match(frame, /let t = \(a % b\)/);
  assert.match(frame, /▸fn main/, "the cursor");
  assert.match(frame, /source line 2: fn main\(\) \{/);
  assert.match(frame, /every pass agrees with the source/);
  ui.app.unmount();
});

test("n moves to the next pass; d shows the diff against the pass before", async () => {
  const ui = open();
  await ui.keys("n", "n"); // (past resolve-modules)
  assert.match(ui.frame(), /▸✓• check-types/);
  assert.match(ui.frame(), /let pairs: Int = 5/);
  await ui.keys(":", "desugar-for", "\r", "d");
  const frame = ui.frame();
  assert.match(frame, /▸✓• desugar-for/);
  assert.match(frame, /diff desugar-field-update -> desugar-for/);
  assert.match(frame, /-   for k\.2 in 0\.\.pairs\.1 \{/);
  assert.match(frame, /\+   let mut k\.2\.next: Int = 0/);
  ui.app.unmount();
});

test("the lines from the cursor's source line are marked, in the program and in the assembly", async () => {
  const ui = open();
  await ui.keys("j", "j", "j", "j", "j", "j", ":", "lower-division", "\r");
  const frame = ui.frame();
  assert.match(frame, /▸\s+cmpq \$0, b\.4/);
  assert.match(frame, /┃\s+idivq divisor\.6/);
  assert.match(frame, /source line 8: let t = a % b/);
  await ui.keys("a");
  assert.match(ui.frame(), /▸\s+# 8: let t = a % b/);
  assert.match(ui.frame(), /┃\s+idivq\s+%rsi/);
  ui.app.unmount();
});

test("the marks start pending and fill in as the worker runs the passes, then the interpreters", async () => {
  const empty = emptyTrace("gcd.qs", gcdSource, "x86_64", gcdInput, "gcd.in");
  const app = render(createElement(App, { initial: initialState(empty, 100, 30), start: startTrace }));
  const frame = () => plain(app.lastFrame());
  assert.match(frame(), /parse is running: 0 of \d+ passes done/);
  assert.match(frame(), /running the passes: 0 of \d+ done/);
  await until("every mark", () => frame().includes("every pass agrees with the source"), frame);
  assert.match(frame(), /▸✓• parse/);
  assert.not.match(frame(), /^[ ▸]·[• ] [a-z]/m, "no pass is pending");
  app.unmount();
});

test("the explorer watches the files the worker read: the program's at once, its modules' once parse has run", async () => {
  const file = join(programsDir, "modules_tree.qs");
  const empty = emptyTrace(file, readFileSync(file, "utf8"), "x86_64", "", null);
  const watched: (readonly string[])[] = [];
  let stopped = 0;
  let changed: ((source: string, module?: string) => void) | null = null;
  const watch = (files: readonly string[], onChange: (source: string, module?: string) => void) => {
    watched.push(files);
    changed = onChange;
    return () => void stopped++;
  };
  const app = render(createElement(App, { initial: initialState(empty, 100, 30), start: startTrace, watch }));
  const frame = () => plain(app.lastFrame());
  assert.equal(watched[0], [file], "the program's file, before any module is known");
  await until("the modules' files", () => watched.length > 1, frame);
  const last = watched.at(-1)!;
  assert.is(last[0], file);
  for (const module of ["modules/geo/shapes.qs", "modules/geo/colors.qs", "modules/text.qs", "modules/colors.qs"]) assert.ok(last.some((f) => f.endsWith(module)), `${module} is watched: ${last.join(", ")}`);
  assert.is(stopped, watched.length - 1, "the watch before is stopped");
  // A module's file saved: the program compiles again, and the same files stay watched.
  changed!(readFileSync(file, "utf8"), last[2]);
  await until("the reload", () => frame().includes("changed on disk"), frame);
  await until("every mark", () => frame().includes("every pass agrees with the source"), frame);
  assert.is(watched.at(-1), last, "no file is new: the watch goes on");
  app.unmount();
});

test("the renderer's warm-up draws where nobody sees: nothing reaches the terminal, and the state is left as it was", async () => {
  const s = initialState(emptyTrace("gcd.qs", gcdSource, "x86_64", gcdInput, "gcd.in"), 80, 24);
  const before = JSON.stringify(s);
  const write = process.stdout.write;
  let written = 0;
  process.stdout.write = ((..._args: unknown[]) => (written++, true)) as typeof process.stdout.write;
  try {
    await warmUp(s);
  } finally {
    process.stdout.write = write;
  }
  assert.is(written, 0);
  assert.is(JSON.stringify(s), before);
});

test("? shows every key and what the marks mean; any other key closes it", async () => {
  const ui = open(80, 40);
  await ui.keys("?");
  const frame = ui.frame();
  for (const text of ["next pass", "previous pass", "jump to a pass", "toggle the target", "search the view", "quit", "✓", "same output, status, panic", "changed the printed program"]) assert.match(frame, text);
  assert.not.match(frame, /after parse/);
  await ui.keys("x");
  assert.match(ui.frame(), /after parse/);
  ui.app.unmount();
});

test("t compiles for the other target in a worker when first asked, then shows its assembly", async () => {
  const ui = open();
  await ui.keys("a", "t");
  assert.match(ui.frame(), /final assembly \(aarch64\)/);
  await until("the AArch64 assembly", () => /\/\/ \d+: /.test(ui.frame()) && /\bx\d+\b/.test(ui.frame()), ui.frame);
  ui.app.unmount();
});

const strip = (line: string) => plain(line);

/** Renders a state; asserts that it fits its screen, counted in display columns. */
function fits(s: State): string[] {
  const app = render(createElement(Screen, { s }));
  const lines = strip(app.lastFrame() ?? "").split("\n");
  app.unmount();
  assert.ok(lines.length <= s.rows, `${lines.length} lines for ${s.rows} rows (${s.view})`);
  for (const line of lines) assert.ok(displayWidth(line) <= s.columns, `a line of ${displayWidth(line)} for ${s.columns} columns: ${line}`);
  return lines;
}

test("every view fits an 80x24 screen, and follows a resize", () => {
  const s = initialState(goldenTrace("gcd"), 80, 24);
  for (const keys of [[], ["d"], ["b"], ["a"], ["o"], ["?"], ["n", "n", "d"], [":", "explicate", "return"], ["w"], ["w", "w"], ["T"], ["}"]]) {
    assert.is(fits(press(s, ...keys)).length, 24, keys.join(" "));
  }
  const resized = reduce(s, { kind: "resize", columns: 60, rows: 16 });
  assert.is(fits(resized).length, 16);
});

test("at 80 columns: every pass name whole, the header's help key, the last pass within reach", () => {
  const s = initialState(goldenTrace("gcd"), 80, 24);
  const frame = fits(s).join("\n");
  for (const p of s.traces.x86_64!.passes.slice(0, 19)) assert.match(frame, new RegExp(`[✓· ][• ] ${p.name}\\s*│`), p.name);
  assert.match(frame.split("\n")[0]!, /\? help, q quit/);
  assert.match(frame, /↓ \d+ more/, "the passes below the list are counted");
  const last = fits(press(s, "G", ":", "emit", "return")).join("\n");
  assert.match(last, /▸ • emit-asm/);
  assert.match(last, /↑ \d+ more/);
  // The grammar keeps each production's kind at 80 columns.
  const grammar = fits(press(s, ":", "explicate-control", "return", "b", "/", "Goto", "return")).join("\n");
  assert.match(grammar, /\+\s+Goto\s+goto label/);
});

test("w gives the view the whole width; } scrolls a long line into view", () => {
  const s = press(initialState(goldenTrace("gcd"), 80, 24), ":", "select", "return", "a", "g");
  const hidden = fits(press(s, "w", "w")).join("\n");
  assert.not.match(hidden, /select-instructions\s+│/);
  assert.match(hidden, /^▸?\s*# Generated by qnano for x86_64 \(GNU as, AT&T syntax\)\.\s*$/m);
  const frame = fits(press(s, "/", "Generated", "return")).join("\n");
  assert.match(frame, /# Generated by qnano for x86_64 \(GNU.*…\s*$/m, "cut at 80 columns");
  const right = fits(press(s, "/", "Generated", "return", "}")).join("\n");
  assert.match(right, /…\S*.*AT&T syntax\)\./, "scrolled: the end of the line");
});

test("a wide assembly view has the source line beside it, only where the source line changes", () => {
  const s = press(initialState(goldenTrace("gcd"), 160, 30), ...Array(6).fill("j"), "a");
  const frame = fits(s);
  const beside = frame.flatMap((l, i) => (/│\s+8 let t = a % b\s*$/.test(l) ? [i] : []));
  assert.is(beside.length, 1, frame.join("\n"));
  assert.match(frame[beside[0]!]!, /# 8: let t = a % b/, "beside emit-asm's comment of that line");
  assert.match(frame[beside[0]! + 1]!, /cmpq\s+\$0, %rcx\s*│\s*$/, "the next instruction from line 8: nothing beside it");
  assert.not.match(fits(press(initialState(goldenTrace("gcd"), 80, 24), ...Array(6).fill("j"), "a")).join("\n"), /│\s+8 let t = a % b\s*$/m, "at 80 columns, no room for it");
});

test("both targets side by side: the same pass of each, linked by the source line", () => {
  const s = press(
    reduce(press(initialState(goldenTrace("gcd"), 160, 30), ...Array(6).fill("j")), { kind: "loaded", trace: goldenTrace("gcd", "aarch64") }),
    "T",
    ":",
    "lower-division",
    "return",
  );
  const frame = fits(s).join("\n");
  assert.match(frame, /x86_64: after lower-division: Lx86select -> Lx86calls/);
  assert.match(frame, /aarch64: after lower-division: La64select -> La64memory/);
  assert.match(frame, /▸\s+cmpq \$0, b\.4/);
  assert.match(frame, /┃\s+sdiv/, "the AArch64 division, from the same source line");
});

test("wide characters (CJK, emoji) do not push the screen out of line", () => {
  const source = 'fn main() {\n    print("日本語のテキストはここにあります、とても長い行です")\n    print("🎉 おめでとう")\n}\n';
  const steps = compile(source, "wide.qs", { target: "x86_64", check: true });
  const trace = buildTrace("wide.qs", source, "x86_64", steps, "");
  for (const keys of [[], ["j"], ["d"], ["a"], ["o"], [":", "lower-data", "return"], ["w", "w", "}"]]) fits(press(initialState(trace, 80, 24), ...keys));
});

test("a program that no longer compiles shows its diagnostic on the screen", () => {
  const empty = emptyTrace("bad.qs", "fn main() {\n    let x = 1 + true\n}\n", "x86_64", "", null);
  const steps = compile(gcdSource, "gcd.qs", { target: "x86_64", check: true });
  let s = initialState(empty, 80, 24);
  const made = buildTrace("gcd.qs", gcdSource, "x86_64", steps.slice(0, 2), "", "later").steps;
  s = reduce(s, { kind: "step", trace: empty.id, index: 0, step: made[0]! });
  s = reduce(s, { kind: "step", trace: empty.id, index: 1, step: made[1]! });
  s = reduce(s, { kind: "failed", trace: empty.id, at: 2, message: "bad.qs:2:15: error: `+` needs two Ints\n 2 |     let x = 1 + true\n   |               ^" });
  const frame = fits(press(s, "n", "n")).join("\n"); // (past resolve-modules)
  assert.match(frame, /check-types failed:/);
  assert.match(frame, /bad\.qs:2:15: error: `\+` needs two Ints/);
  assert.match(frame, /▸✗  check-types/);
  assert.match(frame, /✗ check-types failed: 2:15: `\+` needs two Ints/, "(the file is the header's)");
  // From another pass, the status line says where to see it before what it said, so 80 columns keep that.
  assert.match(fits(s).at(-1)!, /✗ check-types failed \(:3 shows it\): 2:15: `\+` needs two Ints/);
});

test("on a 5,000-line program a key draws only the visible lines", () => {
  const source = bigProgram(5000);
  assert.is(source.split("\n").length - 1, 5000);
  const steps = compile(source, "big.qs", { target: "x86_64", check: true });
  const trace = buildTrace("big.qs", source, "x86_64", steps, "", "later");
  let s = initialState(trace, 80, 24);
  const keys = ["n", "j", "pagedown", "G", "g", "c", "n", "p", ":", "explicate", "return", "a", "G", "d", "n", "j", "k", "pageup", "/", "movq", "return", ">", ":", "uniq", "return", "d", "]"];
  const app = render(createElement(Screen, { s }));
  for (const key of keys) {
    s = reduce(s, { kind: "key", key });
    app.rerender(createElement(Screen, { s }));
    assert.ok(visibleLines(s).length <= 19);
    assert.ok(plain(app.lastFrame()).split("\n").length <= 24);
  }
  app.unmount();
  assert.ok(viewLines(s).length > 5000);
  assert.is(s.query, "movq");
});

test.run();

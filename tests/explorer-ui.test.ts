// The explorer's screen: the Ink application rendered with ink-testing-library
// on a real golden program, keys pressed, frames read. And its cost on a
// 5,000-line program, where only the visible lines are ever rendered.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { createElement } from "react";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../explorer-tui/app.js";
import { Screen } from "../explorer-tui/screen.js";
import { highlight } from "../explorer-tui/highlight.js";
import { startMeaning } from "../explorer-tui/meaning.js";
import { initialState, press, reduce, viewLines, visibleLines, type State } from "../explorer-tui/state.js";
import { buildTrace } from "../explorer-tui/trace.js";
import { compile } from "../driver/driver.js";
import { goldenTrace } from "./explorer-helpers.js";
import { programsDir } from "./golden-programs.js";

const plain = (frame: string | undefined) => (frame ?? "").replace(/\x1b\[[0-9;]*m/g, "");
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));
/** Waits until Ink has drawn a frame after the `before`-th (a key that changes
 * nothing draws none: then it gives up after 2 s), so a loaded machine is slow, not wrong. */
async function drawn(app: { frames: string[] }, before: number): Promise<void> {
  const until = Date.now() + 2000;
  while (app.frames.length === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  await settle();
}

function open(columns = 100, rows = 30) {
  const app = render(createElement(App, { initial: initialState(goldenTrace("gcd"), columns, rows), load: (t) => goldenTrace("gcd", t) }));
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

test("the first screen: the pass list with its marks, the parsed program and its source line", async () => {
  const ui = open();
  await settle();
  const frame = ui.frame();
  // As many passes as fit (30 rows show the front end and the start of the back end).
  for (const pass of ["parse", "check-types", "uniquify", "explicate-control", "select-instructions"]) assert.match(frame, pass);
  assert.match(frame, /▸✓• parse/);
  assert.match(frame, / ✓  inline-constants/, "gcd has no const: inline-constants changes nothing");
  assert.match(frame, /after parse: source text -> Lsrc/);
  assert.match(frame, /let t = \(a % b\)/);
  assert.match(frame, /fn main/);
  assert.match(frame, /every pass agrees with the source/);
  ui.app.unmount();
});

test("n moves to the next pass; d shows the diff against the pass before", async () => {
  const ui = open();
  await ui.keys("n");
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

test("with the worker, the marks start pending and fill in", async () => {
  const source = readFileSync(join(programsDir, "gcd.qs"), "utf8");
  const trace = buildTrace("gcd.qs", source, "x86_64", compile(source, "gcd.qs", { target: "x86_64", check: true }), readFileSync(join(programsDir, "gcd.in"), "utf8"), "later");
  const app = render(createElement(App, { initial: initialState(trace, 100, 30), load: (t) => goldenTrace("gcd", t), startMeaning: (tr, l) => startMeaning(tr, source, l) }));
  assert.match(plain(app.lastFrame()), /▸·• parse/);
  const until = Date.now() + 20_000;
  while (!plain(app.lastFrame()).includes("every pass agrees with the source")) {
    if (Date.now() > until) assert.unreachable(plain(app.lastFrame()));
    await settle();
  }
  assert.match(plain(app.lastFrame()), /▸✓• parse/);
  assert.not.match(plain(app.lastFrame()), /^[ ▸]·[• ] [a-z]/m, "no pass is pending");
  app.unmount();
});

test("? shows every key; any key closes it", async () => {
  const ui = open();
  await ui.keys("?");
  const frame = ui.frame();
  for (const text of ["next pass", "previous pass", "jump to a pass", "toggle the target", "search the view", "quit"]) assert.match(frame, text);
  assert.not.match(frame, /after parse/);
  await ui.keys("x");
  assert.match(ui.frame(), /after parse/);
  ui.app.unmount();
});

test("t compiles for the other target when first asked, then shows its assembly", async () => {
  const ui = open();
  await ui.keys("a", "t");
  await settle();
  const frame = ui.frame();
  assert.match(frame, /final assembly \(aarch64\)/);
  assert.match(frame, /aarch64/);
  ui.app.unmount();
});

const strip = (line: string) => plain(line);

test("every view fits an 80x24 screen, and follows a resize", () => {
  const fits = (s: State) => {
    const app = render(createElement(Screen, { s }));
    const lines = strip(app.lastFrame() ?? "").split("\n");
    app.unmount();
    assert.ok(lines.length <= s.rows, `${lines.length} lines for ${s.rows} rows (${s.view})`);
    for (const line of lines) assert.ok([...line].length <= s.columns, `a line of ${[...line].length} for ${s.columns} columns: ${line}`);
    return lines;
  };
  const s = initialState(goldenTrace("gcd"), 80, 24);
  for (const keys of [[], ["d"], ["b"], ["a"], ["?"], ["n", "n", "d"], [":", "explicate", "return"]]) {
    assert.is(fits(press(s, ...keys)).length, 24);
  }
  const resized = reduce(s, { kind: "resize", columns: 60, rows: 16 });
  assert.is(fits(resized).length, 16);
});

/** A program of about `lines` lines: blocks of arithmetic and loops, like the benchmark's. */
function bigProgram(lines: number): string {
  const out = ["fn main() {", "    let mut s = 0", "    let mut t = 1"];
  for (let k = 0; out.length < lines - 7; k++) {
    out.push("    {", `        let mut a = ${k % 1000}`, "        while a < 20 { a = a + 5 }", "        if a % 2 == 0 { s = s + a } else { t = t + 1 }", "    }");
  }
  while (out.length < lines - 3) out.push("    s = s + 1");
  out.push("    print(s)", "    print(t)", "}");
  return out.join("\n") + "\n";
}

test("on a 5,000-line program a key costs the reducer and the visible lines only (times printed, not asserted)", () => {
  const source = bigProgram(5000);
  assert.is(source.split("\n").length - 1, 5000);
  const steps = compile(source, "big.qs", { target: "x86_64", check: true });
  const built = performance.now();
  const trace = buildTrace("big.qs", source, "x86_64", steps, "");
  const buildMs = performance.now() - built;
  assert.is(trace.firstBad, null);
  let s = initialState(trace, 80, 24);
  const keys = ["n", "j", "pagedown", "G", "g", "c", "n", "p", ":", "explicate", "return", "a", "G", "d", "n", "j", "k", "pageup", "/", "movq", "return", ">"];
  const reducer: number[] = [];
  const redraw: number[] = [];
  const app = render(createElement(Screen, { s }));
  for (const key of keys) {
    const t0 = performance.now();
    s = reduce(s, { kind: "key", key });
    const shown = visibleLines(s);
    const segments = shown.map(highlight);
    const t1 = performance.now();
    app.rerender(createElement(Screen, { s }));
    const t2 = performance.now();
    reducer.push(t1 - t0);
    redraw.push(t2 - t0);
    assert.ok(shown.length <= 20 && segments.length === shown.length);
  }
  app.unmount();
  assert.ok(viewLines(s).length > 5000);
  assert.is(s.query, "movq");
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  const max = (xs: number[]) => Math.max(...xs).toFixed(1);
  console.log(
    `  explore on 5,000 lines: trace built once in ${buildMs.toFixed(0)} ms; per key: reducer + visible lines median ${median(reducer)} ms, max ${max(reducer)} ms ` +
      `(the first diff of a pass included); with the Ink redraw median ${median(redraw)} ms, max ${max(redraw)} ms (React's development build)`,
  );
});

test.run();

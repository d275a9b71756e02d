// The explorer's key handling, without a terminal: every key is an event for
// the pure reducer, pressed here on the real trace of a golden program.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { keyNames } from "../explorer-tui/keys.js";
import { initialState, keyHelp, pendingOf, press, reduce, stepOf, traceOf, viewHeight, viewLines, visibleLines, type State } from "../explorer-tui/state.js";
import { buildTrace } from "../explorer-tui/trace.js";
import { compile } from "../driver/driver.js";
import { programsDir } from "./golden-programs.js";
import { packageRoot } from "../driver/paths.js";
import { goldenTrace } from "./explorer-helpers.js";

const compileGcd = () => compile(readFileSync(join(programsDir, "gcd.qs"), "utf8"), "gcd.qs", { target: "x86_64", check: true });
const start = (rows = 24) => initialState(goldenTrace("gcd"), 80, rows);
const passName = (s: State) => stepOf(s).name;
const index = (s: State, name: string) => s.traces[s.target]!.steps.findIndex((st) => st.name === name);

test("n, right and l select the next pass; N, left and h the previous; both stop at the ends", () => {
  for (const key of ["n", "right", "l"]) assert.is(press(start(), key).pass, 1, key);
  for (const key of ["N", "left", "h"]) assert.is(press(start(), "n", "n", key).pass, 1, key);
  const first = press(start(), "N");
  assert.is(first.pass, 0);
  assert.match(first.message, /first pass/);
  const last = start().traces.x86_64!.steps.length - 1;
  const end = press(start(), ...Array(last + 3).fill("n"));
  assert.is(end.pass, last);
  assert.match(end.message, /last pass/);
});

test("c and C skip the passes that changed nothing", () => {
  const s = press(start(), ":", "uniquify", "return");
  assert.is(passName(s), "uniquify");
  // inline-constants and desugar-compound-assign change nothing in gcd.
  assert.is(passName(press(s, "c")), "desugar-for");
  assert.is(passName(press(s, "c", "C")), "uniquify");
  assert.match(press(start(), "C").message, /no earlier pass/);
});

test(": jumps to the next pass whose name contains the text; Esc cancels", () => {
  const s = press(start(), ":");
  assert.equal(s.input, { purpose: "jump", text: "" });
  const typed = press(s, "e", "x", "p", "backspace", "p", "l");
  assert.equal(typed.input, { purpose: "jump", text: "expl" });
  const jumped = press(typed, "return");
  assert.is(passName(jumped), "explicate-returns");
  assert.is(jumped.input, null);
  assert.is(press(start(), ":", "desugar", "return", ":", "desugar", "return").pass, index(start(), "desugar-field-update"));
  assert.match(press(start(), ":", "nope", "return").message, /no pass matches "nope"/);
  const cancelled = press(start(), ":", "shrink", "escape");
  assert.is(cancelled.input, null);
  assert.is(cancelled.pass, 0);
  // Keys typed into the line are text, not commands.
  assert.is(press(start(), ":", "q").quit, false);
});

test("p, d, b and a switch the view; the diff shows what the pass removed and added", () => {
  const s = press(start(), ":", "desugar-for", "return");
  assert.is(press(s, "d").view, "diff");
  const diff = viewLines(press(s, "d"));
  assert.ok(diff.includes("-   for k.2 in 0..pairs.1 {"), diff.join("\n"));
  assert.ok(diff.includes("+   let mut k.2.next: Int = 0"));
  assert.is(press(s, "b").view, "grammar");
  assert.ok(viewLines(press(s, "b")).some((l) => l.includes("::=")));
  const asm = press(s, "a");
  assert.is(asm.view, "asm");
  assert.ok(viewLines(asm).some((l) => l.includes("qn_main")));
  assert.is(press(s, "d", "p").view, "program");
  assert.equal(viewLines(press(s, "d", "p")), stepOf(s).lines);
});

test("j k and the arrows scroll by a line, PgDn space PgUp by a page, g G to the ends, within bounds", () => {
  const s = press(start(), "a"); // the assembly: longer than a screen
  const lines = viewLines(s).length;
  const page = viewHeight(s);
  assert.ok(lines > page * 2);
  for (const key of ["j", "down"]) assert.is(press(s, key).scroll, 1, key);
  for (const key of ["k", "up"]) assert.is(press(s, "j", "j", key).scroll, 1, key);
  assert.is(press(s, "k").scroll, 0);
  for (const key of ["pagedown", " "]) assert.is(press(s, key).scroll, page, key);
  assert.is(press(s, "pagedown", "pagedown", "pageup").scroll, page);
  for (const key of ["G", "end"]) assert.is(press(s, key).scroll, lines - page, key);
  for (const key of ["g", "home"]) assert.is(press(s, "G", key).scroll, 0, key);
  assert.is(press(s, "G", "j").scroll, lines - page);
  assert.is(visibleLines(press(s, "j")).length, page);
  assert.equal(visibleLines(press(s, "j"))[0], viewLines(s)[1]);
});

test("/ searches the view, > and ctrl-n go to the next match, < and ctrl-p back, wrapping", () => {
  const s = press(start(), "a");
  const lines = viewLines(s);
  const hits = lines.flatMap((l, i) => (l.includes("callq") ? [i] : []));
  assert.ok(hits.length >= 3);
  const found = press(s, "/", "callq", "return");
  assert.is(found.query, "callq");
  assert.is(found.match, hits[0]);
  assert.ok(found.scroll <= hits[0]! && hits[0]! < found.scroll + viewHeight(found));
  for (const key of [">", "ctrl-n"]) assert.is(press(found, key).match, hits[1], key);
  for (const key of ["<", "ctrl-p"]) assert.is(press(found, ">", key).match, hits[0], key);
  assert.is(press(found, "<").match, hits[hits.length - 1], "wraps backwards");
  assert.match(press(s, "/", "zebra", "return").message, /not in this view/);
  assert.match(press(s, ">").message, /no search yet/);
  // Esc clears the match and the message.
  const cleared = press(found, "escape");
  assert.is(cleared.match, null);
  assert.is(cleared.message, "");
});

test("t asks for the other target once, then shows it, keeping the pass by name", () => {
  const s = press(start(), ":", "explicate", "return");
  const asking = press(s, "t");
  assert.is(asking.loading, "aarch64");
  assert.is(asking.target, "x86_64");
  assert.is(press(asking, "t"), press(asking, "t", "t"), "no second request while loading");
  const loaded = reduce(asking, { kind: "loaded", trace: goldenTrace("gcd", "aarch64") });
  assert.is(loaded.target, "aarch64");
  assert.is(loaded.loading, null);
  assert.is(passName(loaded), "explicate-returns");
  assert.ok(viewLines(press(loaded, "a")).some((l) => /\bbl\b|x29/.test(l)), "AArch64 assembly");
  // Back and forth without loading again.
  const back = press(loaded, "t");
  assert.is(back.target, "x86_64");
  assert.is(back.loading, null);
  assert.is(press(back, "t").target, "aarch64");
  const failed = reduce(asking, { kind: "load-failed", target: "aarch64", message: "boom" });
  assert.is(failed.loading, null);
  assert.is(failed.target, "x86_64");
  assert.match(failed.message, /aarch64: boom/);
});

test("? opens the help, any key closes it, q quits even there; q and ctrl-c quit", () => {
  const help = press(start(), "?");
  assert.is(help.help, true);
  const closed = press(help, "n");
  assert.is(closed.help, false);
  assert.is(closed.pass, 0, "the key only closed the help");
  assert.is(press(help, "q").quit, true);
  assert.is(press(start(), "q").quit, true);
  assert.is(press(start(), "ctrl-c").quit, true);
  assert.is(press(start(), "/", "ctrl-c").quit, true);
  assert.is(press(start(), "Z").quit, false);
  const s = start();
  assert.is(press(s, "Z"), s, "an unknown key changes nothing");
});

test("verdicts from the worker fill the pass list's marks and find the first disagreement", () => {
  const trace = buildTrace("gcd.qs", readFileSync(join(programsDir, "gcd.qs"), "utf8"), "x86_64", compileGcd(), "", "later");
  let s = initialState(trace, 80, 24);
  assert.is(pendingOf(traceOf(s)), trace.steps.length - 1);
  s = reduce(s, { kind: "meaning", target: "x86_64", index: 0, verdict: { agrees: true, outcome: "status 0" } });
  s = reduce(s, { kind: "meaning", target: "x86_64", index: 3, verdict: { agrees: false, outcome: "status 1" } });
  assert.equal(traceOf(s).steps[0]!.verdict, { agrees: true, outcome: "status 0" });
  assert.is(traceOf(s).firstBad, 3);
  assert.is(pendingOf(traceOf(s)), trace.steps.length - 3);
  assert.is(trace.steps[0]!.verdict, "pending", "the old state is untouched");
  const failed = reduce(s, { kind: "meaning-failed", target: "x86_64", message: "boom" });
  assert.is(pendingOf(traceOf(failed)), 0);
  assert.match(traceOf(failed).meaningError ?? "", /boom/);
  assert.equal(traceOf(failed).steps[3]!.verdict, { agrees: false, outcome: "status 1" });
});

test("a resize keeps the view inside the new screen", () => {
  const s = press(start(), "a", "G");
  const small = reduce(s, { kind: "resize", columns: 60, rows: 12 });
  assert.is(viewHeight(small), 8);
  assert.is(small.scroll, s.scroll, "the top line stays where it was");
  const big = reduce(small, { kind: "resize", columns: 200, rows: 500 });
  assert.is(big.scroll, 0);
});

test("every key in the help is one the reducer acts on", () => {
  const symbol: Record<string, string> = { "→": "right", "←": "left", "↓": "down", "↑": "up", PgDn: "pagedown", PgUp: "pageup", space: " ", Esc: "escape" };
  const names = keyHelp.flatMap(([keys]) => keys.split(/\s+/).map((k) => symbol[k] ?? k));
  // From a state where each key has something to do: the middle of a long view with a search.
  const middle = press(start(), ":", "shrink", "return", "a", "pagedown", "/", "callq", "return");
  for (const key of names) assert.not.equal(press(middle, key), middle, `key ${JSON.stringify(key)} did nothing`);
});

test("Ink's key reports map to the reducer's key names", () => {
  const none = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false };
  const k = (over: Partial<typeof none>, input = "") => keyNames(input, { ...none, ...over } as never);
  assert.equal(k({ rightArrow: true }), ["right"]);
  assert.equal(k({ pageDown: true }), ["pagedown"]);
  assert.equal(k({ return: true }, "\r"), ["return"]);
  assert.equal(k({ ctrl: true }, "n"), ["ctrl-n"]);
  assert.equal(k({ ctrl: true }, "c"), ["ctrl-c"]);
  assert.equal(k({ shift: true }, "N"), ["N"]);
  assert.equal(k({}, "?"), ["?"]);
  // Keys that arrive together are pressed one after another.
  assert.equal(k({}, "/tmp\r"), ["/", "t", "m", "p", "return"]);
  assert.equal(k({}, ":x\x7f"), [":", "x", "backspace"]);
});

test("the README lists every key as the help overlay does", () => {
  const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
  for (const [keys, what] of keyHelp) assert.ok(readme.includes(`| \`${keys}\` | ${what} |`), `${keys}: ${what}`);
});

test("f shows one function at a time, in every view, then the whole program again", () => {
  const s = initialState(goldenTrace("even_odd"), 80, 24);
  const fns = traceOf(s).functions;
  assert.ok(fns.length >= 3, `even_odd has ${fns.join(", ")}`);
  const whole = press(s, ":", "allocate", "return");
  const first = press(whole, "f");
  assert.is(first.fn, fns[0]);
  assert.ok(viewLines(first).length < viewLines(whole).length, "one function prints less than all of them");
  const others = fns.slice(1);
  // The program after allocate-registers: blocks and homes of that function only.
  assert.ok(viewLines(first).some((l) => l.includes(`${fns[0]}.start:`)));
  for (const other of others) assert.not.ok(viewLines(first).some((l) => l.includes(`${other}.start:`)), other);
  for (const view of ["d", "a"]) {
    const alone = press(first, view);
    for (const other of others) assert.not.ok(viewLines(alone).some((l) => l.includes(`${other}.start:`) || l.startsWith(`fn.${other}:`)), `${view}: ${other}`);
  }
  const back = press(whole, ...fns.map(() => "f"), "f");
  assert.is(back.fn, null);
  assert.equal(viewLines(back), viewLines(whole));
  assert.match(press(start(), "f").message, /only function/);
});

test.run();

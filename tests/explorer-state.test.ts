// The explorer's key handling, without a terminal: every key is an event for
// the pure reducer, pressed here on the real trace of a golden program.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { keyNames } from "../explorer-tui/keys.js";
import { keyName } from "../explorer-tui/early-keys.js";
import {
  initialState,
  listWidth,
  moveCursor,
  pendingOf,
  samePass,
  stepOf,
  traceOf,
  viewHeight,
  viewLines,
  viewOf,
  viewWidth,
  visibleLines,
  type State,
} from "../explorer-tui/state.js";
import { press, reduce } from "../explorer-tui/reducer.js";
import { lineOf, purposeOf } from "../explorer-tui/views.js";
import { helpLines, keyHelp, legend } from "../explorer-tui/help.js";
import { buildTrace, emptyTrace, type StepVerdict } from "../explorer-tui/trace.js";
import { newPrinter, stepView } from "../explorer-tui/step-view.js";
import { compile } from "../driver/driver.js";
import { programsDir } from "./golden-programs.js";
import { packageRoot } from "../driver/paths.js";
import { goldenTrace } from "./explorer-helpers.js";
import { screenRows } from "../explorer-tui/rows.js";
import { widthOf } from "../explorer-tui/text.js";
import { sourceFiles, sourceLineOf, splitLines } from "../explorer-tui/sources.js";

/** A row without its colour codes. */
const plain = (row: string) => row.replace(/\x1b\[[0-9;]*m/g, "");

const gcdSource = readFileSync(join(programsDir, "gcd.qs"), "utf8");
const compileGcd = () => compile(gcdSource, "gcd.qs", { target: "x86_64", check: true });
const start = (rows = 24) => initialState(goldenTrace("gcd"), 80, rows);
const passName = (s: State) => traceOf(s).passes[s.pass]!.name;
const index = (s: State, name: string) => traceOf(s).passes.findIndex((p) => p.name === name);
/** The source line of the line under the cursor. */
const cursorLine = (s: State) => lineOf(viewOf(s), s.cursor);
const verdict = (agrees: boolean, stdout = "1\n"): StepVerdict => ({ agrees, outcome: "status 0", status: 0, panic: null, stdout, lines: stdout.split("\n").length - 1, outOfFuel: false, differs: agrees ? null : "output line 1", gaveUp: null });

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

test("u lists only the passes that changed the program; n and N then move among them", () => {
  const s = press(start(), ":", "uniquify", "return", "u");
  assert.is(s.hideUnchanged, true);
  assert.is(passName(press(s, "n")), "desugar-for", "monomorphize, inline-constants, expand-try, compile-match and desugar-compound-assign are not listed");
  assert.is(passName(press(s, "n", "N")), "uniquify");
  assert.is(press(s, "u").hideUnchanged, false);
  assert.is(passName(press(s, "u", "n")), "monomorphize");
});

test(": jumps to a pass by the start of its name, a word of it, part of it, or its number; Esc cancels", () => {
  const s = press(start(), ":");
  assert.equal(s.input, { purpose: "jump", text: "" });
  const typed = press(s, "e", "x", "p", "backspace", "p", "l");
  assert.equal(typed.input, { purpose: "jump", text: "expl" });
  const jumped = press(typed, "return");
  assert.is(passName(jumped), "explicate-returns");
  assert.is(jumped.input, null);
  assert.is(press(start(), ":", "desugar", "return", ":", "desugar", "return").pass, index(start(), "desugar-field-update"));
  // The start of a name before a word inside one: allocate-registers, not expose-allocation.
  assert.is(passName(press(start(), ":", "alloc", "return")), "allocate-registers");
  // A word of the name before a part of one: remove-complex-operands for "complex".
  assert.is(passName(press(start(), ":", "complex", "return")), "remove-complex-operands");
  assert.is(passName(press(start(), ":", "plex", "return")), "remove-complex-operands");
  // A name's last word before a word inside one: uncover-live, not uncover-live-references, from anywhere.
  assert.is(passName(press(start(), ":", "desugar-field", "return", ":", "live", "return")), "uncover-live");
  // And an IL's name: the first pass that writes it.
  assert.is(passName(press(start(), ":", "lcfg", "return")), "explicate-control");
  // A number is the pass's place in the list, from 1.
  assert.is(press(start(), ":", "12", "return").pass, 11);
  assert.is(press(start(), ":", "1", "return").pass, 0);
  assert.match(press(start(), ":", "99", "return").message, /passes 1 to \d+/);
  assert.match(press(start(), ":", "nope", "return").message, /no pass matches "nope"/);
  const cancelled = press(start(), ":", "shrink", "escape");
  assert.is(cancelled.input, null);
  assert.is(cancelled.pass, 0);
  assert.is(press(start(), ":", "nope", "return", ":", "ab", "escape").message, "", "Esc clears the line, not back to the last message");
  // Keys typed into the line are text, not commands.
  assert.is(press(start(), ":", "q").quit, null);
});

test("p, d, b, a and o switch the view; the diff shows what the pass removed and added", () => {
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
  assert.is(press(s, "o").view, "output");
  assert.is(press(s, "d", "p").view, "program");
  assert.equal(viewLines(press(s, "d", "p")), stepOf(s)!.lines);
});

test("j k and the arrows move the cursor a line, PgDn space PgUp a page, g G to the ends; the view follows it", () => {
  const s = press(start(), "a", "g"); // the assembly, from its top: longer than a screen
  const lines = viewLines(s).length;
  const page = viewHeight(s);
  assert.ok(lines > page * 2);
  assert.is(s.cursor, 0);
  for (const key of ["j", "down"]) assert.is(press(s, key).cursor, 1, key);
  for (const key of ["k", "up"]) assert.is(press(s, "j", "j", key).cursor, 1, key);
  assert.is(press(s, "k").cursor, 0, "not above the first line");
  assert.is(press(s, "j").scroll, 0, "the view moves only when the cursor would leave it");
  const down = press(s, ...Array(page).fill("j"));
  assert.is(down.cursor, page);
  assert.is(down.scroll, 1, "the cursor stays on the screen");
  for (const key of ["pagedown", " "]) {
    const paged = press(s, key);
    assert.is(paged.scroll, page, key);
    assert.is(paged.cursor, page, key);
  }
  assert.is(press(s, "pagedown", "pagedown", "pageup").scroll, page);
  for (const key of ["G", "end"]) {
    const bottom = press(s, key);
    assert.is(bottom.scroll, lines - page, key);
    assert.is(bottom.cursor, lines - 1, key);
  }
  for (const key of ["g", "home"]) assert.equal([press(s, "G", key).scroll, press(s, "G", key).cursor], [0, 0], key);
  assert.is(press(s, "G", "j").cursor, lines - 1, "not below the last line");
  assert.is(visibleLines(press(s, "pagedown")).length, page);
  assert.equal(visibleLines(press(s, "pagedown"))[0], viewLines(s)[page]);
});

test("the cursor's source line is linked: lines from it are found in every pass and in the assembly", () => {
  // Line 8 of gcd.qs: `let t = a % b`.
  const onT = press(start(), ...Array(6).fill("j"));
  assert.match(viewLines(onT)[onT.cursor]!, /let t = \(a % b\)/);
  assert.is(onT.link, 8);
  // Through every pass to the last, the cursor stays on a line from source line 8, and at the same row.
  let s = onT;
  for (let k = 1; k < traceOf(s).passes.length; k++) {
    s = press(s, "n");
    assert.is(cursorLine(s), 8, `after ${passName(s)}: ${viewLines(s)[s.cursor]}`);
    assert.is(s.link, 8);
  }
  // In Lx86select the division is one instruction from it; lower-division makes it instructions, all from it.
  const selected = press(onT, ":", "select", "return");
  assert.match(viewLines(selected)[selected.cursor]!, /rem a\.3, b\.4 => t\.5/);
  const lowered = press(onT, ":", "lower-division", "return");
  const view = viewOf(lowered);
  const linked = view.lines.filter((_, i) => lineOf(view, i) === 8);
  assert.ok(linked.some((l) => /idivq/.test(l)), linked.join("\n"));
  assert.match(view.lines[lowered.cursor]!, /cmpq \$0, b\.4/, "the first instruction from line 8: the check of the divisor");
  // And in the final assembly, beside emit-asm's comment.
  const asm = press(onT, "a");
  assert.is(cursorLine(asm), 8);
  assert.match(viewLines(asm)[asm.cursor]!, /# 8: let t = a % b/);
  // Back in the program view, the cursor is on source line 8 again, wherever the assembly left it.
  assert.is(cursorLine(press(asm, "G", "p")), 8, "the last line of the assembly is a directive: the link stays");
  assert.is(cursorLine(press(asm, "p")), 8);
});

test("after a search the cursor is on the match, and its source line stays in view through the passes", () => {
  const s = press(start(), ":", "uniquify", "return", "/", "print", "return");
  assert.match(viewLines(s)[s.cursor]!, /print_int\(a\.3\)/);
  assert.is(s.link, 13);
  const selected = press(s, ":", "lower-calls", "return");
  assert.is(cursorLine(selected), 13);
  assert.match(viewLines(selected)[selected.cursor]!, /movq/);
  assert.ok(viewLines(selected).slice(selected.cursor, selected.cursor + 3).some((l) => /qn_print_int/.test(l)));
  assert.ok(selected.cursor >= selected.scroll && selected.cursor < selected.scroll + viewHeight(selected), "on the screen");
});

test("/ searches the view, > and ctrl-n go to the next match, < and ctrl-p back, wrapping", () => {
  const s = press(start(), "a");
  const lines = viewLines(s);
  const hits = lines.flatMap((l, i) => (l.includes("callq") ? [i] : []));
  assert.ok(hits.length >= 3);
  const found = press(s, "/", "callq", "return");
  assert.is(found.query, "callq");
  assert.is(found.match, hits[0]);
  assert.is(found.cursor, hits[0]);
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

test("the diff: parse against the source ignores indentation; a pass that changed nothing says so", () => {
  const parse = viewLines(press(start(), "d"));
  // The source indents by 4, the printer by 2: only what parse really changed is marked.
  assert.ok(parse.includes("    let pairs = 5") || parse.some((l) => /^ {3,}let pairs = 5$/.test(l)), parse.join("\n"));
  assert.ok(parse.some((l) => l.startsWith("-") && l.includes("// Greatest common divisor")), "the comment is gone");
  assert.ok(parse.some((l) => l.startsWith("+") && l.includes("while (b != 0)")), "parentheses added");
  const changed = parse.filter((l) => l[0] === "+").length;
  const kept = parse.filter((l) => l[0] === " ").length;
  assert.ok(changed <= 6 && kept >= 9, `${changed} lines added, ${kept} kept:\n${parse.join("\n")}`);
  const none = press(start(), ":", "inline", "return", "d");
  assert.equal(viewLines(none), ["  (no change from monomorphize)"]);
});

test("] and [ go to the next and previous change, in the diff and the program", () => {
  const s = press(start(), ":", "uniquify", "return", "d", "g");
  const lines = viewLines(s);
  const starts = lines.flatMap((l, i) => (l[0] !== " " && (i === 0 || lines[i - 1]![0] === " ") ? [i] : []));
  assert.ok(starts.length >= 2, lines.join("\n"));
  const first = press(s, "]");
  assert.is(first.cursor, starts[0]);
  assert.match(first.message, new RegExp(`change 1 of ${starts.length}`));
  assert.is(press(first, "]").cursor, starts[1]);
  assert.is(press(first, "]", "[").cursor, starts[0]);
  assert.match(press(s, "G", "]").message, /no change below/);
  // In the program view: the lines the pass added.
  const program = press(s, "p", "g", "]");
  assert.match(viewLines(program)[program.cursor]!, /let pairs\.1: Int = 5/);
  assert.match(viewLines(press(program, "]"))[press(program, "]").cursor]!, /if \(a\.3 < 0\)/);
  assert.match(press(start(), ":", "inline", "return", "]").message, /changed nothing/);
  assert.match(press(start(), "b", "]").message, /program \(p\) and diff \(d\)/);
});

test("o shows what the interpreter of the pass's IL printed beside the source's", () => {
  const s = press(start(), ":", "allocate", "return", "o");
  const lines = viewLines(s);
  assert.match(lines[0]!, /standard input: tests\/programs\/gcd\.in \(10 lines\)/);
  assert.ok(lines.some((l) => /the source \(Lmodules\): status 0, 5 lines/.test(l)), lines.join("\n"));
  assert.ok(lines.some((l) => /✓ the same output, status and panic/.test(l)));
  assert.ok(lines.some((l) => /^\s+1 │ 6\s+│ 6$/.test(l)), lines.join("\n"));
  // A pass whose program prints something else: the first line that differs.
  const trace = traceOf(s);
  const broken = reduce(s, { kind: "meaning", trace: trace.id, index: s.pass, mark: { ...verdict(false, "6\n1\n8\n21\n12\n"), differs: 'output line 3: "8", the source\'s "9"' } });
  const shown = viewLines(broken);
  assert.ok(shown.some((l) => l.includes('✗ output line 3: "8", the source\'s "9"')), shown.join("\n"));
  assert.ok(shown.some((l) => /^\s+3 │ 9\s+│ 8  ✗$/.test(l)), shown.join("\n"));
  assert.is(traceOf(broken).firstBad, s.pass);
});

test("o: a run that stopped before the end says so (no status), with the whole output's line count and how much is shown; wide characters keep the columns", () => {
  const s = press(start(), ":", "allocate", "return");
  const trace = traceOf(s);
  const wide = "こんにちは世界 🌏 — 中文字符串 全角ＡＢＣ🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉\n";
  const source = reduce(s, { kind: "meaning", trace: trace.id, index: 0, mark: verdict(true, wide.repeat(3)) }); // (the source's column is the one cut to fit)
  const cut = reduce(source, { kind: "meaning", trace: trace.id, index: s.pass, mark: { ...verdict(false, wide.repeat(3)), lines: 200_000, outOfFuel: true, differs: "it ran out of fuel; the source did not", gaveUp: "its interpreter ran out of fuel" } });
  const out = viewLines(press(cut, "o"));
  assert.ok(out.some((l) => /after allocate-registers \(Lx86coloured\): stopped before the end \(out of fuel\), 200,000 lines \(the first 3 shown\)/.test(l)), out.join("\n"));
  const rows = out.filter((l) => /^\s+\d+ │/.test(l));
  assert.ok(rows.length >= 3);
  const barsOf = (row: string) => [...row.matchAll(/│/g)].map((m) => widthOf(row.slice(0, m.index)));
  for (const row of rows) {
    assert.not.match(row, /\ufffd/, "no emoji cut in half");
    assert.match(row, /世界/);
    assert.equal(barsOf(row), barsOf(out.find((l) => l.startsWith(" line │"))!), row); // the same display columns on every row
  }
});

test("a step whose run differs because an interpreter gave up is marked ?, no verdict, and is no disagreement", () => {
  const s = press(start(), ":", "allocate", "return");
  const trace = traceOf(s);
  const why = "the source's interpreter filled its stack (10,000 nested calls, or JavaScript's)";
  const gave = reduce(s, { kind: "meaning", trace: trace.id, index: s.pass, mark: { ...verdict(false), differs: "panic none, the source's \"stack overflow\"", gaveUp: why } });
  assert.is(traceOf(gave).firstBad, null);
  const screen = screenRows(gave).map(plain);
  assert.ok(screen.some((l) => /^▸\?[• ] allocate-registers/.test(l)), screen.join("\n"));
  assert.ok(screen.some((l) => l.startsWith(" ? Lx86coloured: no verdict: the source's interpreter filled")), screen.join("\n"));
  const out = viewLines(press(gave, "o"));
  assert.ok(out.some((l) => l.includes(`? ${why}: no verdict`)), out.join("\n"));
});

test("a program that reads input and has none is marked ? and told where to put it", () => {
  const steps = compileGcd();
  const trace = buildTrace("gcd.qs", gcdSource, "x86_64", steps, "");
  assert.is(trace.steps[0]!.verdict, "no input");
  assert.ok(trace.steps.every((st) => st.verdict === "no input" || st.verdict === null));
  const s = press(initialState(trace, 80, 24), "o");
  const text = viewLines(s).join(" ");
  assert.match(text, /reads standard input, and none was given/);
  assert.match(text, /Put its input in gcd\.in beside it, or give `--stdin FILE`, and reload \(r\)\./);
  for (const line of viewLines(s)) assert.ok(widthOf(line) < viewWidth(s), `cut at 80 columns: ${line}`);
  // An input file that is empty: no lines, and the same advice.
  const empty = press(initialState(buildTrace("gcd.qs", gcdSource, "x86_64", steps, "", "now", "gcd.in"), 80, 24), "o");
  assert.is(viewLines(empty)[0], "standard input: gcd.in (0 lines)");
  assert.match(viewLines(empty).join(" "), /reads standard input, and gcd\.in is empty: every run would end on `panic: bad input`/);
});

test("t shows the other target at once, compiling it when needed, keeping the pass by name", () => {
  const s = press(start(), ":", "explicate-control", "return");
  const asking = press(s, "t");
  assert.is(asking.target, "aarch64");
  assert.is(passName(asking), "explicate-control");
  assert.is(traceOf(asking).steps.length, 0, "its passes run in a worker: nothing yet");
  assert.match(viewLines(asking)[0]!, /explicate-control is running: 0 of \d+ passes done/);
  const loaded = reduce(asking, { kind: "loaded", trace: goldenTrace("gcd", "aarch64") });
  assert.is(loaded.target, "aarch64");
  assert.is(passName(loaded), "explicate-control");
  assert.ok(viewLines(press(loaded, "a")).some((l) => /\bbl\b|x29/.test(l)), "AArch64 assembly");
  // Back and forth without compiling again.
  const back = press(loaded, "t");
  assert.is(back.target, "x86_64");
  assert.is(traceOf(back), traceOf(s));
  assert.is(traceOf(press(back, "t")), traceOf(loaded));
});

test("T shows both targets side by side; t swaps them", () => {
  const s = press(start(), "T");
  assert.is(s.both, true);
  assert.ok(s.traces.aarch64, "the other target is compiled");
  assert.ok(viewWidth(s) * 2 + 1 <= s.columns - listWidth(s));
  const swapped = press(reduce(s, { kind: "loaded", trace: goldenTrace("gcd", "aarch64") }), "t");
  assert.is(swapped.target, "aarch64");
  assert.is(swapped.both, true);
  assert.is(press(s, "T").both, false);
  // A pass one target has alone (fuse-multiply-add is AArch64's): the other shows its nearest earlier pass, and t selects that.
  const fused = press(swapped, ":", "fuse", "return");
  assert.is(traceOf(fused).passes[fused.pass]!.name, "fuse-multiply-add");
  const x86 = traceOf(fused, "x86_64");
  const before = traceOf(fused).passes.slice(0, fused.pass + 1).map((p) => p.name).filter((n) => x86.passes.some((p) => p.name === n)).at(-1)!;
  assert.is(x86.passes[samePass(traceOf(fused), fused.pass, x86)]!.name, before);
  const back = press(fused, "t");
  assert.is(back.target, "x86_64");
  assert.is(traceOf(back).passes[back.pass]!.name, before);
});

test("w narrows the pass list to numbers, then hides it, then shows the names again", () => {
  const s = start();
  const names = listWidth(s);
  assert.ok(names >= 4 + Math.max(...traceOf(s).passes.map((p) => p.name.length)), "no name is cut");
  const numbers = press(s, "w");
  assert.is(numbers.list, "numbers");
  assert.ok(listWidth(numbers) < 10);
  const hidden = press(s, "w", "w");
  assert.is(hidden.list, "hidden");
  assert.is(listWidth(hidden), 0);
  assert.is(viewWidth(hidden), 80);
  assert.is(press(s, "w", "w", "w").list, "names");
});

test("} and { scroll long lines sideways, not past the left edge, nor past the end of the widest line (or of the pass's purpose)", () => {
  const s = press(start(), "a");
  const right = press(s, "}");
  assert.ok(right.hscroll > 0);
  assert.is(press(right, "{").hscroll, 0);
  assert.match(press(s, "{").message, /left edge/);
  const far = press(s, ...Array(40).fill("}"));
  assert.match(far.message, /right edge/);
  const widest = viewLines(far).reduce((most, line) => Math.max(most, widthOf(line)), widthOf(purposeOf(traceOf(far), far.pass)));
  assert.ok(far.hscroll + viewWidth(far) > widest && far.hscroll < widest, `${far.hscroll} of ${widest}: the widest line's end in sight`);
  // The pass's purpose, cut at 80 columns, scrolls with the view, and a short view stops at its end.
  const purposeRow = (state: State) => plain(screenRows(state)[2]!);
  const parse = start();
  assert.match(purposeRow(parse), /…\s*$/, "cut");
  const end = press(parse, ...Array(40).fill("}"));
  assert.match(end.message, /right edge/);
  assert.match(purposeRow(end), new RegExp(`${traceOf(parse).passes[0]!.purpose.split(" ").slice(-2).join(" ").replace(/[.()]/g, "\\$&")}\\s*$`), "its end in sight");
});

test("in a diff the changed words are in inverse video, and on the cursor's line (all inverse) underlined", () => {
  const d = press(start(), ":", "uniq", "return", "d");
  const at = viewLines(d).findIndex((l) => l.startsWith("+") && l.includes("pairs.1"));
  const rowOf = (state: State) => screenRows(state).find((r) => plain(r).includes("pairs.1"))!;
  assert.match(rowOf(moveCursor(d, at + 1)), /\x1b\[7;32m[^\x1b]*\.1/, "off the cursor: inverse");
  const on = rowOf(moveCursor(d, at));
  assert.match(on, /\x1b\[1;4;7;32m[^\x1b]*\.1/, "on it: inverse, bold, underlined");
  assert.match(on, /\x1b\[7;32m[^\x1b]*let /, "the rest of the line inverse alone");
});

test("? opens the help with every key and every mark; j k scroll it, other keys close it, q quits even there", () => {
  const help = press(start(), "?");
  assert.is(help.help, 0);
  const lines = helpLines();
  for (const [keys] of keyHelp) assert.ok(lines.some((l) => l.includes(keys)), keys);
  for (const [mark, what] of legend) assert.ok(lines.some((l) => l.includes(mark) && l.includes(what)), mark);
  assert.is(press(help, "j").help, 1);
  assert.is(press(help, "j", "k").help, 0);
  // At the bottom, the last line of the help is on the screen.
  const bottom = press(help, ...Array(40).fill("j"));
  assert.is(bottom.help! + viewHeight(bottom) + 1, lines.length);
  const closed = press(help, "n");
  assert.is(closed.help, null);
  assert.is(closed.pass, 0, "the key only closed the help");
  assert.is(press(help, "q").quit, 0);
});

test("q quits with status 0, ctrl-c with 130 (as a shell's Ctrl-C), even while typing", () => {
  assert.is(press(start(), "q").quit, 0);
  assert.is(press(start(), "ctrl-c").quit, 130);
  assert.is(press(start(), "/", "ctrl-c").quit, 130);
  assert.is(press(start(), "Z").quit, null);
  const s = start();
  assert.is(press(s, "Z"), s, "an unknown key changes nothing");
});

test("verdicts from the worker fill the pass list's marks and find the first disagreement", () => {
  const trace = buildTrace("gcd.qs", gcdSource, "x86_64", compileGcd(), "", "later");
  let s = initialState(trace, 80, 24);
  const id = traceOf(s).id;
  assert.is(pendingOf(traceOf(s)), trace.steps.length - 1);
  s = reduce(s, { kind: "meaning", trace: id, index: 0, mark: verdict(true) });
  s = reduce(s, { kind: "meaning", trace: id, index: 3, mark: verdict(false) });
  assert.equal(traceOf(s).steps[0]!.verdict, verdict(true));
  assert.is(traceOf(s).firstBad, 3);
  assert.is(pendingOf(traceOf(s)), trace.steps.length - 3);
  assert.is(trace.steps[0]!.verdict, "pending", "the old state is untouched");
  assert.is(reduce(s, { kind: "meaning", trace: id + 1000, index: 5, mark: verdict(false) }), s, "a stale worker's verdict is dropped");
  const failed = reduce(s, { kind: "meaning-failed", trace: id, message: "boom" });
  assert.is(pendingOf(traceOf(failed)), 0);
  assert.match(traceOf(failed).meaningError ?? "", /boom/);
  assert.equal(traceOf(failed).steps[3]!.verdict, verdict(false));
});

test("the screen opens before any pass has run; the steps arrive one by one; the cursor waits for its line", () => {
  const steps = compileGcd();
  const empty = emptyTrace("gcd.qs", gcdSource, "x86_64", "", null);
  let s = press(initialState(empty, 80, 24), ":", "uniq", "return");
  assert.is(passName(s), "uniquify");
  assert.match(viewLines(s)[0]!, /uniquify is running: 0 of \d+ passes done/);
  assert.is(pendingOf(traceOf(s)), steps.length);
  const printer = newPrinter(empty.sourceLines);
  s = { ...s, link: 8 };
  steps.slice(0, 4).forEach((step, index) => {
    s = reduce(s, { kind: "step", trace: empty.id, index, step: stepView(step, printer), functions: index === 0 ? ["main"] : undefined });
  });
  assert.is(traceOf(s).steps.length, 4); // parse, resolve-modules, check-types, uniquify
  assert.equal(traceOf(s).functions, ["main"]);
  assert.match(viewLines(s)[s.cursor]!, /let t\.5: Int = \(a\.3 % b\.4\)/, "the linked line, once uniquify's step is there");
  assert.is(reduce(s, { kind: "step", trace: empty.id, index: 7, step: stepView(steps[3]!, printer) }), s, "only the next step is taken");
});

test("a pass that fails shows what it said, over the passes before it", () => {
  const empty = emptyTrace("bad.qs", "fn main() {\n    let x = 1 + true\n}\n", "x86_64", "", null);
  const steps = compile(gcdSource, "gcd.qs", { target: "x86_64", check: true });
  let s = initialState(empty, 80, 24);
  s = reduce(s, { kind: "step", trace: empty.id, index: 0, step: stepView(steps[0]!, newPrinter(empty.sourceLines)) });
  s = reduce(s, { kind: "step", trace: empty.id, index: 1, step: stepView(steps[1]!, newPrinter(empty.sourceLines)) });
  s = reduce(s, { kind: "failed", trace: empty.id, at: 2, message: "bad.qs:2:13: error: `+` needs two Ints\n 2 |     let x = 1 + true\n   |             ^" });
  assert.is(traceOf(s).failure?.at, 2);
  assert.match(viewLines(s)[0]!, /fn main/, "parse's program is still there");
  const failed = press(s, "n", "n"); // (past resolve-modules)
  assert.equal(viewLines(failed).slice(0, 3), ["check-types failed:", "", "bad.qs:2:13: error: `+` needs two Ints"]);
  assert.match(viewLines(press(failed, "n"))[0]!, /did not run: check-types failed before it/);
  assert.is(viewLines(press(failed, "n"))[2], "bad.qs:2:13: error: `+` needs two Ints", "and what it said");
});

test("a reload compiles the file again, keeping the pass, the view and the linked line", () => {
  const s = press(start(), ...Array(6).fill("j"), ":", "uniq", "return", "d");
  assert.is(s.link, 8);
  const asked = press(s, "r");
  assert.is(asked.reloads, s.reloads + 1, "the application reads the file");
  const edited = gcdSource.replace("let pairs = 5", "let pairs = 5\n    let unused = 0");
  const reloaded = reduce(asked, { kind: "reload", source: edited });
  const trace = traceOf(reloaded);
  assert.not.equal(trace.id, traceOf(s).id);
  assert.is(trace.source, edited);
  assert.is(trace.steps.length, 0, "compiled again, in a worker");
  assert.is(passName(reloaded), "uniquify");
  assert.is(reloaded.view, "diff");
  assert.is(reloaded.link, 8);
  // With parse's step come the new program's files: the link follows its statement (`let t = a % b`) a line down.
  const parsed = (text: string, state = reloaded) => {
    const first = compile(text, "gcd.qs", { target: "x86_64", check: true })[0]!;
    return reduce(state, { kind: "step", trace: traceOf(state).id, index: 0, step: stepView(first, newPrinter(splitLines(text))), files: sourceFiles(traceOf(state).file, text, []) });
  };
  const followed = parsed(edited);
  assert.is(followed.link, 9);
  assert.is(sourceLineOf(traceOf(followed).files, followed.link!)!.text.trim(), "let t = a % b");
  assert.is(followed.message, reloaded.message, "a line kept: nothing to say");
  assert.is(followed.relink, null, "followed once");
  // The linked line itself edited: the link is on the line that replaced it, nothing said.
  const rewritten = gcdSource.replace("let t = a % b", "let t = a - a / b * b");
  const edit = parsed(rewritten, reduce(asked, { kind: "reload", source: rewritten }));
  assert.is(edit.link, 8);
  assert.is(edit.message, reloaded.message);
  // Removed: on the next line, and said.
  const removed = gcdSource.replace("            let t = a % b\n", "").replace("b = t", "b = a");
  const gone = parsed(removed, reduce(asked, { kind: "reload", source: removed }));
  assert.is(sourceLineOf(traceOf(gone).files, gone.link!)!.text.trim(), "a = b");
  assert.is(gone.message, "the linked line (8) was removed: linked to the next, line 8");
  // The same text again on disk changes nothing (editors write twice); `r` always compiles.
  const again = reduce(reloaded, { kind: "reload", source: edited, changed: true });
  assert.is(again, reloaded);
  // The input is read again with it (cli/explore.ts): FILE.in edited, or made after the start.
  const input = { stdin: "12\n18\n", input: "tests/programs/gcd.in" };
  const fed = reduce(reloaded, { kind: "reload", source: edited, changed: true, input });
  assert.not.equal(traceOf(fed).id, trace.id, "the same program with another input: compiled and run again");
  assert.is(traceOf(fed).stdin, input.stdin);
  assert.is(reduce(fed, { kind: "reload", source: edited, changed: true, input }), fed, "and the same input again changes nothing");
});

test("a module's file saved compiles the program again, though the program's own text is the same", () => {
  const s = initialState(goldenTrace("modules_tree"), 80, 24);
  const module = "tests/programs/modules/geo/shapes.qs";
  const reloaded = reduce(s, { kind: "reload", source: traceOf(s).source, changed: module });
  assert.not.equal(traceOf(reloaded).id, traceOf(s).id);
  assert.is(reloaded.message, `${module} changed on disk: compiling...`);
});

test("a resize keeps the cursor's line on the new screen", () => {
  const s = press(start(), "a", "G");
  const small = reduce(s, { kind: "resize", columns: 60, rows: 12 });
  assert.is(viewHeight(small), 7, "12 rows less the header, the title and purpose, the source line and the status");
  assert.is(small.cursor, s.cursor, "the cursor stays on its line");
  assert.ok(small.cursor >= small.scroll && small.cursor < small.scroll + viewHeight(small));
  const big = reduce(small, { kind: "resize", columns: 200, rows: 500 });
  assert.is(big.scroll, 0);
});

test("every key in the help is one the reducer acts on", () => {
  const symbol: Record<string, string> = { "→": "right", "←": "left", "↓": "down", "↑": "up", PgDn: "pagedown", PgUp: "pageup", space: " ", Esc: "escape" };
  const names = keyHelp.flatMap(([keys]) => keys.split(/\s+/).map((k) => symbol[k] ?? k));
  // From a state where each key has something to do: the middle of a long diff with a search.
  const middle = press(start(), ":", "lower-calls", "return", "d", "pagedown", "/", "callq", "return"); // (at the left edge, `{` says so)
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

test("keys read before Ink has loaded (Node's readline) map to the same key names", () => {
  const k = (sequence: string, name?: string, more: { ctrl?: boolean; shift?: boolean } = {}) => keyName({ sequence, name, ctrl: false, meta: false, shift: false, ...more });
  assert.equal(k("j", "j"), ["j"]);
  assert.equal(k("G", "g", { shift: true }), ["G"]);
  assert.equal(k("?"), ["?"]);
  assert.equal(k("\x1b[B", "down"), ["down"]);
  assert.equal(k("\x1b[6~", "pagedown"), ["pagedown"]);
  assert.equal(k("\r", "return"), ["return"]);
  assert.equal(k("\n", "enter"), ["return"]);
  assert.equal(k("\x1b", "escape"), ["escape"]);
  assert.equal(k("\x7f", "backspace"), ["backspace"]);
  assert.equal(k("\x1b[3~", "delete"), ["backspace"]);
  assert.equal(k("\x03", "c", { ctrl: true }), ["ctrl-c"]);
  assert.equal(k("\x1b[1;5P", "f1", { ctrl: true }), [], "a key the explorer has no use for");
  assert.equal(k("é"), ["é"]);
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

test("a program of several modules: F lists its functions by module; a line from a module is linked to its file's line", () => {
  const s = initialState(goldenTrace("modules_tree"), 80, 24);
  const trace = traceOf(s);
  // Every module's functions, by the names resolve-modules gives them.
  for (const fn of ["main", "tag", "modules.geo.shapes/area", "modules.colors/helper", "modules.geo.colors/helper", "modules.text/shout"]) assert.ok(trace.functions.includes(fn), fn);
  assert.equal(
    trace.files.map((f) => f.module),
    ["modules_tree", "modules.text", "modules.colors", "modules.geo.shapes", "modules.geo.colors"],
  );
  // The list: each module's row (with its file), its functions under it, by their own names.
  const list = press(s, "F");
  assert.is(list.functionList, 0, "on the whole program, shown now");
  const rows = screenRows(list).map(plain);
  const shapes = rows.findIndex((r) => /module modules\.geo\.shapes +\(tests\/programs\/modules\/geo\/shapes\.qs\)/.test(r));
  assert.ok(shapes > 0, rows.join("\n"));
  assert.match(rows[shapes + 1]!, /^ {5}area\s*$/);
  assert.ok(rows.findIndex((r) => /module modules\.geo\.colors/.test(r)) !== rows.findIndex((r) => /module modules\.colors/.test(r)), "two modules of one last name apart");
  // Enter on area: that function alone, in every pass; its lines are shapes.qs's.
  const area = trace.functions.indexOf("modules.geo.shapes/area") + 1;
  const chosen = press(list, ...Array(area).fill("j"), "return", ":", "resolve-modules", "return", "j");
  assert.is(chosen.functionList, null);
  assert.is(chosen.fn, "modules.geo.shapes/area");
  assert.match(viewLines(chosen)[0]!, /^fn modules\.geo\.shapes\/area\(/);
  const screen = screenRows(chosen).map(plain);
  assert.match(screen[0]!, /fn area · modules\.geo\.shapes|fn modules\.geo\.shapes\/area/, "the header names the function and its module");
  const shapesFile = readFileSync(join(programsDir, "modules", "geo", "shapes.qs"), "utf8").split("\n");
  const matchLine = shapesFile.findIndex((l) => /^\s*match s \{/.test(l)) + 1;
  assert.match(screen[screen.length - 2]!, new RegExp(`^ modules\\.geo\\.shapes line ${matchLine}: match s \\{`), screen.join("\n"));
  // The link holds into the assembly of the function: no instruction comes from `match s {`,
  // so the cursor is on the nearest line's, one of area's in shapes.qs.
  const asm = press(chosen, "a");
  assert.is(asm.link, chosen.link);
  const near = sourceLineOf(trace.files, lineOf(viewOf(asm), asm.cursor)!)!;
  assert.is(near.file.module, "modules.geo.shapes");
  assert.ok(near.line > matchLine && near.line < matchLine + 5, `line ${near.line}`);
  // Below the view, the cursor's own line, and that the linked one has none here.
  assert.match(plain(screenRows(asm).at(-2)!), new RegExp(`^ modules\\.geo\\.shapes line ${near.line} \\(line ${matchLine}, the linked one, has none here\\): `));
  // Chosen from a line of another function: area is shown from its first line, linked to it.
  const fromMain = press(s, "F", ...Array(trace.functions.indexOf("main") + 1).fill("j"), "return", "j", "F", "g", ...Array(area).fill("j"), "return");
  assert.is(fromMain.fn, "modules.geo.shapes/area");
  assert.is(fromMain.cursor, 0);
  assert.is(fromMain.link, lineOf(viewOf(fromMain), 0));
  assert.match(plain(screenRows(fromMain).at(-2)!), new RegExp(`^ modules\\.geo\\.shapes line ${sourceLineOf(trace.files, fromMain.link!)!.line}: \\S`));
  // A function of the program's own file: its own lines.
  const main = press(s, "F", ...Array(trace.functions.indexOf("main") + 1).fill("j"), "return", "j");
  assert.match(plain(screenRows(main).at(-2)!), /^ source line \d+: let p = shapes\.Point/);
  // One function alone: F says so; other keys close the list without acting.
  assert.match(press(start(), "F").message, /only function/);
  const closed = press(list, "n");
  assert.is(closed.functionList, null);
  assert.is(closed.pass, 0);
});

test.run();

// A pass is one idea, well under 150 lines (README, "Passes are tiny"): its file
// and the helper files only it uses (driver/pass-sizes.ts finds them from the
// imports) may not pass 150 lines together. parse and check-types count their
// own files only: the lexer, parser and checker are the front end's level.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { frontEndLevel, passSizes } from "../driver/pass-sizes.js";

const limit = 150;

test("every pass of the pipeline has its file, passes/[TARGET/]NAME.ts", () => {
  const sizes = passSizes();
  assert.ok(sizes.length >= 30, `only ${sizes.length} passes`);
  for (const s of sizes) assert.ok(s.lines > 0, `${s.file} is empty`);
});

test(`no pass is over ${limit} lines with the helpers only it uses`, () => {
  const over = passSizes()
    .filter((s) => s.lines > limit)
    .map((s) => `${s.target} ${s.pass.name}: ${s.lines} lines (${[s.file, ...s.helpers].join(", ")})`);
  assert.equal(over, [], `split a pass that does two ideas into two passes; moving code into a helper does not make it smaller`);
});

test("parse and check-types count their own files only", () => {
  for (const s of passSizes().filter((s) => frontEndLevel.has(s.pass.name))) assert.equal(s.helpers, []);
});

test.run();

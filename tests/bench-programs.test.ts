// The generated programs of `npm run bench`'s compile-speed section
// (scripts/compile-programs.ts): each shape has the lines asked for (within one
// block or function), compiles, and keeps the number of places live at once
// bounded whatever its length, so that the bench's growth from 10k to 100k
// lines measures the compiler, not an interference graph growing with the
// program. (How fast they compile is measured by `npm run bench`, never timed
// in a test.)
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../driver/driver.js";
import { compileProgram, shapes } from "../scripts/compile-programs.js";

/** The most places live after any one instruction, after uncover-live on x86_64. */
function mostLive(source: string): number {
  const steps = compile(source, "gen.qs", { target: "x86_64", until: "uncover-live" });
  const program = steps.at(-1)!.output as { blocks: { instrs: { after: unknown[] }[] }[] };
  return Math.max(...program.blocks.flatMap((b) => b.instrs.map((i) => i.after.length)));
}

for (const shape of shapes) {
  test(`${shape}: as many lines as asked, within one block`, () => {
    for (const lines of [300, 1000]) {
      const p = compileProgram(shape, lines);
      assert.is(p.qs.split("\n").length - 1, p.lines);
      assert.ok(p.lines <= lines && p.lines > lines - 12, `${p.lines} lines for ${lines}`);
    }
  });

  test(`${shape}: as many places live at once at 3,000 lines as at 300`, () => {
    assert.is(mostLive(compileProgram(shape, 3000).qs), mostLive(compileProgram(shape, 300).qs));
  });
}

test.run();

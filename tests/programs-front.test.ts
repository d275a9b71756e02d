// The front end on the golden programs of tests/programs/ that have unions,
// match, generics, Option/Result or try (golden.test.ts takes each through every
// pass and both targets): each goes through parse and check-types with the
// prelude, without a warning; both programs must be valid, both source
// interpreters (Lsrc and Ltyped) must give what is expected, and the Quastra
// source printed from each program must read back as the same program.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { Ltyped } from "../ir-defs/ltyped.js";
import { checkTypes } from "../passes/check-types.js";
import { parse } from "../passes/parse.js";
import { resolveModules } from "../passes/resolve-modules.js";
import { passContext } from "../driver/driver.js";
import { quastraSource } from "../front-end/quastra-source.js";
import { validate } from "../il/validate.js";
import { printNode } from "../il/print.js";
import { readNode } from "../il/read.js";
import { withoutLoc } from "../il/node.js";
import { interpreterFor } from "../interp/index.js";
import { describeOutcome } from "../interp/runtime-model.js";
import type { Warning } from "../il/pass.js";
import { loadGoldens } from "./golden-programs.js";

/** parse and check-types, with the prelude; warnings are failures here. */
function front(source: string, file: string) {
  const warnings: Warning[] = [];
  const context = passContext(file, source, warnings);
  const lsrc = resolveModules.run(parse.run(source, context), context);
  const ltyped = checkTypes.run(lsrc, context);
  assert.equal(warnings.map((w) => w.message), [], `${file}: warnings`);
  return { lsrc, ltyped, context };
}

const programs = suite("the front end on the golden programs with unions, match, generics or try");
const goldens = loadGoldens().filter((g) => /\b(union|match|try)\b|\bfn \w+\[|\b(Some|None|Ok|Err)\b/.test(g.source));

programs("there are programs for every construct the issue names", () => {
  const names = goldens.map((g) => g.name);
  for (const name of ["bst", "lists", "trees", "expr_eval", "option_result", "try_chain", "match_positions", "guards_side_effects"]) assert.ok(names.includes(name), name);
});

for (const g of goldens) {
  programs(g.name, () => {
    const { lsrc, ltyped, context } = front(g.source, g.path);
    assert.equal(validate(LsrcIL, lsrc), { ok: true });
    assert.equal(validate(Ltyped, ltyped), { ok: true });
    for (const [il, program] of [["Lsrc", lsrc], ["Ltyped", ltyped]] as const) {
      const outcome = interpreterFor(il)!(program, { stdin: g.stdin });
      assert.is(outcome.outOfFuel, false, `${il}: ran out of fuel`);
      assert.is(outcome.stdout, g.stdout, `${il}: stdout (${describeOutcome(outcome)})`);
      assert.is(outcome.status, g.status, `${il}: exit status`);
      assert.is(outcome.panic, g.panic, `${il}: panic message`);
    }
    // Printed as Quastra, either program reads back as itself (Ltyped: after check-types
    // again, without the prelude's items, which come back with the prelude; a program
    // that hides some of them gets names Quastra cannot write, `prelude.Option`).
    // (A program of modules names their items `a.b/f`, which Quastra cannot write either.)
    const modules = lsrc.items.some((item) => "name" in item && (item.name as string).includes("/"));
    if (!modules) assert.equal(withoutLoc(resolveModules.run(parse.run(quastraSource(lsrc), context), context)), withoutLoc(lsrc), "Lsrc round trip");
    // Ltyped keeps no protocols (a method is an item of its own), so a program with methods is
    // not written back as Quastra.
    const fromPrelude = new Set(lsrc.items.flatMap((item) => (item.kind === "Module" ? item.items.map((i) => ("name" in i ? i.name : "")) : [])));
    const again = quastraSource({ ...ltyped, items: ltyped.items.filter((item) => !fromPrelude.has(item.name)) });
    const methods = ltyped.items.some((item) => item.kind === "Method" || item.kind === "GenericMethod");
    if (!again.includes("prelude.") && !methods && !modules) assert.equal(withoutLoc(front(again, g.path).ltyped), withoutLoc(ltyped), `Ltyped round trip:\n${again}`);
    // Printed as IL text, either program reads back as itself (il/read.ts).
    for (const [il, program] of [[LsrcIL, lsrc], [Ltyped, ltyped]] as const) assert.equal(readNode(il, printNode(il, program)), withoutLoc(program), `${il.name} text round trip`);
  });
}

programs.run();

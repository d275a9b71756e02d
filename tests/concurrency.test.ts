// Concurrency (issue 19), the front end: the generated concurrent programs
// (props/generator-tasks.ts) parse, print back as the same tree, and pass every
// typing rule; mangled ones get diagnostics, never a crash. The same programs
// feed the pipeline's properties (tests/props/tasks.test.ts).
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkTypes } from "../passes/check-types.js";
import { parse } from "../passes/parse.js";
import { resolveModules } from "../passes/resolve-modules.js";
import { compile, passContext } from "../driver/driver.js";
import { CompileError } from "../front-end/diagnostics.js";
import { quastraSource } from "../front-end/quastra-source.js";
import { withoutLoc } from "../il/node.js";
import { taskActionKinds, taskPrograms, taskProgramsWithExits, type TaskAction } from "../props/generator-tasks.js";
import { quickRun } from "./props/quick.js";

const parseText = (source: string) => resolveModules.run(parse.run(source, passContext("tasks.qs", source)), passContext("tasks.qs", source));

/** The messages check-types gives a program (none: it was accepted). */
function messages(source: string): string[] {
  try {
    checkTypes.run(parseText(source), passContext("tasks.qs", source));
    return [];
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.diagnostics.map((d) => `${d.loc.line}:${d.loc.col} ${d.message}`);
  }
}

test("generated concurrent programs are well typed, with and without loops and exits", () => {
  for (const programs of [taskPrograms, taskProgramsWithExits]) {
    fc.assert(
      fc.property(programs, (p) => {
        const got = messages(p.source);
        assert.equal(got, [], p.source);
      }),
      { numRuns: 300, seed: quickRun.seed },
    );
  }
});

test("generated concurrent programs print back as Quastra that parses to the same tree", () => {
  for (const p of fc.sample(taskPrograms, { numRuns: 200, seed: quickRun.seed })) {
    const tree = parseText(p.source);
    assert.equal(withoutLoc(parseText(quastraSource(tree))), withoutLoc(tree), p.source);
  }
});

test("the generator writes every kind of action, nested spawns and scopes, and every capacity, in a sample", () => {
  const seen = new Set<string>();
  const visit = (actions: readonly TaskAction[], depth: number) => {
    for (const a of actions) {
      seen.add(a.k);
      if (a.k === "spawn" || a.k === "scope" || a.k === "loop") {
        if (depth > 0 && a.k !== "loop") seen.add(`nested ${a.k}`);
        visit(a.body, depth + 1);
      }
    }
  };
  for (const p of fc.sample(taskProgramsWithExits, { numRuns: 300, seed: quickRun.seed })) {
    visit(p.actions, 0);
    for (const cap of p.caps) seen.add(`capacity ${cap}`);
    // A scope left by each way out (the leave written inside a scope: deeper than main's own one).
    for (const how of ["return", "break", "continue"]) if (new RegExp(`^ {12,}if counter.get\\(\\) % 2 == 0 \\{ ${how} \\}`, "m").test(p.source)) seen.add(`${how} from a scope`);
  }
  const want = [...taskActionKinds, "nested spawn", "nested scope", "capacity -1", "capacity 0", "capacity 1", "capacity 4", "return from a scope", "break from a scope", "continue from a scope"];
  assert.equal(want.filter((k) => !seen.has(k)), []);
});

test("mangled concurrent programs give diagnostics, never a crash, each at a place in the file; those accepted compile", () => {
  let accepted = 0;
  let seed = 19;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = ["{", "}", "(", ")", "[", "]", "\n", ";", "scope ", "spawn ", "channel", "channel[Int]", "Chan[", ".send(", ".try_send(", ".recv()", ".close()", "yield()", "for v in ", "break", "return ", "try ", "fn() ", "let mut ", "= ", "1", "-1", "c0", "shown", "+= 1"];
  const programs = fc.sample(taskPrograms, { numRuns: 300, seed: quickRun.seed });
  for (let n = 0; n < 1500; n++) {
    let source = programs[Math.floor(rnd() * programs.length)]!.source;
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
      const at = Math.floor(rnd() * source.length);
      source = rnd() < 0.4 ? source.slice(0, at) + source.slice(at + 1 + Math.floor(rnd() * 5)) : source.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + source.slice(at);
    }
    const lines = source.split("\n").length;
    try {
      checkTypes.run(parseText(source), passContext("tasks.qs", source));
      accepted++;
      compile(source, "tasks.qs", { target: "x86_64", check: true, lastOnly: true }); // accepted: every pass compiles it, each output valid
    } catch (e) {
      if (!(e instanceof CompileError)) throw new Error(`${String(e)} for:\n${source}`);
      for (const d of e.diagnostics) assert.ok(d.loc.line >= 1 && d.loc.line <= lines && d.loc.col >= 1 && d.loc.length >= 1, `bad position ${JSON.stringify(d.loc)} for:\n${source}`);
    }
  }
  assert.ok(accepted >= 50, `only ${accepted} mangled programs were accepted: too few compiled`);
});

test("the same seed gives the same concurrent programs", () => {
  const a = fc.sample(taskPrograms, { numRuns: 20, seed: 5 }).map((p) => p.source);
  const b = fc.sample(taskPrograms, { numRuns: 20, seed: 5 }).map((p) => p.source);
  assert.equal(a, b);
});

test.run();

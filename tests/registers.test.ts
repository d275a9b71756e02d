// Register allocation: what the golden programs cannot show by their output.
// Moves that biasing should remove are gone, a program with few live variables
// never touches the stack, the costliest variables keep registers, liveness
// crosses loops, and a live set that misses a fact is caught at uncover-live.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { targets, type Target } from "../ir-defs/targets.js";
import type { IL } from "../il/define.js";
import { printNode } from "../il/print.js";
import { assemblyOf, compile, type Step } from "../driver/driver.js";
import { interpreterFor } from "../interp/index.js";
import { loadGoldens } from "./golden-programs.js";

const goldens = loadGoldens();
const golden = (name: string) => goldens.find((g) => g.name === name)!;
const outputOf = (steps: Step[], pass: string) => steps.find((s) => s.pass.name === pass)!;

/** An instruction that moves a register to itself, in the assembly of either target. */
const selfMove = /^\s+(movq\s+%(\w+), %\2|mov\s+(x\d+), \3)\s*$/m;
/** An instruction that reads or writes the stack (not the frame's own push/pop or stp/ldp). */
// A slot's address (not the prelude's load of the runtime's qn_stack_limit, `[x16, :lo12:...]`).
const stackAccess: Record<Target, RegExp> = { x86_64: /^\s+\w+\s+.*-?\d+\(%r[bs]p\)/m, aarch64: /^\s+(ldr|str)\s+\w+, \[\w+, #\d+\]/m };

const homes = (steps: Step[]) => (outputOf(steps, "allocate-registers").output as { homes: { var: string; home: { kind: string } }[] }).homes;

for (const target of targets) {
  const t = suite(`register allocation on ${target}`);

  t("no emitted instruction of any golden program moves a register to itself", () => {
    for (const g of goldens) {
      const asm = assemblyOf(compile(g.source, g.path, { target }));
      const found = selfMove.exec(asm);
      assert.is(found, null, `${g.name}: ${found?.[0].trim()}`);
    }
  });

  t("a chain of copies leaves no move between variables behind", () => {
    const g = golden("moves_chain");
    const asm = assemblyOf(compile(g.source, g.path, { target }));
    const moves = asm.split("\n").filter((l) => (target === "x86_64" ? /^\s+movq\s+%\w+, %\w+/ : /^\s+mov\s+x\d+, x\d+/).test(l) && !/%r[sb]p/.test(l));
    // What may be left: read_int's result out of its register, print's argument into its own.
    assert.ok(moves.length <= 2, `too many moves left:\n${moves.join("\n")}`);
  });

  t("a program with few live variables touches no stack slot", () => {
    const source = "fn main() {\n    let mut i = 0\n    let mut s = 0\n    while i < 100 {\n        s += i * i ^ s >> 3\n        i += 1\n    }\n    print(s)\n}\n";
    const steps = compile(source, "few.qs", { target, check: true });
    assert.equal(homes(steps).filter((h) => h.home.kind !== "Reg"), []);
    const asm = assemblyOf(steps);
    assert.is(stackAccess[target].exec(asm)?.[0] ?? null, null);
  });

  t("when some must spill, the variables of the hot loop keep registers", () => {
    const g = golden("spill_pressure");
    const table = homes(compile(g.source, g.path, { target }));
    const spilled = table.filter((h) => h.home.kind === "Slot").map((h) => h.var);
    assert.ok(spilled.length > 0, "spill_pressure should need stack slots");
    for (const hot of table.filter((h) => /^(hot|i)\./.test(h.var))) assert.is(hot.home.kind, "Reg", `${hot.var} is used 1000 times`);
  });

  t("liveness crosses loops: values read only after them or in a later iteration stay live inside", () => {
    const g = golden("loop_liveness");
    const step = outputOf(compile(g.source, g.path, { target }), "uncover-live");
    const live = printNode(step.pass.to as IL, step.output);
    const inner = live.split("\n").filter((l) => /t\.\d+/.test(l) && /live: \{/.test(l));
    assert.ok(inner.length > 0);
    // keep is read after the outer loop, total in the outer loop's next iteration.
    for (const line of inner) assert.match(line, /keep\.\d+.*total\.\d+/, line);
  });

  t("a live set that misses a variable still needed fails under uncover-live's own IL", () => {
    const g = golden("loop_liveness");
    const step = outputOf(compile(g.source, g.path, { target, check: true }), "uncover-live");
    const program = step.output as { blocks: { instrs: { after: { kind: string; name: string }[] }[] }[] };
    const interpret = interpreterFor((step.pass.to as { name: string }).name)!;
    assert.is(interpret(program, { stdin: g.stdin }).stdout, g.stdout);
    // Drop `keep` from every set: it is read at the end, so forgetting it must fail there.
    const dropped = {
      ...program,
      blocks: program.blocks.map((b) => ({ ...b, instrs: b.instrs.map((i) => ({ ...i, after: i.after.filter((p) => !p.name.startsWith("keep.")) })) })),
    };
    assert.throws(() => interpret(dropped, { stdin: g.stdin }), /keep\.\d+/);
  });

  t.run();
}

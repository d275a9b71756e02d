// The order of the passes is data the driver checks (passes/pipeline.ts,
// style.md 19): each pass reads the IL the one before writes, and passOrder
// says what the ILs alone do not.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { backEnds, frontEnd, orderProblem, pipeline } from "../passes/pipeline.js";
import { targets } from "../ir-defs/targets.js";

test("both targets' pipelines are in order", () => {
  for (const target of targets) assert.is(orderProblem(pipeline(target)), null, target);
});

test("a pass left out that the ILs would not miss breaks a passOrder constraint", () => {
  const without = [...frontEnd.filter((p) => p.name !== "drop-unused-values"), ...backEnds.x86_64];
  assert.match(orderProblem(without) ?? "", /drop-unused-values is missing: explicate-returns must run before drop-unused-values/);
});

test("two passes swapped break the chain of ILs", () => {
  const list = [...frontEnd, ...backEnds.aarch64];
  const i = list.findIndex((p) => p.name === "lower-division");
  [list[i], list[i + 1]] = [list[i + 1]!, list[i]!];
  assert.match(orderProblem(list) ?? "", /reads La64memory, but select-instructions before it writes La64select/);
});

test("closure conversion runs after monomorphize and compile-match, and cannot move before them", () => {
  const at = (name: string) => frontEnd.findIndex((p) => p.name === name);
  const closurePasses = ["uncover-captures", "lift-functions", "convert-closures"];
  for (const name of closurePasses) assert.ok(at(name) > at("monomorphize") && at(name) > at("compile-match"), name);
  // A closure over a T is converted in each instance, and one inside a match arm once the arm is a branch:
  // the three passes moved to just after uniquify no longer fit the chain of ILs.
  const moved = frontEnd.filter((p) => !closurePasses.includes(p.name));
  moved.splice(at("uniquify") + 1, 0, ...frontEnd.filter((p) => closurePasses.includes(p.name)));
  assert.match(orderProblem([...moved, ...backEnds.x86_64]) ?? "", /uncover-captures reads Ltasks, but uniquify before it writes Luniq/);
});

test.run();

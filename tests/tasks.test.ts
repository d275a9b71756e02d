// Concurrent programs through the whole compiler (issue 19): the property of
// props/tasks-check.ts on generated programs (every pass's output in its IL;
// the binaries of both targets give what the program means on the scheduler
// model, leaking nothing), which must end every way a concurrent program can.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { taskProgramsWithExits } from "../props/generator-tasks.js";
import { checkTaskPrograms } from "../props/tasks-check.js";
import { quickTasks } from "./props/quick.js";

test("generated concurrent programs: every pass's output is in its IL, and the binaries of both targets give what the program means, leaking nothing", () => {
  const { failure, endings } = checkTaskPrograms(quickTasks.runs, quickTasks.seed);
  assert.is(failure, null, failure ? `${failure.message}\nfor:\n${failure.source}` : "");
  assert.equal([...endings].sort(), ["bad channel capacity", "deadlock", "ends", "send on closed channel"], "the sample ends every way");
});

test("generated concurrent programs with loops and returns, breaks and continues that leave scopes: the same, each scope left still waiting for its tasks", () => {
  const { failure } = checkTaskPrograms(quickTasks.runs, quickTasks.seed, taskProgramsWithExits);
  assert.is(failure, null, failure ? `${failure.message}\nfor:\n${failure.source}` : "");
});

test.run();

// Every fault of `npm run mutants` still applies: its text occurs exactly once
// in the compiled file it changes. A pass edited under a mutant would
// otherwise stop the next mutants run at that fault, long after the edit.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mutants } from "./props/mutants.js";
import { occurrences } from "./props/scratch.js";

test("every mutant's text occurs exactly once in its compiled file", () => {
  const stale = mutants.flatMap((m) => {
    const found = occurrences(m);
    return found === 1 ? [] : [`${m.name}: ${found} times in dist/${m.file}`];
  });
  assert.equal(stale, []);
});

test("mutant names are distinct, and each changes its text", () => {
  assert.equal(new Set(mutants.map((m) => m.name)).size, mutants.length);
  assert.equal(mutants.filter((m) => m.from === m.to).map((m) => m.name), []);
});

test.run();

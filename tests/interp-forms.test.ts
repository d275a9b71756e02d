// The two forms of the tree and Lcfg interpreters (interp/tree.ts): on every
// golden program at every IL from Lsrc to Lalloc, the generator form gives
// what the interpreter gives (interp/index.ts): for a program that spawns
// nothing, the direct form, so the two forms agree: the same output, status,
// panic, live objects, and the same fuel spent (a run cut short by its fuel
// is cut at the same step); for one that spawns, the generator form itself.
// A run that filled JavaScript's stack in either only has to do so in both
// (generator frames are bigger, so the generator form's stack fills after
// fewer calls).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../driver/driver.js";
import { ilName } from "../il/pass.js";
import { generatorInterpreterFor, interpreterFor } from "../interp/index.js";
import { describeOutcome } from "../interp/runtime-model.js";
import { isRejected, loadGoldens } from "./golden-programs.js";

const fuel = 100_000; // enough for most programs to end; the rest are compared up to where the fuel ran out

for (const g of loadGoldens().filter((g) => !isRejected(g))) {
  test(`${g.name}: the generator form of every tree and Lcfg interpreter gives what the interpreter gives`, () => {
    let forms = 0;
    for (const step of compile(g.source, g.path, { target: "x86_64" })) {
      if (typeof step.pass.to === "string") continue;
      const il = ilName(step.pass.to);
      const generators = generatorInterpreterFor(il);
      if (generators === undefined) continue;
      const direct = interpreterFor(il)!(step.output, { stdin: g.stdin, fuel });
      const stopping = generators(step.output, { stdin: g.stdin, fuel });
      forms++;
      const where = `${step.pass.name} -> ${il}: the interpreter ${describeOutcome(direct)}, the generator form ${describeOutcome(stopping)}`;
      if (direct.hostStack || stopping.hostStack) {
        assert.ok(direct.hostStack && stopping.hostStack, where);
        continue;
      }
      assert.equal({ ...stopping, live: stopping.live ?? null }, { ...direct, live: direct.live ?? null }, where);
    }
    assert.ok(forms >= 20, `only ${forms} tree and Lcfg ILs ran`);
  });
}

test.run();

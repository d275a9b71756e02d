// The runtime's primitives under core.string and core.io (qn_string_byte,
// qn_string_slice, qn_write_string, qn_input_line) against their model
// (interp/runtime-model.ts, which every interpreter calls): random command
// scripts, fed on standard input to tests/primitives/driver.qs compiled for
// both targets (AArch64 under qemu), print the same, end with the same status
// and panic, and leave nothing live (the leak check), as the same script run
// on the model's routines. The scripts cut strings at every kind of index
// (inside a character, past the end, negative), mix input_line with
// read_int, and read to the end of input with and without a last newline.
// Planted faults in copies of the model (a slice that cuts a character, ...)
// each disagree with the runtime on some script, which the property finds.
import { rmSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";
import { RuntimeModel, type Outcome } from "../interp/runtime-model.js";
import { agreeWithModel, driverBinaries } from "./driver-scripts.js";

const driverFile = join(packageRoot, "tests", "primitives", "driver.qs");
const pieces = ["a", "\n", "\u{e9}", "\u{20ac}", "\u{1f600}", "\0", "\r", "xyz"];

type Command =
  | { readonly op: 1; readonly line: string }
  | { readonly op: 2; readonly i: number }
  | { readonly op: 3; readonly a: number; readonly b: number }
  | { readonly op: 4; readonly k: number }
  | { readonly op: 5 };
interface Script {
  readonly commands: readonly Command[];
  /** The end: `0` (stop), or `9` with the lines left and whether the last ends in a newline. */
  readonly rest: { readonly lines: readonly string[]; readonly ended: boolean } | null;
}

/** An index near where strings of a few pieces end, sometimes negative or far out. */
const index = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 14 }), weight: 6 }, { arbitrary: fc.constantFrom(-1, -9, 1000, -9223372036854775807), weight: 1 });
const line = fc.array(fc.constantFrom("a", "é", "😀", "\r", " ", "\0", "\t", "9"), { maxLength: 6 }).map((cs) => cs.join(""));
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant(1 as const), line }),
  fc.record({ op: fc.constant(2 as const), i: index }),
  fc.record({ op: fc.constant(3 as const), a: index, b: index }),
  { arbitrary: fc.record({ op: fc.constant(4 as const), k: fc.integer({ min: 0, max: pieces.length - 1 }) }), weight: 3 },
  fc.record({ op: fc.constant(5 as const) }),
);
const script: fc.Arbitrary<Script> = fc.record({
  commands: fc.array(command, { maxLength: 16 }),
  rest: fc.option(fc.record({ lines: fc.array(line, { maxLength: 4 }), ended: fc.boolean() })),
});

/** The script as the driver reads it. */
function stdinOf(s: Script): string {
  const lines = s.commands.flatMap((c): (string | number)[] => {
    switch (c.op) {
      case 1: return [1, c.line];
      case 2: return [2, c.i];
      case 3: return [3, c.a, c.b];
      case 4: return [4, c.k];
      case 5: return [5];
    }
  });
  const head = lines.map((l) => `${l}\n`).join("");
  if (s.rest === null) return `${head}0\n`;
  const rest = s.rest.lines.join("\n") + (s.rest.ended && s.rest.lines.length > 0 ? "\n" : "");
  return `${head}9\n${rest}`;
}

/** What the model's routines do with the script: the driver's loop, written over them. */
function onModel(stdin: string, model: typeof RuntimeModel = RuntimeModel): Outcome {
  const m = new model({ stdin });
  return m.run(() => {
    let s = "";
    for (;;) {
      const op = m.readInt();
      if (op === 0n) return;
      if (op === 1n) {
        s = m.inputLine();
        m.printInt(BigInt(Buffer.byteLength(s)));
      } else if (op === 2n) m.printInt(m.stringByte(s, m.readInt()));
      else if (op === 3n) {
        const a = m.readInt();
        s = m.stringSlice(s, a, m.readInt());
        m.writeString(`${s}|\n`);
      } else if (op === 4n) s += pieces[Number(m.readInt())] ?? "xyz";
      else if (op === 5n) m.writeString(s);
      else {
        for (let l = m.inputLine(); l !== ""; l = m.inputLine()) m.printInt(BigInt(Buffer.byteLength(l)));
        m.printString("end");
        return;
      }
    }
  });
}

const { dir, binaries } = driverBinaries(driverFile, "qnano-primitives-");

/** The binary's run of a script against the model's (or a faulty copy's). */
function agree(s: Script, model: typeof RuntimeModel = RuntimeModel): void {
  const stdin = stdinOf(s);
  agreeWithModel(binaries, stdin, onModel(stdin, model));
}

test("examples: a line read raw, a byte, a slice of whole characters, one inside a character, the end of input", () => {
  agree({ commands: [{ op: 1, line: "h\u{e9}\r" }, { op: 2, i: 1 }, { op: 3, a: 0, b: 3 }, { op: 5 }], rest: { lines: ["", "x"], ended: false } });
  agree({ commands: [{ op: 4, k: 4 }, { op: 3, a: 0, b: 2 }], rest: null });
  agree({ commands: [{ op: 4, k: 2 }, { op: 2, i: 2 }], rest: null });
  agree({ commands: [], rest: { lines: [], ended: false } });
  assert.is(onModel("4\n2\n3\n1\n2\n0\n").panic, "index out of bounds");
});

test("property: random scripts give the same output, status, panic and leak check on both targets as on the model", () => {
  fc.assert(fc.property(script, (s) => agree(s)), { numRuns: 60 });
});

test("a line longer than the runtime's line buffer grows it (and the 64 KiB input buffer refills mid-line)", () => {
  const long = "\u{20ac}".repeat(30_000);
  agree({ commands: [{ op: 1, line: long }, { op: 2, i: 89_999 }, { op: 3, a: 3, b: 6 }], rest: { lines: [long, "z"], ended: true } });
});

/** Planted faults: copies of the model that each get one routine wrong. */
const faults: readonly { name: string; model: typeof RuntimeModel }[] = [
  {
    name: "a slice may cut a character",
    model: class extends RuntimeModel {
      override stringSlice(text: string, start: bigint, end: bigint): string {
        const bytes = Buffer.from(text, "utf8");
        if (start < 0n || end > BigInt(bytes.length) || start > end) this.indexOutOfBounds();
        return bytes.subarray(Number(start), Number(end)).toString("utf8");
      }
    },
  },
  {
    name: "input_line drops the newline",
    model: class extends RuntimeModel {
      override inputLine(): string {
        return super.inputLine().replace(/\n$/, "");
      }
    },
  },
  {
    name: "a negative index reads from the end",
    model: class extends RuntimeModel {
      override stringByte(text: string, i: bigint): bigint {
        return super.stringByte(text, i < 0n ? i + BigInt(Buffer.byteLength(text)) : i);
      }
    },
  },
];

for (const fault of faults) {
  test(`the property finds a planted fault: ${fault.name}`, () => {
    const found = fc.check(fc.property(script, (s) => agree(s, fault.model)), { numRuns: 200, seed: 1 });
    assert.ok(found.failed, "no script told the faulty model from the runtime");
  });
}

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();

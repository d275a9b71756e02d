// Arrays of Bool are arrays of bytes (spec/heap.md, kind 5): the heap model's
// object is 24 + length bytes and takes only byte accesses to its elements; the
// compiled code reads and writes an element with one byte instruction on each
// target; and the runtime's qn_array and qn_release, driven by random scripts
// on standard input through tests/byte-arrays/driver.qs compiled for both
// targets (AArch64 under qemu), print, end and leave nothing live (the leak
// check, which adds each object's size when it is made and takes it off when it
// is freed) as the model's routines do on the same script.
import { rmSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assemblyOf, compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { targets } from "../ir-defs/targets.js";
import { arrayInfo, elementsOffset, kinds, lengthOffset } from "../ir-defs/heap-layout.js";
import { Panic } from "../ir-defs/semantics.js";
import { Heap } from "../interp/heap.js";
import { RuntimeModel, type Outcome } from "../interp/runtime-model.js";
import { agreeWithModel, driverBinaries } from "./driver-scripts.js";

const bytesInfo = arrayInfo("0", 1n);

test("the heap model: an array of Bool is of kind bytes, 24 + length bytes, a byte an element", () => {
  const heap = new Heap();
  assert.is(bytesInfo, kinds.bytes);
  const a = heap.allocArray(13n, 1n, bytesInfo);
  assert.equal(heap.live(), { objects: 1, bytes: 24 + 13 });
  assert.is(heap.load(a + BigInt(lengthOffset)), 13n);
  heap.store(a + BigInt(elementsOffset) + 12n, 0x100n, 1n); // a byte keeps its low 8 bits
  assert.is(heap.load(a + BigInt(elementsOffset) + 12n, 1n), 0n);
  assert.is(heap.load(a + BigInt(elementsOffset) + 11n, 1n), 1n);
  assert.throws(() => heap.load(a + BigInt(elementsOffset) + 8n), /8 byte\(s\) at byte 32 of an array of bytes/, "a word load of its elements");
  assert.throws(() => heap.store(a + BigInt(elementsOffset), 0n), /array of bytes/, "a word store into it");
  assert.throws(() => heap.load(a + BigInt(elementsOffset) + 13n, 1n), /outside the object/, "one past its last byte");
  const words = heap.allocArray(2n, 7n, arrayInfo("0", 8n));
  assert.throws(() => heap.load(words + BigInt(elementsOffset), 1n), /whose words are 8 bytes/, "a byte load of an array of words");
  heap.release(a);
  heap.release(words);
  assert.equal(heap.live(), { objects: 0, bytes: 0 });
});

const program = `fn main() {
    let a = array(read_int(), true)
    let i = read_int()
    a[i] = false
    if a[i + 1] { print(1) }
    let b = array(3, 5)
    b[i] = 6
    print(b[i + 1])
}`;

test("compiled code reads and writes an element of an array of Bool with one byte instruction, an Int array's with a word one", () => {
  const want: Record<string, [RegExp, RegExp, RegExp]> = {
    x86_64: [/\n\s+movzbq\s+24\(%\w+,%\w+,1\), %\w+\n/, /\n\s+movb\s+\$0, 24\(%\w+,%\w+,1\)\n/, /\n\s+movq\s+\$6, 24\(%\w+,%\w+,8\)\n/],
    aarch64: [/\n\s+ldrb\s+w\d+, \[x\d+, #24\]\n/, /\n\s+strb\s+wzr, \[x\d+, #24\]\n/, /\n\s+add\s+x\d+, x\d+, x\d+, lsl #3\n/],
  };
  for (const target of targets) {
    const asm = assemblyOf(compile(program, "bytes.qs", { target }));
    for (const pattern of want[target]!) assert.match(asm, pattern, `${target}: ${pattern}`);
  }
});

type Command = { readonly op: 1; readonly n: number; readonly b: boolean } | { readonly op: 2; readonly i: number } | { readonly op: 3; readonly i: number; readonly b: boolean } | { readonly op: 4 };

/** Lengths mostly short, sometimes empty, past the allocator's small sizes (a mapping of its own) or negative. */
const length = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 40 }), weight: 6 }, { arbitrary: fc.integer({ min: 1000, max: 70_000 }), weight: 2 }, { arbitrary: fc.constantFrom(-1, -5), weight: 1 });
/** Indexes near the start and the end of short arrays, sometimes negative or far out. */
const index = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 45 }), weight: 8 }, { arbitrary: fc.constantFrom(-1, 999, 69_999, -9223372036854775807), weight: 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant(1 as const), n: length, b: fc.boolean() }),
  { arbitrary: fc.record({ op: fc.constant(2 as const), i: index }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant(3 as const), i: index, b: fc.boolean() }), weight: 3 },
  fc.record({ op: fc.constant(4 as const) }),
);
const script = fc.array(command, { maxLength: 14 });

const stdinOf = (s: readonly Command[]): string =>
  [...s.flatMap((c) => (c.op === 1 ? [1, c.n, c.b ? 1 : 0] : c.op === 2 ? [2, c.i] : c.op === 3 ? [3, c.i, c.b ? 1 : 0] : [4])), 0].map((x) => `${x}\n`).join("");

/** What the model's routines (qn_array, loads and stores of bytes, qn_release) do with the script: the driver's loop over them. */
function onModel(stdin: string): Outcome {
  const m = new RuntimeModel({ stdin });
  const element = (a: bigint, i: bigint): bigint => {
    if (i < 0n || i >= (m.heap.load(a + BigInt(lengthOffset)) as bigint)) throw new Panic("index out of bounds");
    return a + BigInt(elementsOffset) + i;
  };
  return m.run(() => {
    let a = m.heap.allocArray(0n, 0n, bytesInfo);
    try {
      for (;;) {
        const op = m.readInt();
        if (op === 0n) return;
        if (op === 1n) {
          const n = m.readInt();
          const made = m.heap.allocArray(n, m.readInt() === 1n ? 1n : 0n, bytesInfo);
          m.heap.release(a);
          a = made;
          m.printInt(m.heap.load(a + BigInt(lengthOffset)) as bigint);
        } else if (op === 2n) m.printInt(m.heap.load(element(a, m.readInt()), 1n) as bigint);
        else if (op === 3n) {
          const at = element(a, m.readInt());
          m.heap.store(at, m.readInt() === 1n ? 1n : 0n, 1n);
        } else {
          let count = 0n;
          for (let k = 0n; k < (m.heap.load(a + BigInt(lengthOffset)) as bigint); k++) count += m.heap.load(a + BigInt(elementsOffset) + k, 1n) as bigint;
          m.printInt(count);
        }
      }
    } finally {
      m.heap.release(a);
      if (m.heap.live().bytes !== 0) throw new Error(`the model leaks ${m.heap.live().bytes} bytes`);
    }
  });
}

const { dir, binaries } = driverBinaries(join(packageRoot, "tests", "byte-arrays", "driver.qs"), "qnano-byte-arrays-");
const agree = (s: readonly Command[]): void => agreeWithModel(binaries, stdinOf(s), onModel(stdinOf(s)));

test("examples: an empty array, a write and a read, a count, one past the end, a negative length", () => {
  agree([{ op: 1, n: 0, b: true }, { op: 4 }]);
  agree([{ op: 1, n: 9, b: true }, { op: 3, i: 8, b: false }, { op: 2, i: 8 }, { op: 2, i: 7 }, { op: 4 }]);
  agree([{ op: 1, n: 70_000, b: true }, { op: 3, i: 69_999, b: false }, { op: 4 }, { op: 1, n: 3, b: false }, { op: 4 }]);
  agree([{ op: 1, n: 5, b: false }, { op: 2, i: 5 }]);
  agree([{ op: 1, n: -1, b: false }]);
  assert.is(onModel("1\n5\n1\n2\n5\n0\n").panic, "index out of bounds");
});

test("property: random scripts give the same output, status, panic and leak check on both targets as on the model", () => {
  fc.assert(fc.property(script, (s) => agree(s)), { numRuns: 40 });
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();

// Realizing a loop kernel (the skeleton's `kernel` statement): a small loop
// nest over arrays of its own, of the kind the optimisations of issue 20 work
// on, which the rest of the generator writes seldom (its arrays come from the
// program's palette of types, and few of them are arrays of Int or Bool).
// Each kernel is a block that declares what it uses, so it fits anywhere:
//
//   0. a sieve over an array of Bool (bytes; a counter squared, a stride)
//   1. prefix sums, a[i] += a[i - 1] (an index below the counter), or one
//      past the end (a panic that no dropped check may hide); some summed
//      with shifts by 40 (a count a 32-bit shift would take mod 32) and of a
//      negative value (where >> keeps the sign)
//   2. a dot product of two arrays of different lengths (a product of two
//      variables; the counter times a variable)
//   3. rows and columns, m[i * c + j], written by rows and read by columns
//      (or with the value ((i * c) + 1) * seed + j: the row's start computed
//      twice in the inner loop, once more to build on, all invariant there)
//   4. a walk down from the end, i -= 1 while i >= 0 (or to -1: a panic;
//      or dividing by i, which is 0 on the last turn: a division by zero
//      whose divisor is a variable)
//   5. flags of Bool made from their neighbours (or one past the end), then
//      counted by `for f in a`
//
// and, as the variant of shapes 0, 2, 3 and 5 that the others take for
// shifts and division, kernels over records (props/realize-record-kernels.ts).
//
// A kernel reads one value of the code around it (`seed`, evaluated once)
// and its length from a literal or from a variable (masked to 0..15), so that
// neither folds away; it prints what it computed.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type { Stmt } from "./skeleton.js";
import { bin, block, call, exprStmt, forRange, int, letStmt, print, v, type Context, type Walk } from "./walk.js";
import { recordKernel } from "./realize-record-kernels.js";

type Kernel = Extract<Stmt, { k: "kernel" }>;

/** The kernels' names, for the coverage count (props/constructs.ts). */
export const kernelConstructs = [
  "kernel: sieve over an array of Bool", "kernel: prefix sums", "kernel: prefix sums one past the end", "kernel: dot product",
  "kernel: rows and columns", "kernel: walk down", "kernel: walk down past the start", "kernel: flags from their neighbours",
  "kernel: prefix sums with shifts", "kernel: walk down dividing by the index", "kernel: rows and columns, the row's start twice",
] as const;

const whileLoop = (cond: Lsrc.Expr, ...body: Lsrc.Stmt[]): Lsrc.While => ({ kind: "While", cond, body: block(...body) });
const when = (cond: Lsrc.Expr, ...body: Lsrc.Stmt[]): Lsrc.Stmt => exprStmt({ kind: "If", cond, then: block(...body), else: null });
const at = (array: string, index: Lsrc.Expr): Lsrc.Index => ({ kind: "Index", target: v(array), index });
const store = (array: string, index: Lsrc.Expr, op: Lsrc.SetIndex["op"], value: Lsrc.Expr): Lsrc.SetIndex => ({ kind: "SetIndex", array: v(array), index, op, value });
const assign = (name: string, op: Lsrc.Assign["op"], value: Lsrc.Expr): Lsrc.Assign => ({ kind: "Assign", name, op, value });
const len = (array: string): Lsrc.Expr => call("len", v(array));

/** `(e << 40) ^ (~(e & 255) >> ((i & 7) + 1))`: a shift by a count over 31, and an arithmetic shift of a negative value. */
const shifted = (e: Lsrc.Expr, i: Lsrc.Expr): Lsrc.Expr =>
  bin(bin(e, "<<", int(40n)), "^", bin({ kind: "Unary", op: "~", arg: bin(e, "&", int(255n)) }, ">>", bin(bin(i, "&", int(7n)), "+", int(1n))));

/** The kernel `s` as statements (one block). */
export function kernel(w: Walk, s: Kernel, ctx: Context): Lsrc.Stmt[] {
  const [x, n, a, b, i, j, sum] = ["kx", "kn", "ka", "kb", "ki", "kj", "ks"].map((name) => w.fresh(name)) as [string, string, string, string, string, string, string];
  // The length: a literal, or a variable of the code around masked to 0..15.
  const variable = s.pick % 3 === 0 ? w.variable(ctx, "Int", s.pick) : null;
  const length = variable === null ? int(BigInt(s.n)) : bin(variable, "&", int(15n));
  const shape = s.shape % 6;
  const past = s.pick % 5 === 4; // the variants that run one element too far
  const other = s.pick % 5 === 1; // prefix sums with shifts, a walk down dividing by the index
  const lets = [letStmt(x, w.int(s.seed, ctx)), letStmt(n, length)];
  // The variant `other` of the shapes that have none of their own: a kernel over records.
  if (other && [0, 2, 3, 5].includes(shape)) return [exprStmt(block(...lets, ...recordKernel(w, shape, x, n)))];
  const name = kernelConstructs[[0, past ? 2 : 1, 3, 4, past ? 6 : 5, 7][shape]!]!;
  w.used.add(name);
  if (other && (shape === 1 || shape === 4)) w.used.add(kernelConstructs[shape === 1 ? 8 : 9]);
  if (shape === 5 && past) w.used.add("index walk one past the end of an array of Bool");
  const twice = shape === 3 && s.pick % 5 === 2; // the row's start computed twice
  if (twice) w.used.add(kernelConstructs[10]);
  const body = ((): Lsrc.Stmt[] => {
    switch (shape) {
      case 0: return [
        letStmt(a, call("array", v(n), { kind: "Bool", value: true })),
        letStmt(i, int(2n), true),
        whileLoop(bin(bin(v(i), "*", v(i)), "<", v(n)),
          when(at(a, v(i)), letStmt(j, bin(v(i), "*", v(i)), true), whileLoop(bin(v(j), "<", v(n)), store(a, v(j), "=", { kind: "Bool", value: false }), assign(j, "+=", v(i)))),
          assign(i, "+=", int(1n))),
        letStmt(sum, int(0n), true),
        forRange(j, int(0n), len(a), when(at(a, v(j)), assign(sum, "+=", bin(v(j), "*", v(x))))),
        print(v(sum)),
      ];
      case 1: return [
        letStmt(a, call("array", v(n), v(x))),
        forRange(i, int(0n), len(a), store(a, v(i), "=", bin(bin(at(a, v(i)), "*", v(i)), "+", v(x)))),
        forRange(i, int(1n), past ? bin(len(a), "+", int(1n)) : len(a), store(a, v(i), "+=", at(a, bin(v(i), "-", int(1n))))),
        letStmt(sum, int(0n), true),
        forRange(i, int(0n), len(a), assign(sum, "=", bin(bin(v(sum), "*", int(7n)), "^", other ? shifted(at(a, v(i)), v(i)) : at(a, v(i))))),
        print(v(sum)),
      ];
      case 2: return [
        letStmt(a, call("array", v(n), int(0n))),
        letStmt(b, call("array", bin(bin(v(n), "/", int(2n)), "+", int(BigInt(s.n % 3))), int(0n))),
        forRange(i, int(0n), len(a), store(a, v(i), "=", bin(bin(v(x), "*", v(i)), "+", int(1n)))),
        forRange(i, int(0n), len(b), store(b, v(i), "=", bin(bin(v(i), "*", v(i)), "-", v(x)))),
        letStmt(sum, int(0n), true),
        letStmt(j, int(0n), true),
        whileLoop(bin(bin(v(j), "<", len(a)), "&&", bin(v(j), "<", len(b))), assign(sum, "+=", bin(at(a, v(j)), "*", at(b, v(j)))), assign(j, "+=", int(1n))),
        print(v(sum)),
      ];
      case 3: {
        // n rows of (seed & 3) + 1 columns.
        const [rows, cols] = [v(n), bin(bin(v(x), "&", int(3n)), "+", int(1n))];
        const cell = bin(bin(v(i), "*", v(b)), "+", v(j));
        const value = twice ? bin(bin(bin(bin(v(i), "*", v(b)), "+", int(1n)), "*", v(x)), "+", v(j)) : bin(bin(v(i), "*", v(x)), "+", v(j));
        return [
          letStmt(b, cols),
          letStmt(a, call("array", bin(rows, "*", v(b)), int(0n))),
          forRange(i, int(0n), rows, forRange(j, int(0n), v(b), store(a, cell, "=", value))),
          letStmt(sum, int(0n), true),
          forRange(j, int(0n), v(b), forRange(i, int(0n), rows, assign(sum, "=", bin(bin(v(sum), "*", int(31n)), "+", at(a, cell))))),
          print(v(sum)),
        ];
      }
      case 4: return [
        letStmt(a, call("array", v(n), v(x))),
        letStmt(i, bin(len(a), "-", int(1n)), true),
        letStmt(sum, int(1n), true),
        whileLoop(bin(v(i), ">=", int(past ? -1n : 0n)), store(a, v(i), "+=", v(i)), assign(sum, "=", bin(bin(v(sum), "*", int(3n)), "+", other ? bin(at(a, v(i)), "/", v(i)) : at(a, v(i)))), assign(i, "-=", int(1n))),
        print(v(sum)),
      ];
      default: return [
        letStmt(a, call("array", v(n), { kind: "Bool", value: false })),
        forRange(i, int(0n), len(a), store(a, v(i), "=", bin(bin(bin(v(i), "*", v(x)), "%", int(3n)), "==", int(0n)))),
        forRange(i, int(1n), past ? bin(len(a), "+", int(1n)) : len(a), store(a, v(i), "=", bin(at(a, v(i)), "!=", at(a, bin(v(i), "-", int(1n)))))),
        letStmt(sum, int(0n), true),
        { kind: "ForEach", name: j, iter: v(a), body: block(when(v(j), assign(sum, "+=", int(1n)))) },
        print(v(sum)),
      ];
    }
  })();
  return [exprStmt(block(...lets, ...body))];
}

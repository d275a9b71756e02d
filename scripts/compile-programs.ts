// The generated programs of `npm run bench`'s compile-speed section: the same
// program in Quastra and in C, of (about) a given number of lines, in two
// shapes. In both, the number of variables live at once stays bounded whatever
// the length (interference is quadratic in it by nature), so the growth from
// 10k to 100k lines measures the compiler, not the program.
//
// - "one long function": main alone, a sequence of blocks of 9 lines, each
//   with its own short-lived variables (a, b) beside the two that live
//   throughout (s, t);
// - "many small functions": functions of 8 lines, each calling the next in a
//   tail call, and main calling the first (written last first, so that C
//   needs no declarations).

export type Shape = "one long function" | "many small functions";
export const shapes: readonly Shape[] = ["one long function", "many small functions"];

export interface Program {
  readonly qs: string;
  readonly c: string;
  /** Lines of the Quastra program (the C one has a few more: its #include, its return). */
  readonly lines: number;
}

/** One block of the long function, in Quastra and in C: 9 lines each. */
function block(k: number): { qs: string[]; c: string[] } {
  return {
    qs: [
      "    {",
      `        let mut a = ${k % 1000}`,
      "        let b = a * 3 + 7",
      "        while a < b { a = a + 5 }",
      "        if a % 2 == 0 { a = a / 2 } else { a = 3 * a + 1 }",
      "        s = s ^ (a << 3)",
      "        t += a & 255",
      "        if s < 0 || t > 100000 { t = t - s % 7 }",
      "    }",
    ],
    c: [
      "    {",
      `        long a = ${k % 1000};`,
      "        long b = a * 3 + 7;",
      "        while (a < b) { a = a + 5; }",
      "        if (a % 2 == 0) { a = a / 2; } else { a = 3 * a + 1; }",
      "        s = s ^ (a << 3);",
      "        t += a & 255;",
      "        if (s < 0 || t > 100000) { t = t - s % 7; }",
      "    }",
    ],
  };
}

function longFunction(lines: number): Program {
  const qs = ["fn main() {", "    let mut s = 0", "    let mut t = 1"];
  const c = ["#include <stdio.h>", "int main(void) {", "    long s = 0;", "    long t = 1;"];
  for (let k = 0; qs.length + 9 + 3 <= lines; k++) {
    const b = block(k);
    qs.push(...b.qs);
    c.push(...b.c);
  }
  qs.push("    print(s)", "    print(t)", "}");
  c.push('    printf("%ld\\n%ld\\n", s, t);', "    return 0;", "}");
  return { qs: qs.join("\n") + "\n", c: c.join("\n") + "\n", lines: qs.length };
}

/** Function k of the many, in Quastra and in C: 8 lines each; the last one (k = n - 1) returns. */
function smallFunction(k: number, n: number): { qs: string[]; c: string[] } {
  const next = k + 1 < n ? [`f${k + 1}(`, ")"] : ["", ""];
  return {
    qs: [
      `fn f${k}(s: Int, t: Int) -> Int {`,
      `    let mut a = ${k % 1000}`,
      "    let b = a * 3 + 7",
      "    while a < b { a = a + 5 }",
      "    if a % 2 == 0 { a = a / 2 } else { a = 3 * a + 1 }",
      "    let u = t + (a & 255)",
      `    return ${next[0]}s ^ (a << 3) ^ u${next[1] ? `, u % 100000${next[1]}` : ""}`,
      "}",
    ],
    c: [
      `long f${k}(long s, long t) {`,
      `    long a = ${k % 1000};`,
      "    long b = a * 3 + 7;",
      "    while (a < b) { a = a + 5; }",
      "    if (a % 2 == 0) { a = a / 2; } else { a = 3 * a + 1; }",
      "    long u = t + (a & 255);",
      `    return ${next[0]}s ^ (a << 3) ^ u${next[1] ? `, u % 100000${next[1]}` : ""};`,
      "}",
    ],
  };
}

function manyFunctions(lines: number): Program {
  const n = Math.max(1, Math.floor((lines - 3) / 8));
  const qs: string[] = [];
  const c = ["#include <stdio.h>"];
  for (let k = n - 1; k >= 0; k--) {
    const f = smallFunction(k, n);
    qs.push(...f.qs);
    c.push(...f.c);
  }
  qs.push("fn main() {", "    print(f0(0, 1))", "}");
  c.push("int main(void) {", '    printf("%ld\\n", f0(0, 1));', "    return 0;", "}");
  return { qs: qs.join("\n") + "\n", c: c.join("\n") + "\n", lines: qs.length };
}

/** The program of a shape, of about `lines` lines (at most that many, and within one block or function of it). */
export function compileProgram(shape: Shape, lines: number): Program {
  return shape === "one long function" ? longFunction(lines) : manyFunctions(lines);
}

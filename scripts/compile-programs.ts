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

/** A program of several files: each file's path (from the program's folder) and text. */
export interface ModularProgram {
  /** The program's own file (main.qs), and its modules (mods/m0.qs, ...). */
  readonly qs: ReadonlyMap<string, string>;
  /** The same program in C: main.c and a .c file per module, compiled together. */
  readonly c: ReadonlyMap<string, string>;
  /** Lines of the Quastra files together. */
  readonly lines: number;
}

/**
 * "50 modules": the many small functions of manyFunctions, split over `modules`
 * modules mods/m0.qs ... (each imports the next: `use m1`, and calls its first
 * function as `m1.g1_0(...)`; each has a private `helper` of one name), and main.qs
 * calling the first module's first function. In C, one file per module with a
 * prototype of the next file's function, compiled together by one gcc command.
 */
export function modularProgram(lines: number, modules = 50): ModularProgram {
  const perModule = Math.max(1, Math.floor((lines - 4) / modules / 8) - 1); // (each module has a helper too)
  const qs = new Map<string, string>();
  const c = new Map<string, string>();
  let total = 0;
  for (let m = 0; m < modules; m++) {
    const last = m === modules - 1;
    const q: string[] = last ? [] : [`use m${m + 1}`];
    const cc: string[] = last ? [] : [`long g${m + 1}_0(long s, long t);`];
    for (let k = perModule - 1; k >= 0; k--) {
      const next = k + 1 < perModule ? `g${m}_${k + 1}` : last ? "" : `m${m + 1}.g${m + 1}_0`;
      const body = (ret: string, decl: string) => [
        `    ${decl} a = ${(m * perModule + k) % 1000}`,
        `    ${decl === "let mut" ? "let" : "long"} b = a * 3 + 7`,
        "    while a < b { a = a + 5 }",
        "    if a % 2 == 0 { a = a / 2 } else { a = 3 * a + 1 }",
        `    ${decl === "let mut" ? "let" : "long"} u = helper(t) + (a & 255)`,
        ret,
      ];
      q.push(`${k === 0 ? "pub " : ""}fn g${m}_${k}(s: Int, t: Int) -> Int {`, ...body(`    return ${next === "" ? "s ^ (a << 3) ^ u" : `${next}(s ^ (a << 3) ^ u, u % 100000)`}`, "let mut"), "}");
      cc.push(`${k === 0 ? "" : "static "}long g${m}_${k}(long s, long t);`);
    }
    q.push("fn helper(t: Int) -> Int { t + 1 }");
    const cBody: string[] = [`static long helper(long t) { return t + 1; }`];
    for (let k = perModule - 1; k >= 0; k--) {
      const next = k + 1 < perModule ? `g${m}_${k + 1}` : last ? "" : `g${m + 1}_0`;
      cBody.push(
        `${k === 0 ? "" : "static "}long g${m}_${k}(long s, long t) {`,
        `    long a = ${(m * perModule + k) % 1000};`,
        "    long b = a * 3 + 7;",
        "    while (a < b) { a = a + 5; }",
        "    if (a % 2 == 0) { a = a / 2; } else { a = 3 * a + 1; }",
        "    long u = helper(t) + (a & 255);",
        `    return ${next === "" ? "s ^ (a << 3) ^ u" : `${next}(s ^ (a << 3) ^ u, u % 100000)`};`,
        "}",
      );
    }
    qs.set(`mods/m${m}.qs`, q.join("\n") + "\n");
    c.set(`m${m}.c`, [...cc, ...cBody].join("\n") + "\n");
    total += q.length;
  }
  const main = ["use mods.m0", "", "fn main() {", "    print(m0.g0_0(0, 1))", "}"];
  qs.set("main.qs", main.join("\n") + "\n");
  c.set("main.c", ["#include <stdio.h>", "long g0_0(long s, long t);", "int main(void) {", '    printf("%ld\\n", g0_0(0, 1));', "    return 0;", "}"].join("\n") + "\n");
  return { qs, c, lines: total + main.length };
}

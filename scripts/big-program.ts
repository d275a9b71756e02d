// The explorer's large program for the bench (`npm run bench -- explore`): a
// Quastra program of exactly `lines` lines, made of small functions of
// arithmetic, loops and branches that main calls, like a student's program
// grown long. It runs in a moment, so that its marks measure the passes and
// the interpreters, not the program.

export function bigProgram(lines: number): string {
  const out: string[] = [];
  const calls: string[] = [];
  const body = (k: number) => [
    `    let mut a = ${k % 1000}`,
    "    let mut s = 0",
    "    while a < 20 { a = a + 5 }",
    "    if a % 2 == 0 { s = s + a } else { s = s - 1 }",
    `    for i in 0..3 { s = s + i * ${k % 7} }`,
    "    return s + n",
  ];
  // main: its opening lines, one call a function, and its last two.
  const mainLines = (fns: number) => 3 + fns + 2;
  let fns = 0;
  while (out.length + mainLines(fns + 1) + 9 <= lines) {
    out.push(`fn f${fns}(n: Int) -> Int {`, ...body(fns), "}", "");
    fns++;
  }
  for (let k = 0; k < fns; k++) calls.push(`    t = t + f${k}(${k})`);
  const main = ["fn main() {", "    let mut t = 0", "    let mut u = 1", ...calls];
  while (out.length + main.length + 2 < lines) main.push("    u = u + 1");
  main.push("    print(t + u)", "}");
  return [...out, ...main].join("\n") + "\n";
}

// The `qnano` command as a user runs it: a real process, real files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-cli-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

// uvu sets FORCE_COLOR for itself; a user's terminal would not.
const { FORCE_COLOR: _, ...withoutForceColor } = process.env;

function qnano(args: string[], input = "") {
  const r = spawnSync(process.execPath, [join(packageRoot, "bin", "qnano.js"), ...args], {
    cwd: dir,
    input,
    encoding: "utf8",
    env: { ...withoutForceColor, NO_COLOR: "1" },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const sum = write("sum.qs", "fn main() {\n    let n = read_int()\n    let mut s = 0\n    for i in 0..n { s += i }\n    print(s)\n    exit(s % 7)\n}\n");

test("--help lists the commands; each command has --help", () => {
  const r = qnano(["--help"]);
  assert.is(r.status, 0);
  for (const c of ["build", "run", "trace", "passes", "grammar"]) {
    assert.match(r.stdout, new RegExp(`\\n  ${c} `));
    const h = qnano([c, "--help"]);
    assert.is(h.status, 0, c);
    assert.match(h.stdout, new RegExp(`usage: qnano ${c}`));
  }
});

test("unknown commands and options are one-line errors with status 2", () => {
  for (const args of [["frobnicate"], ["build", "--frob"], ["grammar", "Lnope"], ["build", sum, "--target", "mips"]]) {
    const r = qnano(args);
    assert.is(r.status, 2, args.join(" "));
    assert.is(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /^qnano: /);
  }
});

test("a missing file or a directory is a one-line error with status 1", () => {
  for (const path of ["nope.qs", "."]) {
    const r = qnano(["build", path]);
    assert.is(r.status, 1);
    assert.match(r.stderr, /^qnano: cannot read .*: (no such file|is a directory)\n$/);
  }
});

test("run passes stdin, stdout and the exit status through, on both targets", () => {
  for (const target of ["x86_64", "aarch64"]) {
    const r = qnano(["run", sum, "--target", target], "10\n");
    assert.is(r.stdout, "45\n", target);
    assert.is(r.status, 45 % 7, target);
  }
});

test("build writes an executable; --emit asm writes assembly", () => {
  const b = qnano(["build", sum, "-o", "sum.exe", "--check"]);
  assert.is(b.status, 0, b.stderr);
  const run = spawnSync(join(dir, "sum.exe"), { input: "4\n", encoding: "utf8" });
  assert.is(run.stdout, "6\n");
  const a = qnano(["build", sum, "--emit", "asm", "--target", "aarch64"]);
  assert.is(a.status, 0, a.stderr);
  assert.match(readFileSync(join(dir, "sum.s"), "utf8"), /qn_main:/);
  const out = qnano(["build", sum, "--emit", "asm", "-o", "-"]);
  assert.match(out.stdout, /qn_main:/);
});

test("bad input gets file:line:col, the line, a caret and status 1", () => {
  const bad = write("bad.qs", "fn main() {\n    let x = 1\n    x = true\n}\n");
  const r = qnano(["build", bad]);
  assert.is(r.status, 1);
  assert.match(r.stderr, /^bad\.qs:3:5: error: /);
  assert.match(r.stderr, /\n 3 \|     x = true\n   \|     \^/);
  assert.not.match(r.stderr, /\x1b\[/, "no colour under NO_COLOR");
  assert.not.match(r.stderr, /at .*\.js:\d+/, "no stack trace");
});

test("passes shows every pass with its contract; grammar shows BNF and delta", () => {
  const p = qnano(["passes"]);
  assert.is(p.status, 0);
  assert.match(p.stdout, /parse\s+source text -> Lsrc/);
  assert.match(p.stdout, /emit-asm/);
  const g = qnano(["grammar", "Lmon"]);
  assert.is(g.status, 0);
  assert.match(g.stdout, /Atom\s+::= int/);
  assert.match(g.stdout, /Lmon = Lchecked/);
  assert.match(qnano(["grammar"]).stdout, /^Lsrc /);
});

test("trace prints every intermediate program, one pass, or JSON", () => {
  const all = qnano(["trace", sum]);
  assert.is(all.status, 0, all.stderr);
  assert.match(all.stdout, /── parse: source text -> Lsrc/);
  assert.match(all.stdout, /── uniquify: Ltyped -> Luniq/);
  const one = qnano(["trace", sum, "--pass", "desugar-for"]);
  assert.is(one.stdout.match(/── /g)?.length, 1);
  assert.match(one.stdout, /while/);
  const json = JSON.parse(qnano(["trace", sum, "--pass", "explicate-control", "--json"]).stdout);
  assert.is(json[0].to, "Lcfg");
  assert.is(json[0].program.kind, "Program");
  assert.is(qnano(["trace", sum, "--pass", "nope"]).status, 2);
});

test("trace --fn shows one function at a time, down to its assembly", () => {
  const two = write("two.qs", "fn main() {\n    print(twice(20))\n}\n\nfn twice(x: Int) -> Int {\n    let y = x * 2\n    y + 2\n}\n");
  const r = qnano(["trace", two, "--fn", "twice", "--target", "x86_64"]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /── parse[^\n]*\nfn twice\(x: Int\) -> Int \{/);
  assert.not.match(r.stdout, /fn main|main\.start|qn_main|print_int/, "nothing of main");
  assert.match(r.stdout, /── explicate-control[^\n]*\nfn twice\(x\.\d+\)/);
  assert.match(r.stdout, /homes:\n\s+x\.\d+ -> /, "the homes of its own variables");
  assert.match(r.stdout, /── emit-asm[^\n]*\nfn\.twice:\n/);
  const missing = qnano(["trace", two, "--fn", "thrice"]);
  assert.is(missing.status, 2);
  assert.match(missing.stderr, /no function `thrice`.*`main`, `twice`/);
});

test.run();

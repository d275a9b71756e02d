// The `qnano` command as a user runs it: a real process, real files.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { packageRoot } from "../driver/paths.js";
import { hostTarget, runtimeCache, toolNames } from "../driver/toolchain.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-cli-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

// uvu sets FORCE_COLOR for itself; a user's terminal would not.
const { FORCE_COLOR: _, ...withoutForceColor } = process.env;

function qnano(args: string[], input = "", env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(packageRoot, "bin", "qnano.js"), ...args], {
    cwd: dir,
    input,
    encoding: "utf8",
    env: { ...withoutForceColor, NO_COLOR: "1", ...env },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** qnano started in the background: the process, its stderr so far, and how it ended. */
function started(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [join(packageRoot, "bin", "qnano.js"), ...args], { cwd: dir, env: { ...withoutForceColor, NO_COLOR: "1", ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => stderr, ended };
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
  assert.is(qnano(["build", "--frob"]).stderr, "qnano: unknown option `--frob` (`qnano build --help` lists its options)\n");
  // Another command's option is said, not ignored.
  for (const [args, option] of [[["run", sum, "-o", "x"], "output"], [["run", sum, "--emit", "asm"], "emit"], [["test", sum, "--opt", "1"], "opt"]] as const) {
    const r = qnano([...args]);
    assert.is(r.status, 2, args.join(" "));
    assert.is(r.stderr, `qnano: \`--${option}\` is not an option of \`qnano ${args[0]}\` (\`qnano ${args[0]} --help\` lists its options)\n`);
  }
});

test("extra arguments are an error, not ignored (issue 14.15)", () => {
  const other = write("other.qs", "fn main() {}\n");
  for (const [args, takes] of [[["build", sum, other], "one FILE"], [["run", sum, other], "one FILE"], [["trace", sum, other], "one FILE"], [["bisect", sum, other], "one FILE"], [["explore", sum, other], "one FILE"], [["grammar", "Lsrc", "Lmon"], "one IL"], [["passes", sum], "no arguments"], [["props", sum], "no arguments"]] as const) {
    const r = qnano([...args]);
    assert.is(r.status, 2, args.join(" "));
    const extra = args[args.length - 1];
    assert.match(r.stderr, new RegExp(`^qnano: unexpected argument \`${extra}\`: \`qnano ${args[0]}\` takes ${takes}\nusage: qnano ${args[0]}\\b`), args.join(" "));
  }
  assert.not.ok(readdirSync(dir).includes("sum"), "nothing was built");
});

test("-o - is only for --emit asm: no file named `-` (issue 14.15)", () => {
  for (const args of [["build", sum, "-o", "-"], ["build", sum, "--output", "-", "--target", "aarch64"]]) {
    const r = qnano(args);
    assert.is(r.status, 2, args.join(" "));
    assert.is(r.stderr, "qnano: `-o -` (standard output) is only for `--emit asm`: an executable needs a file name\n");
    assert.is(r.stdout, "");
  }
  assert.not.ok(readdirSync(dir).includes("-"));
});

test("a missing file or a directory is a one-line error with status 1", () => {
  for (const path of ["nope.qs", "."]) {
    const r = qnano(["build", path]);
    assert.is(r.status, 1);
    assert.match(r.stderr, /^qnano: cannot read .*: (no such file|is a directory)\n$/);
  }
});

test("a FIFO, a device or a directory as FILE is refused at once, never waited on (issue 14.15)", () => {
  const made = spawnSync("mkfifo", [join(dir, "fifo.qs")]);
  assert.is(made.status, 0);
  for (const [path, why] of [["fifo.qs", "is a pipe \\(FIFO\\), not a regular file"], ["/dev/zero", "is a device, not a regular file"], [".", "is a directory"]]) {
    for (const command of ["build", "trace", "run"]) {
      // (The time limit only keeps a hang from stopping the suite: the assertion is on the answer.)
      const r = spawnSync(process.execPath, [join(packageRoot, "bin", "qnano.js"), command, path!], { cwd: dir, input: "fn main() {}\n", encoding: "utf8", timeout: 120_000 });
      assert.is(r.status, 1, `${command} ${path}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^qnano: cannot read ${path!.replace(".", "\\.")}: ${why}\n$`), `${command} ${path}`);
    }
  }
  const piped = shell(`cat ${sum} | $QNANO build /dev/stdin -o from-stdin`);
  assertOneLine(piped, /cannot read \/dev\/stdin: is a pipe \(FIFO\), not a regular file/, "a pipe behind /dev/stdin");
  const redirected = shell(`$QNANO build /dev/stdin -o from-stdin < ${sum}`);
  assert.is(redirected.status, 0, `a regular file behind /dev/stdin is read: ${redirected.stderr}`);
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

test("control characters in a file name or the source never reach the terminal raw (issue 14.3)", () => {
  const name = write("\x1b]0;retitled\x07.qs", "fn main() {\n    let x = \"\x1b[2J\" // \x1b]0;retitled\x07\n    x = 1\n}\n");
  for (const args of [["build", name], ["build", `missing-${name}`]]) {
    const r = qnano(args);
    assert.is(r.status, 1);
    assert.not.match(r.stderr, /[\x00-\x09\x0b-\x1f\x7f]/, "only line breaks");
    assert.match(r.stderr, /\\u\{1b\}\]0;retitled\\u\{7\}\.qs/);
  }
});

test("invalid UTF-8 is an error at its place; a byte-order mark is skipped (issue 14.5)", () => {
  writeFileSync(join(dir, "latin1.qs"), Buffer.concat([Buffer.from('fn main() {\n    print("caf'), Buffer.from([0xe9]), Buffer.from('")\n}\n')]));
  const bad = qnano(["build", "latin1.qs", "-o", "latin1"]);
  assert.is(bad.status, 1);
  assert.is(bad.stderr, 'latin1.qs:2:15: error: invalid UTF-8 byte 0xe9: source files are UTF-8 text\n 2 |     print("caf\ufffd")\n   |               ^\n\n1 error\n');
  writeFileSync(join(dir, "bom.qs"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('fn main() {\n    print("caf\u{e9}")\n}\n')]));
  const good = qnano(["run", "bom.qs"]);
  assert.is(good.stderr, "");
  assert.is(good.stdout, "caf\u{e9}\n");
  // A module's file that is there but not UTF-8: said as such at the `use`, not "cannot find".
  writeFileSync(join(dir, "latin1mod.qs"), Buffer.concat([Buffer.from("pub fn f() -> String { \"caf"), Buffer.from([0xe9]), Buffer.from('" }\n')]));
  writeFileSync(join(dir, "uses.qs"), "use latin1mod\nfn main() { print(latin1mod.f()) }\n");
  const used = qnano(["build", "uses.qs", "-o", "uses"]);
  assert.is(used.status, 1);
  assert.match(used.stderr, /^uses\.qs:1:1: error: cannot use the module `latin1mod`: latin1mod\.qs:1:28: invalid UTF-8 byte 0xe9: source files are UTF-8 text\n/);
});

// ---------------------------------------------------------------- writing output (issue 14.10)

/** Runs a bash script in the test folder, with $QNANO the command. */
function shell(script: string, options: { uid?: number } = {}) {
  // --norc: with its standard input a socket (node's pipes are) and SHLVL unset, bash reads ~/.bashrc,
  // which another user may not read (run as nobody: "bash: /root/.bashrc: Permission denied").
  const r = spawnSync("bash", ["--norc", "-c", script], {
    cwd: dir,
    encoding: "utf8",
    env: { ...withoutForceColor, NO_COLOR: "1", QNANO: `${process.execPath} ${join(packageRoot, "bin", "qnano.js")}` },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** One line on stderr, `qnano: ...`, and status 1. */
function assertOneLine(r: { stderr: string; status: number | null }, message: RegExp, what: string) {
  assert.is(r.status, 1, `${what}: ${r.stderr}`);
  assert.match(r.stderr, new RegExp(`^qnano: ${message.source}\\n$`), what);
}

test("an output file that cannot be written is one line and status 1, never a success or a stack trace", () => {
  mkdirSync(join(dir, "a-folder"), { recursive: true });
  const long = "x".repeat(300);
  const cases: [string, RegExp, string[][]][] = [
    ["missing/out", /cannot write missing\/out: no such directory: missing/, [[], ["--emit", "asm"]]],
    ["a-folder", /cannot write a-folder: is a directory/, [[], ["--emit", "asm"]]],
    ["/dev/full", /cannot write \/dev\/full: no space left on device/, [[], ["--emit", "asm"]]],
    [long, new RegExp(`cannot write ${long}: file name too long`), [[]]],
  ];
  for (const [out, message, emits] of cases) {
    for (const emit of emits) assertOneLine(qnano(["build", sum, "-o", out, ...emit]), message, `${emit.join(" ")} -o ${out}`);
  }
  assert.is(qnano(["build", sum, "-o", "/dev/null"]).status, 0, "a device is written through");
  const noTmp = qnano(["build", sum], "", { TMPDIR: join(dir, "no-such-tmp") });
  assertOneLine(noTmp, /cannot make a temporary folder in .*no-such-tmp: no such directory: .*/, "TMPDIR missing");
});

test("an output folder the user may not write to is one line and status 1 (run as nobody)", () => {
  const place = mkdtempSync(join(tmpdir(), "qnano-cli-nobody-"));
  try {
    chmodSync(place, 0o755);
    writeFileSync(join(place, "sum.qs"), readFileSync(join(dir, sum)));
    mkdirSync(join(place, "locked"), { mode: 0o755 });
    mkdirSync(join(place, "tmp"));
    chownSync(join(place, "tmp"), 65534, 65534);
    for (const emit of ["", "--emit asm"]) {
      const r = shell(`cd ${place} && TMPDIR=${place}/tmp $QNANO build sum.qs ${emit} -o locked/out`, { uid: 65534 });
      assertOneLine(r, /cannot write locked\/out: permission denied/, `as nobody ${emit}`);
    }
  } finally {
    rmSync(place, { recursive: true, force: true });
  }
});

test("standard output closed or full is one line and status 1 (trace, passes, --emit asm -o -)", () => {
  for (const command of [`trace ${sum}`, "passes", `build ${sum} --emit asm -o -`]) {
    assertOneLine(shell(`exec $QNANO ${command} >&-`), /cannot write to standard output: it is closed/, `${command} >&-`);
    assertOneLine(shell(`exec $QNANO ${command} >/dev/full`), /cannot write to standard output: no space left on device/, `${command} >/dev/full`);
  }
  const ok = shell(`exec $QNANO passes >/dev/null`);
  assert.is(ok.status, 0, `passes >/dev/null (opened write-only by the shell): ${ok.stderr}`);
});

test("a closed pipe ends quietly with status 141, as cat does (trace | head -1)", () => {
  // A trace much bigger than a pipe holds (360 KB): some of it is written after head has gone.
  const body = Array.from({ length: 300 }, (_, k) => `    s += i * ${k}`).join("\n");
  const big = write("big.qs", `fn main() {\n    let mut s = 0\n    let i = read_int()\n${body}\n    print(s)\n}\n`);
  const r = shell(`$QNANO trace ${big} | head -1; echo "status \${PIPESTATUS[0]}"`);
  assert.is(r.stderr, "");
  assert.match(r.stdout, /^── parse: source text -> Lmodules \([\d.]+ ms\)\nstatus 141\n$/);
});

test("a pipe closed before anything is written ends quietly too (passes, --help, --emit asm -o -)", async () => {
  for (const args of [["passes"], ["--help"], ["grammar"], ["build", sum, "--emit", "asm", "-o", "-"]]) {
    const qn = started(args);
    qn.child.stdout.destroy(); // the reader is gone before qnano has even started
    assert.equal(await qn.ended, { code: 141, signal: null }, args.join(" "));
    assert.is(qn.stderr(), "", args.join(" "));
  }
});

// ---------------------------------------------------------------- qnano run and signals (issue 14.13)

/** The processes whose parent is `pid` (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** True while a process exists and is not a zombie. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** The compiled program qnano run started (itself, or qemu running it), once it runs; not `as` or `ld`. */
function programOf(qnanoPid: number): number | undefined {
  return childrenOf(qnanoPid).find((pid) => {
    try {
      return /qnano-run-[^/]*\/program$/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0$/, ""));
    } catch {
      return false;
    }
  });
}

const waitFor = async (what: string, ok: () => boolean) => {
  for (let tries = 0; !ok(); tries++) {
    if (tries > 600) throw new Error(`waited 60 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

test("run killed by SIGTERM, SIGINT or SIGHUP passes the signal on, removes its folder and dies by the same signal", async () => {
  const waits = write("waits.qs", "fn main() {\n    print(read_int())\n}\n");
  const cases: [NodeJS.Signals, string][] = [["SIGTERM", "x86_64"], ["SIGINT", "x86_64"], ["SIGHUP", "x86_64"], ["SIGTERM", "aarch64"]];
  for (const [signal, target] of cases) {
    const { tmp } = freshTmp();
    // stdin stays open: the program waits in read_int until it is killed.
    const qn = started(["run", waits, "--target", target], { TMPDIR: tmp });
    await waitFor("the program to start", () => programOf(qn.child.pid!) !== undefined);
    const program = programOf(qn.child.pid!)!;
    assert.ok(readdirSync(tmp).some((n) => n.startsWith("qnano-run-")));
    qn.child.kill(signal);
    assert.equal(await qn.ended, { code: null, signal }, `${signal} ${target}: qnano died by it (${qn.stderr()})`);
    assert.not.ok(running(program), `${signal} ${target}: the program was killed too`);
    assert.equal(readdirSync(tmp).filter((n) => n.startsWith("qnano-run-") || n.startsWith("qnano-build-")), [], `${signal} ${target}: no temporary folder left`);
    assert.is(qn.stderr(), "", `${signal} ${target}`);
  }
});

test("run | head -1 reports the program's real fate: SIGPIPE, status 141, quietly", () => {
  const loud = write("loud.qs", "fn main() {\n    let mut i = 0\n    while true {\n        print(i)\n        i += 1\n    }\n}\n");
  for (const target of ["x86_64", "aarch64"]) {
    const r = shell(`$QNANO run ${loud} --target ${target} | head -1; echo "status \${PIPESTATUS[0]}"`);
    assert.is(r.stdout, "0\nstatus 141\n", target);
    assert.is(r.stderr, "", target);
  }
});

test("run reports a program killed by another signal by name, with 128 + its number", async () => {
  const waits = write("waits.qs", "fn main() {\n    print(read_int())\n}\n");
  for (const [signal, status] of [["SIGUSR1", 138], ["SIGKILL", 137]] as const) {
    const qn = started(["run", waits]);
    await waitFor("the program to start", () => programOf(qn.child.pid!) !== undefined);
    process.kill(programOf(qn.child.pid!)!, signal);
    assert.equal(await qn.ended, { code: status, signal: null }, signal);
    assert.is(qn.stderr(), `qnano: the program was killed by ${signal}\n`);
  }
});

test("passes shows every pass with its contract; grammar shows BNF and delta", () => {
  const p = qnano(["passes"]);
  assert.is(p.status, 0);
  assert.match(p.stdout, /parse\s+source text -> Lmodules/);
  assert.match(p.stdout, /emit-asm/);
  const g = qnano(["grammar", "Lmon"]);
  assert.is(g.status, 0);
  assert.match(g.stdout, /Atom\s+::= int/);
  assert.match(g.stdout, /Lmon = Lchecked/);
  assert.match(qnano(["grammar"]).stdout, /^Lmodules /);
});

test("trace prints every intermediate program, one pass, or JSON", () => {
  const all = qnano(["trace", sum]);
  assert.is(all.status, 0, all.stderr);
  assert.match(all.stdout, /── parse: source text -> Lmodules/);
  assert.match(all.stdout, /── uniquify: Ltyped -> Luniq/);
  const one = qnano(["trace", sum, "--pass", "desugar-for"]);
  assert.is(one.stdout.match(/── /g)?.length, 1);
  assert.match(one.stdout, /while/);
  const json = JSON.parse(qnano(["trace", sum, "--pass", "explicate-control", "--json"]).stdout);
  assert.is(json[0].to, "Lcfg");
  assert.is(json[0].program.kind, "Program");
  assert.is(qnano(["trace", sum, "--pass", "nope"]).status, 2);
});

for (const pass of ["parse", "resolve-modules", "check-types", "monomorphize", "explicate-control"]) test(`trace on a program of modules: --json names the file of every location after ${pass}, a module's and the prelude's their own`, () => {
  const main = join(packageRoot, "tests", "programs", "modules_tree.qs");
  const r = qnano(["trace", main, "--pass", pass, "--json"]);
  assert.is(r.status, 0, r.stderr);
  const files = new Set<string>();
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, ""));
    else if (v !== null && typeof v === "object") {
      if (key === "loc") {
        assert.type((v as { file?: unknown }).file, "string", "a location without its file");
        files.add((v as { file: string }).file);
      }
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(JSON.parse(r.stdout), "");
  assert.ok(files.has(main), "the program's own file");
  assert.ok(files.has(join(packageRoot, "tests", "programs", "modules", "geo", "shapes.qs")), `a module's file (files: ${[...files].join(", ")})`);
  assert.ok(files.has("core/prelude.qs"), `the prelude's file, for its unwrap (files: ${[...files].join(", ")})`);
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

test("trace --fn takes a module's function by its qualified name, from parse on (issue 18)", () => {
  const main = join(packageRoot, "tests", "programs", "modules_tree.qs");
  const r = qnano(["trace", main, "--fn", "modules.geo.shapes/area", "--target", "x86_64"]);
  assert.is(r.status, 0, r.stderr);
  // In parse's Lmodules, inside its module; from resolve-modules on, by its qualified name.
  assert.match(r.stdout, /── parse[^\n]*\nmodule modules\.geo\.shapes from "[^"]*shapes\.qs" \{\n  pub fn area\(s: Shape\) -> Int \{/);
  assert.match(r.stdout, /── resolve-modules[^\n]*\nfn modules\.geo\.shapes\/area\(/);
  assert.match(r.stdout, /── emit-asm[^\n]*\n"fn\.modules\.geo\.shapes\/area":\n/);
  assert.not.match(r.stdout, /fn main|qn_main|^fn modules\.geo\.shapes\/helper|"fn\.modules\.geo\.shapes\/helper":/m, "nothing of the other functions");
});

test("the output is never written over the input, also through a link (issue 14.1)", () => {
  const text = readFileSync(join(dir, sum), "utf8");
  write("prog", text); // a source without .qs: its default output is itself
  symlinkSync("prog", join(dir, "prog-symlink.qs"));
  linkSync(join(dir, "prog"), join(dir, "prog-hardlink.qs"));
  const cases: [string[], RegExp][] = [
    [["build", "prog"], /^qnano: cannot write the output to prog: prog does not end in \.qs, so the default output would be the input itself; name the output with -o\n$/],
    [["build", sum, "-o", sum], /^qnano: cannot write the output to sum\.qs: it is the same file as the input sum\.qs\n$/],
    [["build", sum, "--emit", "asm", "-o", sum], /^qnano: cannot write the output to sum\.qs: it is the same file as the input sum\.qs\n$/],
    [["build", "prog-symlink.qs", "-o", "prog"], /^qnano: cannot write the output to prog: it is the same file as the input prog-symlink\.qs\n$/],
    [["build", "prog", "-o", "prog-hardlink.qs"], /^qnano: cannot write the output to prog-hardlink\.qs: it is the same file as the input prog\n$/],
    [["build", "prog-hardlink.qs", "--emit", "asm", "-o", "./prog"], /^qnano: cannot write the output to \.\/prog: it is the same file as the input prog-hardlink\.qs\n$/],
  ];
  for (const [args, message] of cases) {
    const r = qnano(args);
    assert.is(r.status, 1, args.join(" "));
    assert.match(r.stderr, message);
    assert.is(readFileSync(join(dir, args[1]!), "utf8"), text, `${args.join(" ")}: the source is intact`);
  }
  const other = qnano(["build", "prog", "-o", "prog.exe"]);
  assert.is(other.status, 0, other.stderr);
});

// ---------------------------------------------------------------- the runtime cache (issue 14.2)

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** What another user might plant: the real runtime, but its _start exits with status 42 at once. */
function plantedRuntime(): Buffer {
  const exit42 = hostTarget === "x86_64" ? "mov $60, %eax\n mov $42, %edi\n syscall\n" : "mov x8, #93\n mov x0, #42\n svc #0\n";
  const source = readFileSync(join(packageRoot, "runtime-asm", hostTarget, "runtime.s"), "utf8").replace(/^_start:\n/m, `_start:\n ${exit42}`);
  const work = mkdtempSync(join(dir, "planted-"));
  writeFileSync(join(work, "planted.s"), source);
  const as = spawnSync(toolNames(hostTarget).as, ["-o", join(work, "planted.o"), join(work, "planted.s")], { encoding: "utf8" });
  assert.is(as.status, 0, as.stderr);
  return readFileSync(join(work, "planted.o"));
}

/** A fresh $TMPDIR for qnano and the path of the runtime cache folder in it. */
function freshTmp(): { tmp: string; cache: string } {
  const tmp = mkdtempSync(join(dir, "tmp-"));
  return { tmp, cache: join(tmp, basename(runtimeCache(hostTarget).dir)) };
}

/** Puts an object in a cache folder under the name qnano looks for, with its true hash. */
function plant(folder: string, object: Buffer): string {
  const file = join(folder, `${runtimeCache(hostTarget).prefix}-${sha256(object)}.o`);
  writeFileSync(file, object, { mode: 0o600 });
  return file;
}

test("the runtime cache: a planted object in the user's own folder (0700) is what gets linked, so the folder is what must be safe", () => {
  const { tmp, cache } = freshTmp();
  mkdirSync(cache, { mode: 0o700 });
  plant(cache, plantedRuntime());
  const r = qnano(["run", sum], "10\n", { TMPDIR: tmp });
  assert.is(r.status, 42, "the planted _start ran: the cache is used, and this test's planted object works");
});

test("the runtime cache: a folder of another user, one others may write, or a link is not used (issue 14.2)", () => {
  const object = plantedRuntime();
  const cases: [string, (cache: string) => string, RegExp][] = [
    ["owned by nobody", (cache) => {
      mkdirSync(cache, { mode: 0o755 });
      const file = plant(cache, object);
      chownSync(file, 65534, 65534);
      chownSync(cache, 65534, 65534);
      return file;
    }, /it belongs to another user \(uid 65534\)/],
    ["mode 0777", (cache) => {
      mkdirSync(cache);
      chmodSync(cache, 0o777);
      return plant(cache, object);
    }, /other users may write to it \(mode 777\)/],
    ["mode 0770", (cache) => {
      mkdirSync(cache);
      chmodSync(cache, 0o770);
      return plant(cache, object);
    }, /other users may write to it \(mode 770\)/],
    ["a link to a folder", (cache) => {
      mkdirSync(`${cache}-elsewhere`, { mode: 0o700 });
      symlinkSync(`${cache}-elsewhere`, cache);
      return plant(`${cache}-elsewhere`, object);
    }, /it is not a folder/],
  ];
  for (const [what, prepare, why] of cases) {
    const { tmp, cache } = freshTmp();
    const planted = prepare(cache);
    const r = qnano(["run", sum], "10\n", { TMPDIR: tmp });
    assert.is(r.stdout, "45\n", what);
    assert.is(r.status, 3, `${what}: the planted _start did not run`);
    assert.match(r.stderr, new RegExp(`^qnano: warning: not using the runtime cache ${cache}: ${why.source}; the runtime is assembled afresh\n$`), what);
    assert.equal(readFileSync(planted), object, `${what}: another user's file is left alone`);
  }
});

test("the runtime cache: made 0700, written whole under its content's hash; a changed object is assembled again, not linked (issue 14.2)", () => {
  const { tmp, cache } = freshTmp();
  const first = qnano(["run", sum], "10\n", { TMPDIR: tmp });
  assert.is(first.status, 3, first.stderr);
  assert.is(first.stderr, "");
  assert.is(statSync(cache).mode & 0o777, 0o700);
  const [name, ...others] = readdirSync(cache);
  assert.equal(others, [], "one object, no temporary file left");
  const file = join(cache, name!);
  const good = readFileSync(file);
  assert.is(name, `${runtimeCache(hostTarget).prefix}-${sha256(good)}.o`);
  for (const tampered of [plantedRuntime(), Buffer.concat([good, Buffer.from("x")]), Buffer.alloc(0)]) {
    writeFileSync(file, tampered);
    const r = qnano(["run", sum], "10\n", { TMPDIR: tmp });
    assert.is(r.stdout, "45\n");
    assert.is(r.status, 3, "the changed object was not linked");
    assert.is(r.stderr, "");
    assert.equal(readdirSync(cache), [name], "assembled again under the same name");
    assert.equal(readFileSync(file), good);
  }
});

test.run();

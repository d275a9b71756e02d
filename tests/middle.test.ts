// The middle passes (uniquify .. explicate-control) and the tree and CFG
// interpreters. Every program goes through every pass; each output must be in
// its IL and every IL's interpreter must give the expected outcome.
// Part 1: hand-built Ltyped programs aimed at the passes' tricky cases.
// Part 2: random well-typed programs (tests/middle-random.ts).
// Part 3: the golden programs of tests/programs/, parsed and type-checked.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type * as Cfg from "../ir-defs/generated/Lcfg.js";
import type * as Tail from "../ir-defs/generated/Ltail.js";
import { Lnoconst } from "../ir-defs/lnoconst.js";
import { Ltyped } from "../ir-defs/ltyped.js";
import { Luniq } from "../ir-defs/luniq.js";
import { Lwhile } from "../ir-defs/lwhile.js";
import { checkTypes } from "../passes/check-types.js";
import { parse } from "../passes/parse.js";
import { resolveModules } from "../passes/resolve-modules.js";
import { printNode } from "../il/print.js";
import { compile } from "../driver/driver.js";
import type { Outcome } from "../interp/runtime-model.js";
import { loadGoldens } from "./golden-programs.js";
import * as b from "./middle-helpers.js";
import { randomProgram } from "./middle-random.js";

const { int, bool, v, bin, prim, block, ifElse, expr, printInt, printBool, let_, letMut, set, loop, forRange, brk, cont, constant, main, program } = b;
// throughMiddle's stages, in order: Ltyped, then the IL of each of middlePasses (stageOf finds one).

const expectEverywhere = (stages: b.Stage[], expected: Partial<Outcome>) => {
  for (const s of stages) {
    const o = s.outcome;
    assert.is(o.outOfFuel, false, `${s.il}: ran out of fuel`);
    if (expected.stdout !== undefined) assert.is(o.stdout, expected.stdout, `${s.il}: stdout`);
    assert.is(o.status, expected.status ?? 0, `${s.il}: status`);
    assert.is(o.panic, expected.panic ?? null, `${s.il}: panic`);
  }
};

const hand = suite("middle passes on hand-built programs");

hand("shadowing in nested blocks is resolved by uniquify", () => {
  const p = program(main(let_("x", "Int", int(1)), expr(block(let_("x", "Int", bin(v("x"), "+", int(10))), printInt(v("x")))), printInt(v("x"))));
  const stages = b.throughMiddle(p);
  expectEverywhere(stages, { stdout: "11\n1\n" });
  const uniq = printNode(Luniq, b.stageOf(stages, "Luniq").program);
  assert.match(uniq, "let x.1: Int = 1");
  assert.match(uniq, "let x.2: Int = (x.1 + 10)");
});

hand("an operand read before a later operand assigns it keeps the old value", () => {
  // let mut x = 1; print(x + { x = 5; 1 }); print(x)
  const p = program(main(letMut("x", "Int", int(1)), printInt(bin(v("x"), "+", block(set("x", "=", int(5)), expr(int(1))))), printInt(v("x"))));
  expectEverywhere(b.throughMiddle(p), { stdout: "2\n5\n" });
});

hand("compound assignment reads the variable before its right side", () => {
  // let mut x = 1; x += { x = 10; 2 }; print(x)   (x = x + {...}: 1 + 2)
  const p = program(main(letMut("x", "Int", int(1)), set("x", "+=", block(set("x", "=", int(10)), expr(int(2)))), printInt(v("x"))));
  expectEverywhere(b.throughMiddle(p), { stdout: "3\n" });
});

hand("a for loop's bound is evaluated once", () => {
  // let mut n = 3; for i in 0..{ print(100); n } { n += 1; print(i) }; print(n)
  const p = program(
    main(
      letMut("n", "Int", int(3)),
      forRange("i", int(0), block(printInt(int(100)), expr(v("n"))), set("n", "+=", int(1)), printInt(v("i"))),
      printInt(v("n")),
    ),
  );
  const stages = b.throughMiddle(p);
  expectEverywhere(stages, { stdout: "100\n0\n1\n2\n6\n" });
  assert.not.match(printNode(Lwhile, b.stageOf(stages, "Lwhile").program), "for ");
});

hand("for with continue and break; loop variables shadow each other", () => {
  // for i in 0..10 { if i % 2 == 0 { continue }; if i > 6 { break }; for i in 0..1 { print(i) }; print(i) }
  const p = program(
    main(
      forRange(
        "i", int(0), int(10),
        expr(ifElse(bin(bin(v("i"), "%", int(2)), "==", int(0)), block(cont))),
        expr(ifElse(bin(v("i"), ">", int(6)), block(brk))),
        forRange("i", int(0), int(1), printInt(v("i"))),
        printInt(v("i")),
      ),
    ),
  );
  expectEverywhere(b.throughMiddle(p), { stdout: "0\n1\n0\n3\n0\n5\n" });
});

hand("consts are order-independent and inlined", () => {
  const p = program(constant("B", "Int", bin(v("A"), "*", int(2))), main(let_("A2", "Int", v("B")), printInt(bin(v("A2"), "+", v("A")))), constant("A", "Int", int(16)));
  const stages = b.throughMiddle(p);
  expectEverywhere(stages, { stdout: "48\n" });
  assert.not.match(printNode(Lnoconst, b.stageOf(stages, "Lnoconst").program), "const");
});

hand("&& and || short-circuit: the right side's panic never runs", () => {
  const boom = block(expr(prim("panic", { kind: "Str", value: "evaluated" })), expr(bool(true)));
  const p = program(main(printBool(bin(bool(false), "&&", boom)), printBool(bin(bool(true), "||", boom)), printBool(bin(bool(true), "&&", bool(false)))));
  expectEverywhere(b.throughMiddle(p), { stdout: "false\ntrue\nfalse\n" });
});

hand("assert failure, exit code and division by zero", () => {
  expectEverywhere(b.throughMiddle(program(main(printInt(int(1)), expr(prim("assert", bin(int(1), ">", int(2)))), printInt(int(2))))), {
    stdout: "1\n", status: 101, panic: "assertion failed",
  });
  expectEverywhere(b.throughMiddle(program(main(printInt(int(7)), expr(prim("exit", int(3))), printInt(int(8))))), { stdout: "7\n", status: 3 });
  const div = program(main(letMut("z", "Int", int(0)), expr(bin(int(1), "/", v("z"))), printInt(int(9))));
  expectEverywhere(b.throughMiddle(div), { stdout: "", status: 101, panic: "division by zero" });
});

hand("an if expression with a branch that never returns", () => {
  // let c = read_int() > 0; let y = if c { 5 } else { panic("no") }; print(y * 2)
  const p = program(
    main(
      let_("c", "Bool", bin(prim("read_int"), ">", int(0))),
      let_("y", "Int", ifElse(v("c"), block(expr(int(5))), block(expr(prim("panic", { kind: "Str", value: "no" }))))),
      printInt(bin(v("y"), "*", int(2))),
    ),
  );
  expectEverywhere(b.throughMiddle(p, { stdin: "1\n" }), { stdout: "10\n" });
  expectEverywhere(b.throughMiddle(p, { stdin: "-1\n" }), { stdout: "", status: 101, panic: "no" });
});

hand("a while condition with complex operands is recomputed each iteration", () => {
  // let mut i = 0; while i * 2 < 10 && !(i == 3) { print(i); i += 1 }
  const p = program(
    main(letMut("i", "Int", int(0)), loop(bin(bin(bin(v("i"), "*", int(2)), "<", int(10)), "&&", b.not(bin(v("i"), "==", int(3)))), printInt(v("i")), set("i", "+=", int(1)))),
  );
  expectEverywhere(b.throughMiddle(p), { stdout: "0\n1\n2\n" });
});

hand("a value-ending if without else, and blocks as values", () => {
  // let u = if true { 5 }; let k = { let a = 2; { let a = a * 3; a + 1 } }; print(k)
  const p = program(main(let_("u", "Unit", ifElse(bool(true), block(expr(int(5))))), let_("k", "Int", block(let_("a", "Int", int(2)), expr(block(let_("a", "Int", bin(v("a"), "*", int(3))), expr(bin(v("a"), "+", int(1))))))), printInt(v("k"))));
  expectEverywhere(b.throughMiddle(p), { stdout: "7\n" });
});

hand("a condition block that breaks, and break inside an if expression", () => {
  // let mut i = 0; while true { let x = if i < 3 { i } else { break }; print(x); i += 1 }; print(100)
  const p = program(
    main(
      letMut("i", "Int", int(0)),
      loop(bool(true), let_("x", "Int", ifElse(bin(v("i"), "<", int(3)), block(expr(v("i"))), block(brk))), printInt(v("x")), set("i", "+=", int(1))),
      printInt(int(100)),
    ),
  );
  expectEverywhere(b.throughMiddle(p), { stdout: "0\n1\n2\n100\n" });
});

hand("mark-tail-calls: tail calls, and a Unit call before an endless loop that is not one", () => {
  // --opt 0: inline-calls would put g's body in h, leaving h no call to make a tail call.
  const lcfg = (source: string) => compile(source, "tail.qs", { target: "x86_64", opt: 0, check: true, until: "mark-tail-calls" }).at(-1)!.output as Tail.Program;
  const tails = (p: Tail.Program, fn: string) => p.defs.find((d) => d.name === fn)!.blocks.map((bl) => bl.tail.kind);
  const calls = lcfg("fn f(n: Int) -> Int {\n    if n == 0 { return 0 }\n    f(n - 1)\n}\nfn g() { print(1) }\nfn h() { g() }\nfn main() {\n    print(f(3))\n    h()\n}\n");
  assert.equal(tails(calls, "f").sort(), ["Branch", "Return", "TailCall"]);
  assert.equal(tails(calls, "h"), ["TailCall"], "a Unit call at the end of a Unit function");
  const loop = lcfg("fn g() { print(1) }\nfn main() {\n    g()\n    while true {}\n}\n"); // used to recurse forever
  assert.not.ok(tails(loop, "main").includes("TailCall"));
});

hand("explicate-control: main.start first, comparisons branch directly", () => {
  const p = program(main(letMut("i", "Int", int(0)), loop(bin(v("i"), "<", int(3)), printInt(v("i")), set("i", "+=", int(1)))));
  const stages = b.throughMiddle(p);
  expectEverywhere(stages, { stdout: "0\n1\n2\n" });
  const cfg = (stages[stages.length - 1]!.program as Cfg.Program).defs[0]!;
  assert.is(cfg.blocks[0]!.label, "main.start");
  assert.equal(cfg.blocks.map((bl) => bl.label), cfg.blocks.map((_, i) => (i === 0 ? "main.start" : `main.block${i}`)));
  const branches = cfg.blocks.filter((bl) => bl.tail.kind === "Branch");
  assert.is(branches.length, 1);
  assert.is((branches[0]!.tail as Cfg.Branch).op, "<");
  assert.is(cfg.blocks.filter((bl) => bl.tail.kind === "Return").length, 1);
});

hand("100,000 statements in one block pass through without overflowing the stack", () => {
  const stmts: b.Stmt[] = [letMut("s", "Int", int(0))];
  for (let i = 0; i < 100_000; i++) stmts.push(set("s", "+=", int(i % 7)));
  stmts.push(printInt(v("s")));
  const p = program({ ...main(), body: { kind: "Block", stmts } }); // (spreading 100,000 arguments would overflow)
  let expected = 0;
  for (let i = 0; i < 100_000; i++) expected += i % 7;
  expectEverywhere(b.throughMiddle(p), { stdout: `${expected}\n` });
});

hand.run();

// Part 2: random well-typed programs. Every IL's interpreter must agree with Ltyped's.
const randomRuns = Number(process.env.MIDDLE_RUNS ?? 300);
const random = suite(`middle passes on ${randomRuns} random programs`);

random("every IL's interpreter agrees with Ltyped's", () => {
  const endings = { normal: 0, panic: 0 };
  for (let seed = 1; seed <= randomRuns; seed++) {
    const p = randomProgram(seed);
    let stages: b.Stage[];
    try {
      stages = b.throughMiddle(p, { fuel: 1_000_000 });
    } catch (e) {
      assert.unreachable(`seed ${seed}: ${(e as Error).message}\n${printNode(Ltyped, p)}`);
      return;
    }
    const reference = stages[0]!.outcome;
    assert.is(reference.outOfFuel, false, `seed ${seed}: the program does not end`);
    for (const s of stages) {
      if (JSON.stringify(s.outcome) !== JSON.stringify(reference)) {
        assert.equal(s.outcome, reference, `seed ${seed}: ${s.il} disagrees with Ltyped\n${printNode(Ltyped, p)}`);
      }
    }
    endings[reference.panic === null ? "normal" : "panic"]++;
  }
  // The generator is useful only if many programs run to their end.
  assert.ok(endings.normal > randomRuns / 3, `only ${endings.normal} of ${randomRuns} programs ended normally`);
});

random.run();

// Part 3: every golden program, from its source through every middle pass; the
// Lsrc interpreter runs the parser's output too.
const goldens = loadGoldens();
const golden = suite(`middle passes on the ${goldens.length} golden programs`);

golden("there are golden programs", () => {
  assert.ok(goldens.length >= 45, `only ${goldens.length} golden programs`);
});

for (const g of goldens) {
  golden(g.name, () => {
    const expected = { stdout: g.stdout, status: g.status, panic: g.panic };
    // Stages: Lmodules (the parser's output), Lsrc (its modules made one program), Ltyped, then each middle pass's.
    const stages = b.stagesOf({ source: g.source, file: g.path }, [parse, resolveModules, checkTypes, ...b.middlePasses], { stdin: g.stdin });
    assert.equal(stages.slice(0, 3).map((s) => s.il), ["Lmodules", "Lsrc", "Ltyped"]);
    expectEverywhere(stages, expected);
  });
}

golden.run();

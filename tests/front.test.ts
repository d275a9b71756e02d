// The front end: lexer, parser, check-types and the diagnostics they give.
// Golden diagnostics live in tests/diagnostics (NAME.qs and the exact NAME.err).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { Ltyped } from "../ir-defs/ltyped.js";
import { checkTypes } from "../passes/check-types.js";
import { parse } from "../passes/parse.js";
import { resolveModules } from "../passes/resolve-modules.js";
import { CompileError, diagnosticSink, formatDiagnostic, formatDiagnostics, type Diagnostic } from "../front-end/diagnostics.js";
import { printNode } from "../il/print.js";
import { forEachNode } from "../il/rewrite.js";
import { validate } from "../il/validate.js";
import { withoutLoc } from "../il/node.js";
import { lex } from "../front-end/lexer.js";
import { parsesMade } from "../front-end/parse-once.js";
import { decodeSource } from "../front-end/source-file.js";
import { displayWidth } from "../front-end/display.js";
import { packageRoot } from "../driver/paths.js";
import { quastraSource } from "../front-end/quastra-source.js";
import { diagnosticCases, goldenPathFor, renderDiagnosticsFor, renderDiagnosticsOf } from "./golden-diagnostics.js";
import { loadGoldens } from "./golden-programs.js";
import { randomProgram } from "./middle-random.js";
import { checkTargets, compile, isBad, passContext, stepLabel } from "../driver/driver.js";
import { targets } from "../ir-defs/targets.js";
import type { Outcome } from "../interp/runtime-model.js";
import type { ModuleSource, Warning } from "../il/pass.js";
import { readModules } from "../driver/source-set.js";
import { interpreterFor } from "../interp/index.js";
import { analyseMatch, anything, type Constructor, type Shape } from "../front-end/exhaustiveness.js";

// (A program of modules is read from its own file's place: `file`, the golden program's path.)
const context = (source: string, file = "test.qs") => passContext(file, source);
const parseText = (source: string, file?: string): Lsrc.Program => resolveModules.run(parse.run(source, context(source, file)), context(source, file));
const front = (source: string, file?: string) => checkTypes.run(parseText(source, file), context(source, file));
const wrap = (body: string) => `fn main() {\n${body}\n}\n`;

/** The diagnostics of a bad program (parse, then check-types); fails if there are none. */
function diagnosticsOf(source: string): readonly Diagnostic[] {
  try {
    front(source);
  } catch (e) {
    if (e instanceof CompileError) return e.diagnostics;
    throw e;
  }
  assert.unreachable(`no diagnostics for:\n${source}`);
  return [];
}
const messagesOf = (source: string) => diagnosticsOf(source).map((d) => `${d.loc.line}:${d.loc.col} ${d.message}`);

/** The expression of `let x = <text>`, printed by the Lsrc printer (binaries in parentheses). */
function printedExpr(text: string): string {
  const fn = parseText(wrap(`let x = ${text}`)).items[0] as Lsrc.Fn;
  return printNode(LsrcIL, (fn.body.stmts[0] as Lsrc.Let).init);
}


// ---------------------------------------------------------------- source files

const bytesOf = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));

test("source files: UTF-8 is read as is; a byte-order mark at the start is skipped, elsewhere it is a character (issue 14.5)", () => {
  assert.equal(decodeSource(bytesOf("fn main() {}\n"), "a.qs"), { text: "fn main() {}\n", diagnostics: [] });
  assert.equal(decodeSource(bytesOf([0xef, 0xbb, 0xbf], "fn é"), "a.qs"), { text: "fn é", diagnostics: [] });
  assert.equal(decodeSource(bytesOf("fn", [0xef, 0xbb, 0xbf]), "a.qs"), { text: "fn\ufeff", diagnostics: [] });
  assert.equal(decodeSource(bytesOf([0xef, 0xbb, 0xbf], "\n", [0xff]), "a.qs").diagnostics.map((d) => d.loc), [{ line: 2, col: 1, length: 1 }]);
});

test("source files: each run of invalid bytes is one diagnostic at its line and column (in UTF-16 code units, as every position)", () => {
  const { text, diagnostics } = decodeSource(bytesOf("a\u{1F600}", [0xff, 0xfe], "b\r\n\t", [0xe2, 0x82], "\u{e9}", [0x80]), "a.qs");
  assert.is(text, "a\u{1F600}\ufffd\ufffdb\r\n\t\ufffd\u{e9}\ufffd");
  assert.equal(diagnostics.map((d) => [d.loc, d.message]), [
    [{ line: 1, col: 4, length: 2 }, "invalid UTF-8 bytes 0xff 0xfe: source files are UTF-8 text"],
    [{ line: 2, col: 2, length: 1 }, "invalid UTF-8 bytes 0xe2 0x82: source files are UTF-8 text"],
    [{ line: 2, col: 4, length: 1 }, "invalid UTF-8 byte 0x80: source files are UTF-8 text"],
  ]);
  const long = decodeSource(new Uint8Array(1000).fill(0xff), "a.qs").diagnostics;
  assert.equal(long.map((d) => [d.loc, d.message]), [[{ line: 1, col: 1, length: 1000 }, "invalid UTF-8 bytes 0xff 0xff 0xff 0xff 0xff 0xff 0xff 0xff ... (1000 bytes): source files are UTF-8 text"]]);
});

test("source files: errors exactly where a strict UTF-8 decoder fails, and the text shown is the standard decoding (WHATWG U+FFFD per maximal subpart)", () => {
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x0a, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xbb));
  fc.assert(
    fc.property(fc.array(byte, { maxLength: 40 }), (list) => {
      const bytes = Uint8Array.from(list);
      let valid = true;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      const { text, diagnostics } = decodeSource(bytes, "a.qs");
      assert.is(diagnostics.length === 0, valid);
      assert.is(text, new TextDecoder("utf-8").decode(bytes));
      for (const d of diagnostics) {
        const line = text.split("\n")[d.loc.line - 1]!;
        assert.is(line.slice(d.loc.col - 1, d.loc.col - 1 + d.loc.length), "\ufffd".repeat(d.loc.length));
      }
    }),
    { numRuns: 2000, seed: 14 },
  );
});

// ---------------------------------------------------------------- lexer

const kinds = (source: string) => lex(source, diagnosticSink("t.qs")).map((t) => (t.kind === ";" && t.implicit ? "⏎" : t.kind));

test("lexer: a line break ends a statement after a name, literal, ), ], }, true/false, break, continue, return", () => {
  assert.equal(kinds("x\n5\n\"s\"\nf()\na]\n}\ntrue\nfalse\nbreak\ncontinue\nreturn\n"), [
    "ident", "⏎", "int", "⏎", "string", "⏎", "ident", "(", ")", "⏎", "ident", "]", "⏎", "}", "⏎",
    "true", "⏎", "false", "⏎", "break", "⏎", "continue", "⏎", "return", "⏎", "eof",
  ]);
});

test("lexer: no line break is inserted after an operator, `(`, `,`, `{`, `=` or a keyword like `let`", () => {
  assert.equal(kinds("a +\nb\nf(\n1,\n2)\nif c {\n}\nlet x =\n1"), [
    "ident", "+", "ident", "⏎", "ident", "(", "int", ",", "int", ")", "⏎", "if", "ident", "{", "}", "⏎",
    "let", "ident", "=", "int", "⏎", "eof",
  ]);
});

test("lexer: comments; a block comment spanning lines acts as a line break; nested block comments", () => {
  assert.equal(kinds("a // note\nb /* one\nline */ c /* x /* y */ z */ d"), ["ident", "⏎", "ident", "⏎", "ident", "ident", "⏎", "eof"]);
  assert.equal(kinds("a /* same line */\n"), ["ident", "⏎", "eof"]);
});

test("lexer: integer literal forms and string escapes", () => {
  const tokens = lex('1_000_000 0xff 0xFF_FF 0b1010 0 007 "a\\n\\t\\r\\"\\\\\\0\\u{41}\\u{1F600}"', diagnosticSink("t.qs"));
  assert.equal(tokens.slice(0, 6).map((t) => t.value), [1000000n, 255n, 65535n, 10n, 0n, 7n]);
  assert.is(tokens[6]!.value, 'a\n\t\r"\\\0A\u{1F600}');
});

test("lexer: positions are 1-based line and column with the token's length", () => {
  const [a, b] = lex("let\n  value", diagnosticSink("t.qs"));
  assert.equal([a!.line, a!.col, a!.length], [1, 1, 3]);
  assert.equal([b!.line, b!.col, b!.length], [2, 3, 5]);
});

test("lexer: every reserved keyword is refused as a name, and named", () => {
  const words = "module use pub fn let mut if else while for in break continue return match record union protocol impl type const true false spawn scope using try self Self".split(" ");
  for (const w of words) {
    const reserved = `\`${w}\` is a reserved keyword and cannot be used as a name`;
    assert.equal(messagesOf(`fn ${w}() {}`), [`1:4 ${reserved}`], w);
    if (w !== "mut") assert.equal(messagesOf(wrap(`let ${w} = 1`)), [`2:5 ${reserved}`], w);
  }
});

// ---------------------------------------------------------------- parser

test("parser: precedence and associativity follow the brief", () => {
  const cases: [string, string][] = [
    ["1 + 2 * 3", "(1 + (2 * 3))"],
    ["1 - 2 - 3", "((1 - 2) - 3)"],
    ["a || b && c", "(a || (b && c))"],
    ["a && b == c", "(a && (b == c))"],
    ["a == b | c", "(a == (b | c))"],
    ["a | b ^ c & d", "(a | (b ^ (c & d)))"],
    ["a & b << 1", "(a & (b << 1))"],
    ["a << 1 + 2", "(a << (1 + 2))"],
    ["a + b % c", "(a + (b % c))"],
    ["-a * b", "(-a * b)"],
    ["!a && ~b < c", "(!a && (~b < c))"],
    ["(1 + 2) * 3", "((1 + 2) * 3)"],
    ["f(1, 2 + 3) / 4", "(f(1, (2 + 3)) / 4)"],
    ["8 / 4 / 2 % 3", "(((8 / 4) / 2) % 3)"],
    ["a >> 1 >> 2", "((a >> 1) >> 2)"],
  ];
  for (const [text, printed] of cases) assert.is(printedExpr(text), printed, text);
});

test("parser: a postfix form (a field, an index, a call, a method call) binds tighter than a unary operator", () => {
  for (const [text, inner] of [["-a.b", "Field"], ["!a[i]", "Index"], ["-f(x)", "Call"], ["-x.0", "Field"], ["~a.m()", "MethodCall"]] as const) {
    const fn = parseText(wrap(`let x = ${text}`)).items[0] as Lsrc.Fn;
    const e = (fn.body.stmts[0] as Lsrc.Let).init as Lsrc.Unary;
    assert.is(`${e.kind} ${e.arg.kind}`, `Unary ${inner}`, text);
  }
});

test("parser: every binary operator against every other, as the brief ranks them (loosest first), each level left-associative", () => {
  // shared/quastra-brief.md §4, written out here rather than read from the parser's table.
  const levels = [["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">="], ["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];
  const comparison = levels[2]!;
  levels.forEach((loose, i) => levels.forEach((tight, j) => {
    for (const a of loose) for (const b of tight) {
      if (j > i) {
        assert.is(printedExpr(`x ${a} y ${b} z`), `(x ${a} (y ${b} z))`, `x ${a} y ${b} z`);
        assert.is(printedExpr(`x ${b} y ${a} z`), `((x ${b} y) ${a} z)`, `x ${b} y ${a} z`);
      } else if (j === i && loose !== comparison) {
        assert.is(printedExpr(`x ${a} y ${b} z`), `((x ${a} y) ${b} z)`, `x ${a} y ${b} z`);
      }
    }
  }));
});

test("parser: `-` directly before a literal folds into a negative literal, so the smallest Int can be written", () => {
  const fn = parseText(wrap("let a = -9223372036854775808\nlet b = - 5\nlet c = -x\nlet d = --1\nlet e = -5")).items[0] as Lsrc.Fn;
  const inits = fn.body.stmts.map((s) => (s as Lsrc.Let).init);
  assert.equal(withoutLoc(inits[0]), { kind: "Int", value: -(1n << 63n) });
  assert.equal(withoutLoc(inits[1]), { kind: "Unary", op: "-", arg: { kind: "Int", value: 5n } }, "with a space, `-` is the operator");
  assert.is(inits[2]!.kind, "Unary");
  assert.equal(withoutLoc(inits[3]), { kind: "Unary", op: "-", arg: { kind: "Int", value: -1n } });
  assert.equal(withoutLoc(inits[4]), { kind: "Int", value: -5n });
  assert.equal(messagesOf(wrap("let a = 9223372036854775808")), ["2:9 integer literal out of range: the largest Int is 9223372036854775807"]);
  assert.equal(messagesOf(wrap("let a = -0x8000000000000001")), ["2:9 integer literal out of range: the smallest Int is -9223372036854775808"]);
  // Not directly before it, the literal stands alone, and 2^63 is no Int (issue 14, item 15).
  for (const text of ["- 9223372036854775808", "-/* c */9223372036854775808", "-\n9223372036854775808", "-(9223372036854775808)"]) {
    const [message] = messagesOf(wrap(`let a = ${text}`));
    assert.ok(message?.endsWith("integer literal out of range: the largest Int is 9223372036854775807"), `${text}: ${message}`);
  }
});

test("parser: `1.5` is refused as a floating-point number, at the whole number, not as a field of 1", () => {
  assert.equal(messagesOf(wrap("print(1.5)")), ["2:7 floating-point numbers are not supported: the only numbers are Ints"]);
  assert.equal(diagnosticsOf(wrap("let x = -12.25 + 1"))[0]!.loc, { line: 2, col: 9, length: 6 });
  // A tuple's field after a name, or after parentheses, is still a field.
  assert.equal(messagesOf(wrap("let t = (1, 2)\nprint(t.1)\nprint((1).5)")), ["4:11 Int has no fields: only records and tuples do"]);
});

test("parser: every node has a location, and the output is in Lsrc", () => {
  const source = readFileSync(join(packageRoot, "examples", "collatz.qs"), "utf8");
  const program = parseText(source);
  assert.equal(validate(LsrcIL, program), { ok: true });
  forEachNode(LsrcIL, program, (node, path) => assert.ok(node.loc && node.loc.line >= 1 && node.loc.col >= 1 && node.loc.length >= 1, `no loc at ${path()}`));
});

test("parser: locations follow the conventions (operator, name, keyword, callee)", () => {
  const fn = parseText("fn main() {\n    let total = 1 + f(2)\n    while total < 3 { total += 1 }\n}\n").items[0] as Lsrc.Fn;
  const [letStmt, loop] = fn.body.stmts as [Lsrc.Let, Lsrc.While];
  const sum = letStmt.init as Lsrc.Binary;
  assert.equal(letStmt.loc, { line: 2, col: 9, length: 5 });
  assert.equal(sum.loc, { line: 2, col: 19, length: 1 });
  assert.equal(sum.right.loc, { line: 2, col: 21, length: 1 });
  assert.equal(loop.loc, { line: 3, col: 5, length: 5 });
  assert.equal(fn.loc, { line: 1, col: 4, length: 4 });
});

test("parser: separators: `;`, line breaks, several `;` in a row, and none needed after a block", () => {
  const program = parseText("fn main() {;; let a = 1;; let b = 2\n\n if a < b { print(a) } print(b);\n while false {} }");
  assert.is((program.items[0] as Lsrc.Fn).body.stmts.length, 5);
});

test("parser: a condition's `{` starts the body; a block in parentheses is an operand", () => {
  const fn = parseText(wrap("if x < ({ 3 }) { print(1) }\nwhile if a { b } else { c } { }")).items[0] as Lsrc.Fn;
  assert.is(fn.body.stmts.length, 2);
  assert.equal(messagesOf(wrap("if { true } { }")), ["2:4 expected a condition before the block (a block as the condition goes in parentheses)"]);
});

// How fast it parses is measured by `npm run bench` (compile throughput), never timed in a test.
test("parser: a 100,000-line program parses, every statement in place", () => {
  const lines = ["fn main() {", "    let mut x = 0"];
  for (let i = 0; i < 100_000; i++) lines.push(i % 2 === 0 ? `    x = x + ${i} * 2 // step` : `    if x > 10 { x -= 3 } else { print(x) }`);
  lines.push("}");
  const program = parseText(lines.join("\n"));
  const stmts = (program.items[0] as Lsrc.Fn).body.stmts;
  assert.is(stmts.length, 100_001);
  assert.is(stmts[100_000]!.kind, "ExprStmt");
  assert.is(stmts[99_999]!.kind, "Assign");
});

test("parser: 20,000 levels of nesting give one clean diagnostic, never a RangeError", () => {
  const deep: [string, string][] = [
    ["parentheses", `let x = ${"(".repeat(20_000)}1${")".repeat(20_000)}`],
    ["unclosed parentheses", `let x = ${"(".repeat(20_000)}`],
    ["blocks", `${"{".repeat(20_000)}${"}".repeat(20_000)}`],
    ["minus signs", `let x = ${"-".repeat(20_000)}x`],
    ["nots", `let x = ${"!".repeat(20_000)}true`],
    ["ifs", `${"if c { ".repeat(20_000)}${"}".repeat(20_000)}`],
    ["else-ifs", `if c {}${" else if c {}".repeat(20_000)}`],
    ["calls", `print(${"f(".repeat(20_000)}${")".repeat(20_001)}`],
  ];
  for (const [what, body] of deep) {
    const messages = diagnosticsOf(wrap(body)).map((d) => d.message);
    assert.equal(messages, ["nested too deeply (more than 256 levels)"], what);
  }
  // Up to the limit is fine.
  front(wrap(`let x = ${"(".repeat(250)}1${")".repeat(250)}\nprint(x)`));
});

test("parser: a chain of 100,000 operators is refused instead of making a tree 100,000 deep", () => {
  const messages = diagnosticsOf(wrap(`let x = 1${" + 1".repeat(100_000)}`)).map((d) => d.message);
  assert.equal(messages, ["expression too long: operators nested more than 256 levels deep (split it with `let`)"]);
  // main's body is level 1: 255 operators fit under it, 256 do not.
  front(wrap(`let x = 1${" + 1".repeat(255)}\nprint(x)`));
  assert.equal(diagnosticsOf(wrap(`let x = 1${" * 1".repeat(256)}`)).length, 1);
  assert.equal(diagnosticsOf(wrap(`let x = 1 + {${" 1 +".repeat(254)} 1 }`)).length, 1, "a block in the chain is a level too");
  front(wrap(`let x = 1 + {${" 1 +".repeat(253)} 1 }\nprint(x)`));
});

test("parser: independent syntax errors are all reported, in source order", () => {
  const messages = messagesOf(wrap("let a = (1 +\nlet b = 2 2\nprint(b b)\nlet = 3"));
  assert.equal(messages, [
    "3:1 expected an expression, found `let` (a statement)",
    "3:11 expected `;` or a line break after the statement, found `2`",
    "4:9 expected `,` or `)` in the arguments of `print`, found `b`",
    "5:5 expected a variable name, found `=`",
  ]);
});

test("parser: Quastra source printed from a parsed program parses back to the same tree", () => {
  for (const g of loadGoldens()) {
    const program = parseText(g.source, g.path);
    if (program.items.some((item) => "name" in item && (item.name as string).includes("/"))) continue; // a module's items are named `a.b/f`, which Quastra cannot write
    assert.equal(withoutLoc(parseText(quastraSource(program))), withoutLoc(program), g.name);
  }
});

test("parser and checker: mangled programs give diagnostics or a valid program, never a crash", () => {
  let seed = 2024;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = ["{", "}", "(", ")", "\n", ";", "let ", "mut ", "x", "=", "+", "-", "if ", "else ", "while ", "for ", "..", "1", "true", '"s', "/*", "*/", ",", "fn ", "break", "<", "!", "[", ".", "@", "0x", "_", "const ", ": Int", "return ",
    "match ", "=>", "try ", "union ", "Some", "None", "Nil", "Cons(", "[T]", "Option[Int]", "|"];
  const goldens = loadGoldens();
  for (let n = 0; n < 3000; n++) {
    let source = goldens[Math.floor(rnd() * goldens.length)]!.source;
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
      const at = Math.floor(rnd() * source.length);
      source = rnd() < 0.4 ? source.slice(0, at) + source.slice(at + 1 + Math.floor(rnd() * 5)) : source.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + source.slice(at);
    }
    const lines = source.split("\n").length;
    try {
      assert.equal(validate(Ltyped, front(source)), { ok: true }, source);
    } catch (e) {
      if (!(e instanceof CompileError)) throw new Error(`${String(e)} for:\n${source}`);
      for (const d of e.diagnostics) assert.ok(d.loc.line >= 1 && d.loc.line <= lines && d.loc.col >= 1 && d.loc.length >= 1, `bad position ${JSON.stringify(d.loc)} for:\n${source}`);
      formatDiagnostics(e.diagnostics, source, true);
    }
  }
});

// ---------------------------------------------------------------- check-types

test("check-types: lets get their types, built-ins become primitives by argument type, locs are kept", () => {
  const source = wrap("let a = 1\nlet b = a < 2\nlet c = { panic(\"no\") }\nprint(a)\nprint(b)\nlet d: Int = read_int()\nassert(b)\nexit(a)");
  const typed = front(source);
  assert.equal(validate(Ltyped, typed), { ok: true });
  const text = printNode(Ltyped, typed);
  for (const line of ["let a: Int = 1", "let b: Bool = (a < 2)", "let c: Unit = {", 'panic("no")', "print_int(a)", "print_bool(b)", "let d: Int = read_int()", "assert(b)", "exit(a)"]) {
    assert.ok(text.includes(line), `missing ${line} in\n${text}`);
  }
  forEachNode(Ltyped, typed, (node, path) => assert.ok(node.loc, `no loc at ${path()}`));
});

test("check-types: Never joins any type; blocks take the type of their last expression", () => {
  front(wrap("let x = if true { 1 } else { panic(\"x\") }\nprint(x + 1)"));
  front(wrap("let mut i = 0\nwhile true { let y: Int = if i > 3 { break } else { i }\ni = y + 1 }"));
  front(wrap("let b = { let t = 1; t == 1 }\nprint(b)\nlet u = { let t = 1; }\nlet v: Unit = u"));
  front(wrap("let z: Bool = exit(3)"));
  front("const A: Int = B * 2\nconst B: Int = 21\nfn main() { let A = true; print(A); print(B) }");
});

test("check-types: random well-typed programs printed as source come back unchanged through parse and check-types", () => {
  /** Unary minus on a literal prints as `-(5)`, so the trees agree exactly. */
  for (let seed = 1; seed <= 300; seed++) {
    const program = randomProgram(seed);
    const source = quastraSource(program);
    let typed: unknown;
    try {
      typed = front(source);
    } catch (e) {
      if (e instanceof CompileError) assert.unreachable(`seed ${seed}:\n${formatDiagnostics(e.diagnostics, source, false)}\n${source}`);
      throw e;
    }
    assert.equal(validate(Ltyped, typed), { ok: true }, `seed ${seed}`);
    assert.equal(withoutLoc(typed), program, `seed ${seed}:\n${source}`);
  }
});

test("check-types: every golden program and example type-checks with no diagnostics", () => {
  for (const g of loadGoldens()) {
    assert.is(renderDiagnosticsOf(g.source, g.path), "", g.name);
    assert.equal(validate(Ltyped, front(g.source, g.path)), { ok: true }, g.name);
  }
  assert.is(renderDiagnosticsFor("examples/collatz.qs"), "");
});

test("check-types: one error is reported once, not again by everything that uses it", () => {
  assert.equal(messagesOf(wrap("let a = nope + 1\nlet b = a * 2 < 3 && a == 4\nprint(b)")), ["2:9 unknown name `nope`"]);
});


// ---------------------------------------------------------------- unions, match, generics, try (issue 15)

/** The Ltyped program of a source, printed. */
const typedText = (source: string) => printNode(Ltyped, front(source));

test("parser: scope, spawn and channel[T](cap) are expressions in Lsrc; printed as Quastra they parse back the same", () => {
  const source = wrap("let r = scope {\n let ch = channel[(Int, Array[Bool])](n + 1)\n spawn { for v in ch { print(v.0) }; yield() }\n ch.send((1, array(2, true)))\n 5\n}\nlet channel = 3\nprint(channel)");
  const program = parseText(source);
  assert.equal(validate(LsrcIL, program), { ok: true });
  const let0 = (program.items[0] as Lsrc.Fn).body.stmts[0] as Lsrc.Let;
  assert.is(let0.init.kind, "Scope");
  const [make, spawned] = (let0.init as Lsrc.Scope).body.stmts as [Lsrc.Let, Lsrc.ExprStmt];
  assert.equal(withoutLoc(make.init), { kind: "Channel", elem: "(Int, Array[Bool])", cap: { kind: "Binary", op: "+", left: { kind: "Var", name: "n" }, right: { kind: "Int", value: 1n } } });
  assert.is(spawned.expr.kind, "Spawn");
  assert.equal(withoutLoc(parseText(quastraSource(program))), withoutLoc(program));
  // `channel` is a name like any other unless `[` follows it; `scope` and `spawn` are keywords.
  assert.equal(messagesOf(wrap("let x = scope + 1")), ["2:9 `scope` is a reserved keyword and cannot be used as a name"]);
  assert.equal(messagesOf(wrap("spawn print(1)")), ["2:7 expected `{` after `spawn` (`spawn { ... }`), found `print`"]);
});

test("parser: unions, generic items and their type parameters (bounds kept for protocols), types with arguments", () => {
  const program = parseText("union List[T] { Nil, Cons(head: T, tail: List[T]) }\nunion Shape {\n  Circle(r: Int),\n  Empty,\n}\nrecord Pair[A, B: Ord + Show] { a: A, b: B }\nfn swap[A, B](p: Pair[A, B]) -> Pair[B, A] { Pair { a: p.b, b: p.a } }\nfn main() { let x: Option[(Int, List[Bool])] = None }\n");
  const [list, shape, pair, swap, main] = program.items.map(withoutLoc) as any[];
  assert.equal(list, { kind: "GenericUnion", name: "List", tparams: [{ kind: "TypeParam", name: "T", bounds: [] }], ctors: [{ kind: "Ctor", name: "Nil", fields: [] }, { kind: "Ctor", name: "Cons", fields: [{ kind: "FieldDecl", name: "head", type: "T" }, { kind: "FieldDecl", name: "tail", type: "List[T]" }] }] });
  assert.equal(shape.kind, "Union");
  assert.equal(shape.ctors.map((c: any) => c.name), ["Circle", "Empty"]);
  assert.equal(pair.tparams, [{ kind: "TypeParam", name: "A", bounds: [] }, { kind: "TypeParam", name: "B", bounds: ["Ord", "Show"] }]);
  assert.equal([swap.kind, swap.ret, swap.params[0].type], ["GenericFn", "Pair[B, A]", "Pair[A, B]"]);
  assert.is(main.body.stmts[0].type, "Option[(Int, List[Bool])]");
  assert.equal(validate(LsrcIL, program), { ok: true });
});

test("parser: match arms, separated by `,`, line breaks or both, with guards and every kind of pattern", () => {
  const fn = parseText(wrap("match v {\n  Node(Leaf, -3, (x, _)) if x > 0 => 1, (\"s\", true) => 2\n  (y) => { 3 } 4 => return 5\n  _ => break,\n}")).items[0] as Lsrc.Fn;
  const m = (fn.body.stmts[0] as Lsrc.ExprStmt).expr as Lsrc.Match;
  assert.is(m.arms.length, 5);
  assert.equal(withoutLoc(m.arms[0]!.pattern), { kind: "CtorPat", ctor: "Node", args: [{ kind: "Binder", name: "Leaf" }, { kind: "IntPat", value: -3n }, { kind: "TuplePat", elems: [{ kind: "Binder", name: "x" }, { kind: "Wildcard" }] }] });
  assert.is(m.arms[0]!.guard?.kind, "Binary");
  assert.equal(withoutLoc(m.arms[1]!.pattern), { kind: "TuplePat", elems: [{ kind: "StrPat", value: "s" }, { kind: "BoolPat", value: true }] });
  assert.equal(withoutLoc(m.arms[2]!.pattern), { kind: "Binder", name: "y" }, "a pattern in parentheses is itself");
  assert.equal(withoutLoc(m.arms[3]!.body), { kind: "Block", stmts: [{ kind: "Return", value: { kind: "Int", value: 5n } }] }, "`=> return 5` stands for `=> { return 5 }`");
  assert.is((m.arms[4]!.body as Lsrc.Block).stmts[0]!.kind, "Break");
  assert.equal(m.loc, { line: 2, col: 1, length: 5 });
});

test("parser: a match left open ends where a statement starts a line, and a broken arm is skipped", () => {
  assert.equal(messagesOf(wrap("let y = match 3 { 1 => 2\nlet z = 3\nprint(z)")), ["3:1 expected a pattern, found `let` (a statement): is the `}` that ends the `match` missing?"]);
  assert.equal(messagesOf(wrap("let y = match 3 {\n  (1, => 2\n  _ => 3\n}\nprint(y)")).map((m) => m.split(" ")[0]), ["3:7"]);
});

test("parser: `try` binds like a unary operator; match is an expression anywhere", () => {
  assert.is(printedExpr("try f(x) + 1"), "((try f(x)) + 1)");
  assert.is(printedExpr("-try f(x).0"), "-(try f(x).0)");
  assert.is(printedExpr("1 + match x { _ => 2 } * 3"), "(1 + (match x {\n  _ => 2\n} * 3))");
  const fn = parseText(wrap("if match b { true => c, _ => d } { }\nwhile try g() { }")).items[0] as Lsrc.Fn;
  assert.equal(fn.body.stmts.map((s) => s.kind), ["ExprStmt", "While"]);
});

test("parser: patterns and matches nest at most 256 levels, with one clean diagnostic", () => {
  assert.equal(diagnosticsOf(wrap(`match x { ${"Some(".repeat(20_000)}_${")".repeat(20_000)} => 1 }`)).map((d) => d.message), ["nested too deeply (more than 256 levels)"]);
  assert.equal(diagnosticsOf(wrap(`let y = ${"match x { _ => ".repeat(20_000)}1${" }".repeat(20_000)}`)).map((d) => d.message), ["nested too deeply (more than 256 levels)"]);
  front(wrap(`let x = ${"Some(".repeat(120)}1${")".repeat(120)}\nlet y = match x { ${"Some(".repeat(120)}_${")".repeat(120)} => 1, _ => 2 }`));
});

test("check-types: constructors, generic calls, patterns and try state their types in Ltyped", () => {
  const text = typedText("union List[T] { Nil, Cons(head: T, tail: List[T]) }\nfn len[T](l: List[T]) -> Int { match l { Nil => 0, Cons(_, t) => 1 + len(t) } }\nfn half(x: Int) -> Result[Int, Bool] { if x % 2 == 0 { Ok(x / 2) } else { Err(false) } }\nfn quarter(x: Int) -> Result[Int, Bool] { half(try half(x)) }\nfn main() {\n  print(len(Cons(1, Nil)))\n  let f = len\n  print(f(Cons(true, Nil)))\n}\n");
  for (const line of [
    "fn len[T](l: List[T]) -> Int {", "match l: List[T] {", "List[T]::Nil => 0", "List[T]::Cons(_, t: List[T]) => (1 + call len[T](t))",
    "Result[Int, Bool]::Ok((x / 2))", "call half((try call half(x): Result[Int, Bool] -> Result[Int, Bool]))", "print_int(call len[Int](List[Int]::Cons(1, List[Int]::Nil)))",
    "let f: fn(List[Bool]) -> Int = fn len[Bool]", "union Result[T, E] {Ok(value: T), Err(error: E)}",
  ]) assert.ok(text.includes(line), `missing ${line} in\n${text}`);
});

test("check-types: type arguments come from anywhere in the function: annotations, later uses, arguments; a Never argument leaves Unit", () => {
  const text = typedText(wrap("let a: Option[Int] = None\nlet mut b = None\nb = Some(true)\nlet c = Some(panic(\"no\"))\nlet d = unwrap_or(None, 3)\nlet e = Ok(1)\nlet g: Result[Int, String] = e"));
  for (const line of ["let a: Option[Int] = Option[Int]::None", "let mut b: Option[Bool] = Option[Bool]::None", "let c: Option[Unit] = Option[Unit]::Some(panic(\"no\"))", "call unwrap_or[Int](Option[Int]::None, 3)", "let e: Result[Int, String] = Result[Int, String]::Ok(1)"]) {
    assert.ok(text.includes(line), `missing ${line} in\n${text}`);
  }
  assert.equal(messagesOf(wrap("let x = None")), ["2:9 cannot infer the type argument `T` of `None`: nothing here fixes it (write the type of the variable that holds the value: `let x: Type = ...`)"]);
  assert.equal(messagesOf(wrap("let x = None\nprint(unwrap(x))")), ["3:7 the type of this expression is not known here: write the type of the variable that holds it (`let x: Type = ...`)"]);
  assert.equal(messagesOf(wrap("let x = Some(1)\nlet y: Option[Bool] = x")), ["3:23 expected Option[Bool], found Option[Int]"]);
  assert.equal(messagesOf(wrap("let mut x = None\nx = Some(x)")), ["3:5 expected Option[_], found Option[Option[_]]"], "no infinite type");
});

test("check-types: generic bodies treat their type parameters as unknown types", () => {
  front("fn id[T](x: T) -> T { x }\nfn pair[A, B](a: A, b: B) -> (A, B) { (a, b) }\nfn main() { print(id(3)); print(pair(1, true).1) }");
  assert.equal(messagesOf("fn f[T](x: T) -> Int { x + 1 }\nfn main() { }"), ["1:24 expected Int, found T"]);
  assert.equal(messagesOf("fn f[T](x: T) { print(x) }\nfn main() { }"), ["1:23 `print` takes an Int, a Bool or a String, found T"]);
  assert.equal(messagesOf("fn f[A, B](a: A) -> B { a }\nfn main() { }"), ["1:25 expected B, found A (the body of `f` must end in its B result or return it)"]);
  assert.equal(messagesOf("fn main[T]() { }"), ["1:4 `fn main()` cannot have type parameters"]);
});

test("check-types: exhaustiveness names a missing value as a pattern; guarded arms cover nothing; Bools and tuples are finite", () => {
  const tree = "union Tree { Leaf, Node(left: Tree, key: Int, right: Tree) }\n";
  const missing = (source: string) => messagesOf(source).map((m) => /: `(.*)` is not matched/.exec(m)?.[1] ?? m);
  assert.equal(missing(`${tree}fn f(t: Tree) -> Int { match t { Leaf => 0, Node(Node(_, _, _), _, _) => 1 } }\nfn main() { }`), ["Node(Leaf, _, _)"]);
  assert.equal(missing(`${tree}fn f(t: Tree) -> Int { match t { Node(_, _, _) => 1 } }\nfn main() { }`), ["Leaf"]);
  assert.equal(missing(`${tree}fn f(t: Tree) -> Int { match t { Leaf => 0, Node(_, k, _) if k > 0 => 1 } }\nfn main() { }`), ["Node(_, _, _)"]);
  assert.equal(missing("fn f(b: (Bool, Bool)) -> Int { match b { (true, _) => 0, (_, true) => 1 } }\nfn main() { }"), ["(false, false)"]);
  assert.equal(missing("fn f(o: Option[Option[Bool]]) -> Int { match o { None => 0, Some(Some(true)) => 1, Some(None) => 2 } }\nfn main() { }"), ["Some(Some(false))"]);
  assert.equal(missing("fn f(n: Int) -> Int { match n { 0 => 0, -1 => 1 } }\nfn main() { }"), ["_"]);
  assert.equal(missing("fn f(s: String) -> Int { match (s, 1) { (\"a\", _) => 0 } }\nfn main() { }"), ["(_, _)"]);
  assert.equal(missing("fn f(n: Int) -> Int { match n { } }\nfn main() { }"), ["_"]);
  // Exhaustive: no error.
  front(`${tree}fn f(t: Tree) -> Int { match t { Leaf => 0, Node(Leaf, _, _) => 1, Node(Node(_, _, _), _, _) => 2 } }\nfn g(b: Bool) -> Int { match (b, b) { (true, _) => 0, (false, true) => 1, (false, false) => 2 } }\nfn main() { }`);
  front("fn f(x: Int) -> Int { match x { 1 => 1, y => y } }\nfn main() { }");
});

test("exhaustiveness: Maranget's algorithm on pattern matrices, redundant arms by index, and its bound", () => {
  const bools: Constructor[] = [false, true].map((b) => ({ key: String(b), arity: 0, siblings: () => bools, show: () => String(b) }));
  const pair: Constructor = { key: "pair", arity: 2, siblings: () => [pair], show: (a) => `(${a.join(", ")})` };
  const b = (v: boolean): Shape => ({ kind: "ctor", ctor: bools[v ? 1 : 0]!, args: [] });
  const p = (x: Shape, y: Shape): Shape => ({ kind: "ctor", ctor: pair, args: [x, y] });
  const arms = (...shapes: Shape[]) => shapes.map((shape) => ({ shape, guarded: false }));
  assert.equal(analyseMatch(arms(p(b(true), anything), p(anything, b(true)))), { kind: "done", redundant: [], missing: "(false, false)", literals: false });
  assert.equal(analyseMatch(arms(anything, p(b(true), b(true)), p(anything, anything))), { kind: "done", redundant: [1, 2], missing: null, literals: false });
  assert.equal(analyseMatch([{ shape: anything, guarded: true }, { shape: b(true), guarded: false }]), { kind: "done", redundant: [], missing: "false", literals: false });
  // 20 columns of Bools, exhaustive only all together: still quick, and refused past the bound.
  const n = 20;
  const wide: Constructor = { key: "wide", arity: n, siblings: () => [wide], show: (a) => `(${a.join(", ")})` };
  const row = (f: (k: number) => Shape): Shape => ({ kind: "ctor", ctor: wide, args: Array.from({ length: n }, (_, k) => f(k)) });
  const rows = [true, false].map((v) => row(() => b(v)));
  for (let i = 0; i + 1 < n; i++) for (const v of [true, false]) rows.push(row((k) => (k === i ? b(v) : k === i + 1 ? b(!v) : anything)));
  assert.equal(analyseMatch(arms(...rows)), { kind: "done", redundant: [], missing: null, literals: false });
  assert.equal(analyseMatch(arms(...rows), { steps: 50, depth: 1000 }), { kind: "too complex" });
});

test("check-types: an arm that can never match is a warning, given to the pass context when there is no error", () => {
  const source = "fn main() {\n  let x = match 3 { _ => 1, 2 => 2 }\n  let y = match true { true => 1, false => 2, true => 3 }\n  let z = match 3 { n if n > 0 => 1, n if n > 0 => 2, _ => 3 }\n}\n";
  const warnings: Warning[] = [];
  const context = passContext("w.qs", source, warnings);
  checkTypes.run(resolveModules.run(parse.run(source, context), context), context);
  assert.equal(warnings.map((w) => `${w.loc.line}:${w.loc.col} ${w.message}`), ["2:29 this arm can never match: the arms before it match every value it matches", "3:47 this arm can never match: the arms before it match every value it matches"]);
  const withError = `${source}fn other() -> Int { true }\n`;
  const none: Warning[] = [];
  assert.throws(() => checkTypes.run(resolveModules.run(parse.run(withError, passContext("w.qs", withError, none)), passContext("w.qs", withError, none)), passContext("w.qs", withError, none)));
  assert.equal(none, [], "no warnings beside errors");
});

test("check-types: the prelude's items a program does not use are dropped; a variable named like one uses nothing", () => {
  const names = (source: string) => front(source).items.map((i) => i.name);
  assert.equal(names(wrap("print(1)")), ["main"]);
  assert.equal(names(wrap("print(abs(-1))")), ["main", "abs"]);
  assert.equal(names(wrap("let unwrap = 3\nlet Some = 4\nprint(unwrap + Some)")), ["main"]);
  assert.equal(names(wrap("print(is_none(Some(1)))")), ["main", "Option", "is_some", "is_none"]);
  assert.equal(names("fn f() -> Result[Int, Int] { Ok(1) }\nfn main() { }"), ["f", "main", "Result"]);
  // ... and a program that uses none of the unions' compiles as before, on both targets.
  assert.is(compileEverywhere(wrap("let unwrap = -3\nprint(abs(unwrap))")).stdout, "3\n");
});

test("parse: each file of a compilation is lexed and parsed once, by the driver to find its imports, and the parse pass takes that parse", () => {
  const file = "tests/programs/modules_tree.qs";
  const source = readFileSync(join(packageRoot, file), "utf8");
  const context = passContext(file, source);
  const modules = [...context.modules!.values()].filter((m) => m.source !== null).length;
  assert.is(modules, 4); // (geo/shapes, geo/colors, text, colors: shapes is reached twice)
  const files = 1 + modules;
  assert.is(parsesMade(), files);
  const program = parse.run(source, context);
  assert.is(parsesMade(), files, "the parse pass parsed a file again");
  assert.is(program.items.filter((item) => item.kind === "Imported").length, modules + 1); // (and the prelude, parsed once per process)
});

test("compile takes the modules' files already read (the explorer reads them once): it reads none again", () => {
  const file = "tests/programs/modules_tree.qs";
  const source = readFileSync(join(packageRoot, file), "utf8");
  const read = readModules(file, source);
  const text = [...read.keys()].find((f) => f.endsWith("modules/text.qs"))!;
  // The text handed over, not the file on disk, is what the passes see.
  const edited = new Map(read).set(text, { file: text, source: read.get(text)!.source!.replace('helper(s) + "!"', 'helper(s) + "?"') });
  const outcome = (modules?: ReadonlyMap<string, ModuleSource>) => {
    const steps = compile(source, file, { target: "x86_64", check: true, until: "check-types", ...(modules ? { modules } : {}) });
    return interpreterFor("Ltyped")!(steps.at(-1)!.output).stdout;
  };
  assert.match(outcome(), /^hihi!$/m);
  assert.match(outcome(edited), /^hihi\?$/m);
});

test("check-types: a program's own items hide the prelude's; `try` still means the prelude's Result", () => {
  const text = typedText("union Maybe { Some(x: Int), Nothing }\nfn abs(x: Int) -> Int { 0 }\nfn main() {\n  print(abs(-1))\n  print(unwrap_or(None, 1))\n  match Some(2) { Some(v) => print(v), Nothing => print(0) }\n}\n");
  for (const line of ["union Maybe {Some(x: Int), Nothing}", "union Option[T] {prelude.Some(value: T), None}", "Maybe::Some(2)", "print_int(call abs(-1))"]) assert.ok(text.includes(line), `missing ${line} in\n${text}`);
  assert.not.ok(text.includes("fn abs(x: Int) -> Int {\n  if"), "the prelude's abs is not there");
  assert.equal(messagesOf("union Result { Good, Bad }\nfn f() -> Result { try g() }\nfn g() -> Result { Good }\nfn main() { }"), [
    "2:24 `try` unwraps the prelude's Result (prelude.Result: the program's own Result is another type), found Result",
  ]);
});

test("check-types: a generic item that would need ever larger instances of itself is one error naming the chain, on a cycle of any length", () => {
  const cycle = (n: number, grow: boolean) => range(n).map((i) => `fn f${i}[T](x: T) -> Int { f${(i + 1) % n}(${grow && i === n - 1 ? "(x, x)" : "x"}) }`);
  front(program(cycle(5000, false)));
  const [message, ...more] = diagnosticsOf(program(cycle(5000, true))).map((d) => d.message);
  assert.equal(more, []);
  assert.match(message!, /^the generic function `f4999` would need ever larger instances of itself: here it passes `\(T, T\)` for its type parameter `T`, and the chain `f4999` -> `f0` -> `f1` -> `f2` -> \.\.\. \(4994 more\) -> `f4997` -> `f4998` -> `f4999` comes back to it, without end$/);
});

test("check-types: without a prelude in the pass context, its names are unknown", () => {
  const source = wrap("print(abs(-1))\nlet x = try f()");
  const context = { file: "p.qs", source };
  try {
    checkTypes.run(resolveModules.run(parse.run(source, context), context), context);
    assert.unreachable("no diagnostics");
  } catch (e) {
    assert.equal((e as CompileError).diagnostics.map((d) => d.message), ["unknown function `abs`", "`try` needs the prelude's Result, and this compilation has no prelude", "unknown function `f`"]);
  }
});

// ---------------------------------------------------------------- hostile inputs (issue 14)

/** Compiles `source` on both targets in checked mode; on the first, every IL's interpreter
 * must agree with the source's. Gives the source's outcome. */
function compileEverywhere(source: string): Outcome {
  const [first, ...others] = targets;
  let outcome: Outcome | null = null;
  for (const step of checkTargets(source, "test.qs", [first!])) {
    assert.ok(!isBad(step), `${stepLabel(step)}: ${step.explanation}\n${source}`);
    outcome ??= step.outcome;
  }
  for (const target of others) compile(source, "test.qs", { target, check: true });
  return outcome!;
}

test("check-types: a Never value fits wherever a value is expected, and every such program compiles on both targets and does what it says", () => {
  const items = 'record P { x: Int, y: Int }\nfn f(x: Int) -> Int { x }\nfn g() -> Int { panic("p") }\nfn h() -> (Int, Int) { exit(3) }\n';
  const uses = [
    'print(panic("p"))', 'print(exit(3))', 'print(panic("p") + 1)', 'print(1 + panic("p"))', 'print(-panic("p"))', 'print(!panic("p"))',
    'print(panic("p") == panic("q"))', 'print(panic("p") & true)', 'print(panic("p") < 3)', 'print("s" + panic("p"))', 'print("s" == panic("p"))',
    'let x = panic("p")', 'let x: Int = panic("p")', 'let x: (Int, Int) = panic("p")', 'let x: Array[Int] = panic("p")', 'let x: P = panic("p")',
    'let t = (1, panic("p"))', 'let t = (panic("p"), exit(3))', 'let a = array(panic("p"), 1)', 'let a = array(3, panic("p"))', 'let b = Box(panic("p"))',
    'let p = P { x: panic("p"), y: 2 }', 'print(f(panic("p")))', 'if panic("p") { print(1) } else { print(2) }', 'while panic("p") { }',
    'for i in panic("p")..3 { print(i) }', 'for i in 0..panic("p") { print(i) }', 'let mut x = 1\nx = panic("p")', 'let mut x = 1\nx += panic("p")',
    'let mut p = P { x: 1, y: 2 }\np.x = panic("p")', 'let mut p = P { x: 1, y: 2 }\np.y *= panic("p")', 'let a = array(2, 0)\na[0] = panic("p")',
    'let a = array(2, 0)\na[panic("p")] = 1', 'let a = array(2, 0)\na[0] += panic("p")', 'let a = array(2, 0)\nprint(a[panic("p")])', 'let b = Box(1)\nb.set(panic("p"))',
    'assert(panic("p"))', 'exit(panic("p"))', 'panic(panic("p"))', 'let x = if f(1) < 0 { panic("q") } else { panic("p") }', 'print({ panic("p") })',
    'print(g())', 'print(h().0)', 'print(len("s" + panic("p")))', 'let t = (1, 2)\nlet u = (t, panic("p"))', 'let a = array(1, array(1, 0))\na[0][panic("p")] = 3',
    'let r = Box(1)\nr.set(exit(3))', 'print(if f(1) < 0 { 1 } else { panic("p") })', 'let s: String = panic("p")', 'print(len(array(panic("p"), 0)))',
    'let t: (Int, Bool) = (1, panic("p"))\nprint(t.0)', 'let x = { let y = panic("p"); y }',
    'while true { let x = { break } }\npanic("p")', 'for i in 0..3 { print({ continue }) }\npanic("p")', 'for i in 0..3 { let t = (1, { break }) }\npanic("p")',
  ];
  for (const use of uses) {
    const outcome = compileEverywhere(`${items}fn main() {\n${use}\n}\n`);
    // Each use stops at the first of `panic("p")` and `exit(3)` (h exits) it reaches.
    const [exits, panics] = [use.search(/exit\(3\)|h\(\)/), use.indexOf('panic("p")')];
    const exited = exits >= 0 && (panics < 0 || exits < panics);
    assert.equal([outcome.panic, outcome.status, outcome.stdout], exited ? [null, 3, ""] : ["p", 101, ""], use);
  }
});

test("check-types: a Never value where its type must be known (field, index, method, for) is one error at the value", () => {
  for (const [use, why] of [
    ['print(panic("p").x)', "it has no field `x`"], ['print(exit(1).0)', "it has no field `0`"], ['print(panic("p").get())', "it has no method `get`"],
    ['panic("p").set(1)', "it has no method `set`"], ['print(panic("p")[0])', "it cannot be indexed"], ['panic("p")[0] = 1', "it has no elements to assign to"],
    ['for v in panic("p") { print(v) }', "`for v in` cannot go through it"], ['print({ panic("p") }.x)', "it has no field `x`"],
    ['for v in array(2, panic("p")) { }', "`for v in` cannot go through it"], ['print(Box(panic("p")).get())', "it has no method `get`"],
  ]) {
    const ds = diagnosticsOf(wrap(use!));
    assert.equal(ds.map((d) => d.message), [`this expression never produces a value (its type is Never): ${why}`], use);
  }
});

test("check-types: a record or alias named like a built-in type is one error, never a crash, and so is a record defined twice", () => {
  for (const name of ["Int", "Bool", "Unit", "String", "Array", "Box", "Chan"]) {
    assert.equal(messagesOf(`record ${name} { x: Bool }\nfn main() { }`), [`1:8 \`${name}\` is a built-in type: choose another name`]);
    assert.equal(messagesOf(`type ${name} = (Int, Bool)\nfn main() { }`), [`1:6 \`${name}\` is a built-in type: choose another name`]);
  }
  assert.equal(messagesOf("record P { x: Int, y: Int }\nrecord P { x: Int }\nfn main() { let p = P { x: 1, y: 2 }\nprint(p.y) }"), ["2:8 `P` is defined twice"]);
  assert.equal(messagesOf("record P { x: Int }\nrecord P { x: Int, y: Int }\nfn main() { let p = P { x: 1 }\nprint(p.x) }"), ["2:8 `P` is defined twice"]);
  // Names the compiler uses inside are free for programs: a record Never, Error or Ref is a record.
  const outcome = compileEverywhere("record Never { x: Int }\nrecord Error { e: Never }\nrecord Ref { r: Int }\nfn mk() -> Error { Error { e: Never { x: 3 } } }\nfn main() {\nlet t = (mk(), Ref { r: 4 })\nprint(t.0.e.x + t.1.r)\n}\n");
  assert.is(outcome.stdout, "7\n");
});

test("check-types: `main` that is not a function is said to be one, not missing", () => {
  for (const [item, col] of [["type main = Int", 6], ["const main: Int = 1", 7], ["record main { x: Int }", 8]] as const) {
    assert.equal(messagesOf(`${item}\nfn f() { }`), [`1:${col} \`main\` must be a function: the program starts at \`fn main()\``]);
  }
});

/** A program of `lines`, then `fn main()` with `body`. */
const program = (lines: readonly string[], body = "") => `${lines.join("\n")}\nfn main() {\n${body}\n}\n`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test("parser and check-types: a type nests at most 256 levels, as written or through aliases, in either order of the items; never a RangeError", () => {
  const deep = (n: number, open: string, close: string) => `${open.repeat(n)}Int${close.repeat(n)}`;
  for (const [open, close] of [["Array[", "]"], ["Box[", "]"], ["(Int, ", ")"], ["fn(", ") -> Int"]]) {
    for (const n of [2000, 5600]) assert.equal(diagnosticsOf(wrap(`let a: ${deep(n, open!, close!)} = panic("p")`)).map((d) => d.message), ["type nested too deeply (more than 256 levels)"]);
    front(wrap(`let a: ${deep(255, open!, close!)} = panic("p")`));
  }
  for (const reversed of [false, true]) {
    const order = (lines: string[]) => (reversed ? lines.reverse() : lines);
    // A chain of 5,600 aliases, each naming the next: nothing nests.
    front(program(order(["type A0 = Int", ...range(5600).map((i) => `type A${i + 1} = A${i}`)]), "let x: A5600 = 1\nprint(x)"));
    // Each one an Array of the next: too deep from A256 on, and only a use is an error.
    const arrays = order(["type A0 = Int", ...range(5600).map((i) => `type A${i + 1} = Array[A${i}]`)]);
    front(program(arrays, "let x: A255 = panic(\"p\")"));
    assert.equal(diagnosticsOf(program(arrays, "let x: A256 = panic(\"p\")")).map((d) => d.message), ["the type A256 nests more than 256 levels deep once its aliases are written out"]);
    assert.equal(diagnosticsOf(program(arrays, "let x: A5600 = panic(\"p\")\nlet y: A5599 = x[0]")).map((d) => d.message), ["the type A5600 nests more than 256 levels deep once its aliases are written out", "the type A5599 nests more than 256 levels deep once its aliases are written out"]);
    // A cycle through 5,600 aliases is one error, its middle left out.
    const cycle = order([...range(5600).map((i) => `type A${i} = Array[A${(i + 1) % 5600}]`)]);
    const [message, ...more] = diagnosticsOf(program(cycle)).map((d) => d.message);
    assert.equal(more, []);
    assert.match(message!, /^the type alias `A\d+` refers to itself: `A\d+` -> `A\d+` -> `A\d+` -> `A\d+` -> \.\.\. \(5594 more\) -> `A\d+` -> `A\d+` -> `A\d+` \(use a record to make a recursive type\)$/);
  }
});

test("check-types: a const nests at most 256 levels with the consts it uses written out, so the same const is refused in either order of the items", () => {
  const chain = ["const C0: Int = 0", ...range(2739).map((i) => `const C${i + 1}: Int = C${i} + 1`)];
  const tooDeep = ["constant `C256` is nested too deeply: its value, with the constants it uses written out in their places, is more than 256 levels deep"];
  assert.equal(diagnosticsOf(program(chain, "print(C2739)")).map((d) => d.message), tooDeep);
  assert.equal(diagnosticsOf(program([...chain].reverse(), "print(C2739)")).map((d) => d.message), tooDeep);
  for (const lines of [chain.slice(0, 256), chain.slice(0, 256).reverse()]) assert.is(compileEverywhere(program(lines, "print(C255)")).stdout, "255\n");
  // The depth of an expression counts too: 150 levels using a const of 150 levels is 300.
  const nested = (n: number, leaf: string) => `${"1 + (".repeat(n - 1)}${leaf}${")".repeat(n - 1)}`;
  assert.equal(diagnosticsOf(program([`const A: Int = ${nested(150, "B")}`, `const B: Int = ${nested(150, "1")}`])).map((d) => d.message), ["constant `A` is nested too deeply: its value, with the constants it uses written out in their places, is more than 256 levels deep"]);
  // A cycle is reported once, where it starts, however many consts use it.
  assert.equal(messagesOf(program(["const A: Int = B + C", "const B: Int = A", "const C: Int = A + B"])), ["1:7 constant `A` depends on itself: `A` -> `B` -> `A`"]);
});

test("check-types: aliases that double at each level cost nothing until used; a use too large to write out is one short error; equal types compare at once", () => {
  const doubling = (name: string, levels: number, base = "Int") => [`type ${name}0 = ${base}`, ...range(levels).map((i) => `type ${name}${i + 1} = (${name}${i}, ${name}${i})`)];
  front(program(doubling("A", 2000))); // written out, A2000 would have 2^2000 Ints
  const tooLarge = "is too large: written out without aliases it would take more than 10000 characters";
  for (const [place, at] of [["fn main() { let x: A30 = panic(\"p\") }", "the type A30"], ["fn f(x: Int) -> A30 { panic(\"p\") }\nfn main() { }", "the type A30"], ["record R { f: (A20, Int) }\nfn main() { }", "the type (A20, Int)"]]) {
    assert.equal(diagnosticsOf(`${doubling("A", 30).join("\n")}\n${place}`).map((d) => d.message), [`${at} ${tooLarge}`]);
  }
  // A tuple made of values whose types are fine may itself be too large.
  assert.equal(diagnosticsOf(program(doubling("A", 10), 'let x: A10 = panic("p")\nlet y = (x, x)')).map((d) => d.message), [`the type of this expression, (A10, A10), ${tooLarge}`]);
  // A9 and B9 are one type (512 Ints); C9 has Bools where they have Ints.
  const all = [...doubling("A", 9), ...doubling("B", 9), ...doubling("C", 9, "Bool")];
  assert.is(compileEverywhere(program([...all, "fn f(a: A9) -> B9 { a }"], "print(f(panic(\"p\")).0.0.0.0.0.0.0.0.0)")).panic, "p");
  assert.equal(messagesOf(program([...all, "fn f(a: A9) -> C9 { a }"])), ["31:21 expected C9, found A9 (the body of `f` must end in its C9 result or return it)"]);
});

test("spec/language.md says what check-types does with Strings: variables, parameters, results, print, ==, panic (issue 14.15)", () => {
  const program = 'fn twice(s: String) -> String { s + s }\nfn main() {\n    let mut s: String = "a"\n    s = twice(s)\n    print(s)\n    print(s == "aa")\n    if len(s) > 9 { panic("too long: " + s) }\n}\n';
  assert.is(renderDiagnosticsOf(program, "strings.qs"), "");
  const spec = readFileSync(join(packageRoot, "spec", "language.md"), "utf8").replace(/\s+/g, " ");
  for (const stale of ["may not be String", "may not have type String", "String: not supported yet", "only allowed as the argument of `panic`", "must be a string literal", "String cannot be compared"]) {
    assert.not.ok(spec.includes(stale), `the spec still says "${stale}"`);
  }
});

// ---------------------------------------------------------------- diagnostics

test("diagnostics: the format, with tabs kept and carets under the whole span", () => {
  const source = "fn main() {\n\tlet x = 1\n\tx = 5\n}\n";
  const d: Diagnostic = { file: "app.qs", loc: { line: 3, col: 2, length: 1 }, message: "cannot assign to `x`: it is not declared `mut`" };
  assert.is(formatDiagnostic(d, source, false), "app.qs:3:2: error: cannot assign to `x`: it is not declared `mut`\n 3 | \tx = 5\n   | \t^");
  const wide: Diagnostic = { file: "app.qs", loc: { line: 2, col: 6, length: 5 }, message: "m" };
  assert.is(formatDiagnostic(wide, "\n\tlet value = 1\n", false), "app.qs:2:6: error: m\n 2 | \tlet value = 1\n   | \t    ^^^^^");
  assert.is(formatDiagnostics([d, d], source, false).split("\n").pop(), "1 error", "exact repeats are shown once");
  assert.is(formatDiagnostics([d, { ...d, message: "other" }], source, false).split("\n").pop(), "2 errors");
});

test("diagnostics: no control character of the source, the file name or a message reaches the terminal raw (issue 14.3)", () => {
  const controls = [...Array(0x20).keys(), ...Array.from({ length: 0x21 }, (_, k) => 0x7f + k), 0x61c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029, 0xfeff]
    .filter((c) => c !== 0x0a && c !== 0x0d)
    .map((c) => String.fromCodePoint(c));
  const line = `let x = "${controls.join("")}" + 1`;
  const file = "\x1b]0;title\x07.qs";
  const d: Diagnostic = { file, loc: { line: 1, col: line.length, length: 1 }, message: `unexpected character \`\x1b\` \t\n` };
  for (const color of [false, true]) {
    const shown = formatDiagnostics([d, { ...d, loc: { line: 1, col: 10, length: controls.length } }], line, color).replace(/\x1b\[[0-9;]*m/g, "");
    const raw = [...shown].filter((c) => c !== "\n" && c !== "\t" && controls.includes(c));
    assert.equal(raw, [], `colour ${color}`);
  }
  const shown = formatDiagnostic(d, line, false).split("\n");
  assert.is(shown[0], "\\u{1b}]0;title\\u{7}.qs:1:" + line.length + ": error: unexpected character `\\u{1b}` \\u{9}\\u{a}");
  assert.is(shown[2]!.indexOf("^"), shown[1]!.lastIndexOf("1"), "the caret is under the `1`, after the escapes");
  const all = formatDiagnostic({ ...d, loc: { line: 1, col: 10, length: controls.length } }, line, false).split("\n");
  assert.is(all[2]!.length - all[2]!.indexOf("^"), all[1]!.indexOf('" + 1') - all[1]!.indexOf('"') - 1, "the carets cover every escape");
});

test("diagnostics: a hostile file gets a few errors, not one per character, and at most 20 are shown (issue 14.14)", () => {
  const ats = "@".repeat(100_000);
  assert.is(renderDiagnosticsOf(ats, "at.qs"), "at.qs:1:1: error: unexpected characters `@@@@@@@@@@@@@@@@@@@@...`\n 1 | " + "@".repeat(100) + "...\n   | " + "^".repeat(100) + "\n\n1 error\n");
  for (const [unit, count] of [["@\n", 50_000], ["x\n", 50_000], ["}\n", 50_000], ["0x 1_ ", 1], ["} ", 1]] as const) {
    const text = renderDiagnosticsOf(unit.repeat(Math.ceil(100_000 / unit.length)), "hostile.qs");
    assert.ok(text.length < 3000, `${JSON.stringify(unit)}: ${text.length} characters`);
    const last = text.trimEnd().split("\n").pop();
    assert.is(last, count === 1 ? (unit === "0x 1_ " ? "2 errors" : "1 error") : `... and ${(count - 20).toLocaleString("en-US")} more errors (${count.toLocaleString("en-US")} in all)`, JSON.stringify(unit));
    if (count > 1) assert.is(text.match(/: error: /g)?.length, 20);
  }
});

test("display width: East Asian Wide and Fullwidth characters and emoji take 2 columns, combining marks 0 (issue 14.15)", () => {
  const widths: [string, number][] = [
    ["abc", 3], ["名前", 4], ["こんにちは", 10], ["한국어", 6], ["ＡＢ", 4], ["ｱｲ", 2], ["😀", 2], ["👨\u200d👩\u200d👧", 2],
    ["🇫🇷", 2], ["👍🏽", 2], ["1\ufe0f\u20e3", 2], ["❤\ufe0f", 2], ["e\u0301", 1], ["\u0301", 0], ["a\u200bb", 2], ["é", 1], ["", 0],
  ];
  for (const [text, width] of widths) assert.is(displayWidth(text), width, JSON.stringify(text));
});

test("diagnostics: carets line up under wide characters; line:col keep counting UTF-16 code units (issue 14.15)", () => {
  const line = "let s = \"名前 😀 e\u0301\" + 1";
  const d: Diagnostic = { file: "w.qs", loc: { line: 1, col: line.indexOf("+ 1") + 3, length: 1 }, message: "m" };
  assert.is(formatDiagnostic(d, line, false), `w.qs:1:${line.length}: error: m\n 1 | ${line}\n   | ${" ".repeat(8 + 1 + 4 + 1 + 2 + 1 + 1 + 1 + 3)}^`);
  const span: Diagnostic = { file: "w.qs", loc: { line: 1, col: 10, length: 2 }, message: "m" };
  assert.is(formatDiagnostic(span, line, false).split("\n")[2], `   | ${" ".repeat(9)}^^^^`);
});

test("diagnostics: colour only when asked for", () => {
  const d: Diagnostic = { file: "a.qs", loc: { line: 1, col: 1, length: 2 }, message: "m" };
  assert.ok(formatDiagnostic(d, "fn", true).includes("\x1b[31m"), "red");
  assert.not.ok(formatDiagnostic(d, "fn", false).includes("\x1b["), "plain");
});

test("diagnostics: a CompileError carries every diagnostic, sorted by position", () => {
  try {
    front("fn main() {\n    let b: Bool = 1\n    x = 2\n    let a: Int = true\n}\nfn other() -> Int {}\n");
    assert.unreachable("no error");
  } catch (e) {
    assert.instance(e, CompileError);
    const list = (e as CompileError).diagnostics.map((d) => d.loc.line);
    assert.equal(list, [2, 3, 4, 6]);
  }
});

test("diagnostics: the golden files (tests/diagnostics/*.err) match exactly", () => {
  const cases = diagnosticCases();
  assert.ok(cases.length >= 20, `only ${cases.length} cases`);
  for (const path of cases) {
    const expected = readFileSync(join(packageRoot, goldenPathFor(path)), "utf8");
    assert.ok(expected.length > 0, `${path}: the golden file is empty`);
    assert.fixture(renderDiagnosticsFor(path), expected);
  }
});

test.run();

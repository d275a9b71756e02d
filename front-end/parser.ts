// The parser: tokens to an Lsrc program, by recursive descent. The grammar rule
// each function implements is written in the comment above it; together they
// are the grammar of spec/language.md.
//
// Locations: Binary and Unary nodes carry their operator's position, Var, Let,
// Assign, Const, Fn and Param their name's, If, While, For, Break and Continue
// their keyword's, Call its callee name's, Block its `{`, literals their text.
//
// Errors: a syntax error is reported and then thrown as BAIL, which the nearest
// statement (or item) loop catches; it skips to the end of that statement (the
// next `;` or line break outside the brackets it skips, the `}` closing the
// block, or a line that starts with `let`, `while` or `for`) and goes on, so
// independent errors are all reported. Errors on a line where the lexer already
// found one, and repeated errors at the end of the file, are not reported.
//
// Depth: every block, `if`, call, unary or binary operator and parenthesis
// opens one level of nesting (a function's body is level 1). More than 256 is
// an error, reported before recursing any further (operator chains are built
// in a loop and counted by the height of what they hold), so no input
// overflows the JS stack and later passes can recurse over the tree safely.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { assignOperators, functionType } from "../ir-defs/lsrc.js";
import { sourceNames, type DiagnosticSink, type Note } from "./diagnostics.js";
import type { Loc } from "../il/node.js";
import { isKeyword, lexer, locOf as tokenLoc, type Token } from "./lexer.js";
import { INT_MAX, INT_MIN } from "../ir-defs/semantics.js";

export const maxNesting = 256;

type TypeName = Lsrc.Param["type"];
const assignOps: ReadonlySet<string> = new Set(assignOperators);
const unaryOps: ReadonlySet<string> = new Set(["-", "!", "~", "try"]);

// Binary operators by precedence level, loosest first; comparisons do not chain.
const comparisonLevel = 3;
const levels: ReadonlyMap<string, number> = new Map([
  ["||", 1], ["&&", 2],
  ["==", 3], ["!=", 3], ["<", 3], ["<=", 3], [">", 3], [">=", 3],
  ["|", 4], ["^", 5], ["&", 6], ["<<", 7], [">>", 7], ["+", 8], ["-", 8], ["*", 9], ["/", 9], ["%", 9],
]);

const statementsOnly: ReadonlySet<string> = new Set(["let", "using", "while", "for", "break", "continue", "return"]);
// Tokens that may follow an operand: after one of them, a keyword was meant as a name.
const endsOperand: ReadonlySet<string> = new Set([")", "]", "}", ",", ";", "..", ...levels.keys(), ...assignOperators]);

// Where recovery may resume, at the start of a line: keywords that start a statement, or an item.
const startsStatement: ReadonlySet<string> = new Set(["let", "while", "for", "return"]);
const startsItem: ReadonlySet<string> = new Set(["fn", "const", "pub", "use", "record", "union", "protocol", "impl", "type"]);

interface Parser {
  /** The token stream (tokens are read one at a time, never all kept). */
  readonly read: () => Token;
  /** The current token, the one after it (once asked for), the kind of the one before it. */
  current: Token;
  ahead: Token | null;
  previousKind: string;
  /** The text of the token before the current one (`var`, for a hint). */
  previousText: string;
  readonly sink: DiagnosticSink;
  /** Levels of nesting entered and not yet left. */
  depth: number;
  /** The height of the expression (or statement) just parsed. */
  height: number;
  /** Only one "found the end of the file" and one "never closed" error. */
  endReported: boolean;
  /** Only one error of nesting too deep. */
  tooDeep: boolean;
  unclosedReported: boolean;
  /** Lines with a lexical error: syntax errors there are not reported. */
  readonly errorLines: ReadonlySet<number>;
  /** The current token's line, and the column of the first token on that line. */
  line: number;
  indent: number;
  /** The first `{` whose `}` is indented less than the `{`'s line: maybe the one left open. */
  suspect: { open: Token; close: Token } | null;
  /** The `}` that ended the last block, and the indentation of its line. */
  lastClose: { token: Token; lineIndent: number } | null;
  /** A function body ended by a `}` indented more than the `fn`: maybe an extra `}`. */
  earlyClose: { fn: string; close: Token } | null;
  /** In the condition of if/while or the range of for, `Name {` starts the body, not a record (as in Rust). */
  noRecord: boolean;
}

/** Where the type written in a Let, Param, FieldDecl, TypeAlias or Fn (its result) starts:
 * check-types puts the caret of an unknown type there. Kept beside the tree, not in it. */
const typeLocs = new WeakMap<object, Loc>();
export const typeLocOf = (node: object): Loc | undefined => typeLocs.get(node);
/** `to`, a copy of `from` made by a later pass (resolve-modules), with `from`'s type location. */
export const keepTypeLoc = <N extends object>(from: object, to: N): N => withTypeLoc(to, typeLocs.get(from));
const withTypeLoc = <N extends object>(node: N, loc: Loc | undefined): N => {
  if (loc) typeLocs.set(node, loc);
  return node;
};

/** Thrown after a syntax error has been reported; caught by statement and item loops. */
const BAIL = Object.freeze({ bail: true });

/** The file whose locations the parser is making, when it is not the program's own (an
 * imported module's): every loc names it (il/node.ts). Set only while parseSource runs. */
let moduleFile: string | undefined;
const inFile = (loc: Loc): Loc => (moduleFile === undefined ? loc : { line: loc.line, col: loc.col, length: loc.length, file: moduleFile }); // (written out: a spread gave each loc a hidden class of its own in V8, 14 MB at 10k lines)
const locOf = (t: Token): Loc => inFile(tokenLoc(t));

/** Parses a whole source file of a one-file program (without `use`, `pub` or `module`, it is
 * an Lsrc program); every problem goes to the sink. Every word of the source (identifier or
 * keyword) is added to `words`, when given. */
export function parseSource(source: string, sink: DiagnosticSink, words?: Set<string>): Lsrc.Program {
  return parseModuleFile(source, sink, words) as Lsrc.Program;
}

/** Parses a whole source file as Lmodules, like parseSource; `file`: the module's file, for a
 * file other than the program's own, so that its locations name it. */
export function parseModuleFile(source: string, sink: DiagnosticSink, words?: Set<string>, file?: string): Lmodules.Program {
  moduleFile = file;
  try {
    return parseFile(source, sink, words);
  } finally {
    moduleFile = undefined;
  }
}

function parseFile(source: string, sink: DiagnosticSink, words?: Set<string>): Lmodules.Program {
  const errorLines = new Set<number>();
  const read = lexer(source, sink, errorLines, words);
  const first = read();
  const p: Parser = {
    read, current: first, ahead: null, previousKind: "", previousText: "", sink, depth: 0, height: 0,
    endReported: false, tooDeep: false, unclosedReported: false, errorLines, line: first.line, indent: first.col, suspect: null,
    lastClose: null, earlyClose: null, noRecord: false,
  };
  return parseProgram(p);
}

// ---------------------------------------------------------------- helpers

const peek = (p: Parser): Token => p.current;
const at = (p: Parser, kind: string): boolean => p.current.kind === kind;
/** The token after the current one. */
const peekSecond = (p: Parser): Token => (p.ahead ??= p.current.kind === "eof" ? p.current : p.read());
const isEnd = (t: Token): boolean => t.kind === "eof" || (t.kind === ";" && t.implicit && t.text === "");

function next(p: Parser): Token {
  const t = p.current;
  if (t.kind === "eof") return t;
  p.previousKind = t.kind;
  p.previousText = t.text;
  p.current = p.ahead ?? p.read();
  p.ahead = null;
  if (p.current.line !== p.line) {
    p.line = p.current.line;
    p.indent = p.current.col;
  }
  return t;
}

function eat(p: Parser, kind: string): boolean {
  if (!at(p, kind)) return false;
  next(p);
  return true;
}

function describe(t: Token): string {
  if (isEnd(t)) return "the end of the file";
  if (t.kind === ";") return t.implicit ? "a line break" : "`;`";
  if (t.kind === "string") return "a string";
  return `\`${t.text}\``;
}

/** Reports a syntax error and returns BAIL for the caller to throw. */
function fail(p: Parser, where: Token | Loc, message: string): typeof BAIL {
  const token = "kind" in where ? where : null;
  if (p.errorLines.has(where.line)) return BAIL;
  if (token && isEnd(token)) {
    if (p.endReported || p.unclosedReported || token.inComment) return BAIL; // (an open comment ate the rest: reported)
    p.endReported = true;
  }
  p.sink.report(token ? locOf(token) : (where as Loc), message);
  return BAIL;
}

function expect(p: Parser, kind: string, context: string): Token {
  const t = peek(p);
  if (t.kind !== kind) throw fail(p, t, `expected \`${kind}\` ${context}, found ${describe(t)}`);
  return next(p);
}

/** A keyword where a name or an expression was expected: what it is for, when a student is likely to have meant something. */
const keywordHints: Readonly<Record<string, string>> = {
  mut: "`mut` goes after `let` (`let mut x = ...`): a parameter is never `mut`; copy it into a `let mut` in the body",
  use: "`use` goes at the top of the file, before its items, not inside a function",
  Self: "`Self` is a type, the impl's: to make a record, write its own name (`P { ... }`)",
};
const reserved = (t: Token, where: "name" | "anywhere" = "anywhere"): string =>
  (where === "anywhere" ? keywordHints[t.kind] : undefined) ?? `\`${t.kind}\` is a reserved keyword and cannot be used as a name`;

function expectName(p: Parser, what: string): Token {
  const t = peek(p);
  if (t.kind === "ident") return next(p);
  if (isKeyword(t.kind)) throw fail(p, t, what.startsWith("a parameter") ? reserved(t) : reserved(t, "name"));
  throw fail(p, t, `expected ${what}, found ${describe(t)}`);
}

/** One more level of nesting, refused past the limit before any recursion. */
function enter(p: Parser, t: Token): void {
  if (++p.depth > maxNesting) throw tooDeep(p, t, `nested too deeply (more than ${maxNesting} levels)`);
}

/** The first error of nesting past the limit: one is enough (a long `else if` chain would give one per branch). */
function tooDeep(p: Parser, t: Token, message: string): typeof BAIL {
  if (p.tooDeep) return BAIL;
  p.tooDeep = true;
  return fail(p, t, message);
}

/** A binary operator at the current depth whose operands are `height` nodes
 * deep: its deepest operator would be at level depth + height - 1. (Other
 * constructs count their level on the way down, in `enter`.) */
function checkOperatorDepth(p: Parser, height: number, t: Token): number {
  if (p.depth + height - 1 <= maxNesting) return height;
  if (height <= p.depth) throw tooDeep(p, t, `nested too deeply (more than ${maxNesting} levels)`); // (mostly blocks, ifs, calls: not the operators)
  throw tooDeep(p, t, `expression too long: operators nested more than ${maxNesting} levels deep (split it with \`let\`)`);
}

/** After an error: skip to the end of the statement at this bracket depth, to
 * the `}` that closes the enclosing block (left for the block to see), or to a
 * keyword of `resumeAt` that starts a line. (That makes progress: the statement
 * or item that failed had already consumed its own first keyword.) */
function synchronize(p: Parser, resumeAt: ReadonlySet<string>): void {
  let braces = 0; // `{` opened while skipping and not closed yet
  let brackets = 0; // the same for `(` and `[`
  for (;;) {
    const t = peek(p);
    if (t.kind === "eof") return;
    if (braces === 0 && t.col === p.indent && t.line === p.line && resumeAt.has(t.kind)) return;
    if (t.kind === "{") braces++;
    else if (t.kind === "}") {
      if (braces === 0) return;
      braces--;
    } else if (t.kind === "(" || t.kind === "[") brackets++;
    else if (t.kind === ")" || t.kind === "]") brackets = Math.max(0, brackets - 1);
    else if (t.kind === ";" && braces === 0 && brackets === 0) {
      next(p);
      return;
    }
    next(p);
  }
}

/** Runs a statement or item parser; on a syntax error, recovers and returns null. */
function recovering<T>(p: Parser, resumeAt: ReadonlySet<string>, parseOne: () => T): T | null {
  const depth = p.depth;
  try {
    return parseOne();
  } catch (e) {
    if (e !== BAIL) throw e;
    p.depth = depth;
    synchronize(p, resumeAt);
    return null;
  }
}

/** A statement or item ends with `;`, a line break, before `}`, or after a block. */
function endOfStatement(p: Parser, what: string): void {
  const t = peek(p);
  if (t.kind === ";") next(p);
  else if (!(t.kind === "}" || t.kind === "eof" || p.previousKind === "}")) {
    const hint = p.previousKind === "ident" && ["var", "val", "auto"].includes(p.previousText) ? " (a variable is declared with `let`, or `let mut` to assign it again)" : t.kind === ":" && peekSecond(p).kind === "=" ? " (there is no `:=`: declare with `let x = ...`)"
      : t.kind === ":" && peekSecond(p).kind === ":" ? " (there is no `::`: a constructor is named alone, `Red`, a module's item `m.f`)" : "";
    throw fail(p, t, `expected \`;\` or a line break after the ${what}, found ${describe(t)}${hint}`);
  }
}

// ---------------------------------------------------------------- items

// program = [ "module" name sep ] { item sep }
function parseProgram(p: Parser): Lmodules.Program {
  const items: Lmodules.Item[] = [];
  while (eat(p, ";"));
  if (at(p, "module")) {
    const header = recovering(p, startsItem, (): Lmodules.ModuleHeader => {
      next(p);
      const name = expectName(p, "a module name");
      endOfStatement(p, "module header");
      return { kind: "ModuleHeader", name: name.text, loc: locOf(name) };
    });
    if (header) items.push(header);
  }
  for (;;) {
    while (eat(p, ";"));
    const t = peek(p);
    if (t.kind === "eof") break;
    if (t.kind === "}") {
      p.sink.report(locOf(next(p)), "unexpected `}`: there is no `{` for it to close", earlyCloseNote(p));
      continue;
    }
    const item = recovering(p, startsItem, () => parseItem(p));
    if (item) items.push(item);
  }
  return { kind: "Program", items, loc: inFile({ line: 1, col: 1, length: 1 }) };
}

// item = "pub" item-body | item-body | use-item
function parseItem(p: Parser): Lmodules.Item | null {
  const pub = peek(p);
  if (!eat(p, "pub")) return at(p, "use") ? parseUse(p) : parseItemBody(p);
  if (at(p, "use") || at(p, "pub")) throw fail(p, peek(p), `\`pub\` goes before \`fn\`, \`const\`, \`record\`, \`union\`, \`type\` or \`protocol\`, not \`${peek(p).kind}\``);
  const item = parseItemBody(p);
  return item && { kind: "Pub", item, loc: locOf(pub) };
}

// use-item = "use" name { "." name } [ "." "{" name { "," name } [ "," ] "}" ]
//            (`use util.text` names the module `text`; `use util.text.{pad, Style}` brings names in)
function parseUse(p: Parser): Lmodules.Use {
  const use = next(p);
  const path = [expectName(p, "a module name after `use`").text];
  const names: Lmodules.Import[] = [];
  while (eat(p, ".")) {
    if (at(p, "{")) {
      const open = next(p);
      names.push(...parseList(p, "}", "a name", () => {
        const name = expectName(p, "a name to import");
        return { kind: "Import" as const, name: name.text, loc: locOf(name) };
      }));
      if (names.length === 0) throw fail(p, open, "expected the names to import between `{` and `}`");
      break;
    }
    path.push(expectName(p, "a module name after `.`").text);
  }
  endOfStatement(p, "use");
  return { kind: "Use", path, names, file: "", loc: { ...locOf(use), length: 3 } }; // (its file: the parse pass)
}

// item-body = fn-item | const-item | record-item | union-item | type-item | impl-item | protocol-item
function parseItemBody(p: Parser): Lsrc.Item | null {
  const t = peek(p);
  if (t.kind === "fn" || t.kind === "const" || t.kind === "record" || t.kind === "union" || t.kind === "type" || t.kind === "impl" || t.kind === "protocol") p.earlyClose = null; // it concerned the item before
  switch (t.kind) {
    case "fn": return parseFn(p);
    case "const": return parseConst(p);
    case "record": return parseRecord(p);
    case "union": return parseUnion(p);
    case "type": return parseTypeAlias(p);
    case "impl": return parseImpl(p);
    case "protocol": return parseProtocol(p);
    case "module": throw fail(p, t, "`module` may only be the first line of the file");
    default:
      if (!p.errorLines.has(t.line)) p.sink.report(locOf(t), `expected an item (\`fn\`, \`const\`, \`record\`, \`union\`, \`type\`, \`impl\` or \`protocol\`), found ${describe(t)}`, earlyCloseNote(p));
      throw BAIL;
  }
}

// fn-item = "fn" name [ type-params ] params [ "->" type ] block
function parseFn(p: Parser): Lsrc.Fn | Lsrc.GenericFn {
  const indent = p.indent;
  next(p);
  const name = expectName(p, "the function's name");
  const tparams = at(p, "[") ? parseTypeParams(p) : null;
  if (at(p, "<")) throw fail(p, peek(p), `type parameters go in square brackets: \`fn ${name.text}[T](...)\`, not \`<T>\``);
  expect(p, "(", "after the function's name");
  const params = parseParams(p);
  const retLoc = at(p, "->") ? locOf(peekSecond(p)) : undefined;
  const ret = eat(p, "->") ? parseType(p) : null;
  if (!at(p, "{")) throw fail(p, peek(p), `expected \`{\` to start the body of \`${name.text}\`, found ${describe(peek(p))}`);
  const body = parseBlock(p);
  const close = p.lastClose;
  if (close && close.lineIndent > indent) p.earlyClose = { fn: name.text, close: close.token }; // (`    }` or `    }}`)
  endOfStatement(p, "function");
  if (tparams) return withTypeLoc({ kind: "GenericFn", name: name.text, tparams, params, ret, body, loc: locOf(name) }, retLoc);
  return withTypeLoc({ kind: "Fn", name: name.text, params, ret, body, loc: locOf(name) }, retLoc);
}

// params = "(" [ param { "," param } [ "," ] ] ")"
// param  = name ":" type | "self"          (`self`, a method's receiver, has the type `Self`)
function parseParams(p: Parser): Lsrc.Param[] {
  const params: Lsrc.Param[] = [];
  while (!at(p, ")")) {
    if (at(p, "self")) {
      const self = next(p);
      params.push({ kind: "Param", name: "self", type: "Self", loc: locOf(self) });
      if (!eat(p, ",") && !at(p, ")")) throw fail(p, peek(p), `expected \`,\` or \`)\` after \`self\`, found ${describe(peek(p))}`);
      continue;
    }
    const param = expectName(p, "a parameter name or `)`");
    expect(p, ":", `after the parameter \`${param.text}\` (parameters are written \`name: Type\`)`);
    const typeAt = locOf(peek(p));
    params.push(withTypeLoc({ kind: "Param", name: param.text, type: parseType(p), loc: locOf(param) }, typeAt));
    if (!eat(p, ",") && !at(p, ")")) throw fail(p, peek(p), `expected \`,\` or \`)\` after a parameter, found ${describe(peek(p))}`);
  }
  next(p);
  return params;
}

// impl-item = "impl" [ type-params ] type [ "for" type ] "{" { fn-item } "}"
//             (`impl Point { ... }`, `impl[T] Stack[T] { ... }`, `impl Show for Point { ... }`)
function parseImpl(p: Parser): Lsrc.Impl | Lsrc.ProtocolImpl {
  next(p);
  const tparams = at(p, "[") ? parseTypeParams(p) : [];
  const typeAt = locOf(peek(p));
  const first = parseType(p);
  let protocol: { name: string; loc: Loc } | null = null;
  let type = first;
  let loc = typeAt;
  if (at(p, "for")) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)?$/.test(first)) throw fail(p, typeAt, `expected a protocol's name before \`for\`, found \`${sourceNames(first)}\``);
    next(p);
    protocol = { name: first, loc: typeAt };
    loc = locOf(peek(p));
    type = parseType(p);
  }
  expect(p, "{", `after \`impl ${protocol ? `${protocol.name} for ` : ""}${type}\``);
  const methods = itemBody(p, () => {
    const fns: Lsrc.Item[] = [];
    for (;;) {
      while (eat(p, ";"));
      if (eat(p, "}")) return fns;
      if (!at(p, "fn")) throw fail(p, peek(p), `expected a method (\`fn\`) or \`}\` in the impl, found ${describe(peek(p))}`);
      fns.push(parseFn(p));
    }
  });
  endOfStatement(p, "impl");
  if (protocol) return withTypeLoc({ kind: "ProtocolImpl", tparams, protocol: protocol.name, type, methods, loc: protocol.loc }, loc);
  return withTypeLoc({ kind: "Impl", tparams, type, methods, loc: typeAt }, typeAt);
}

// protocol-item = "protocol" name "{" { "fn" name params [ "->" type ] sep } "}"
function parseProtocol(p: Parser): Lsrc.Protocol {
  next(p);
  const name = expectName(p, "the protocol's name");
  expect(p, "{", `after \`protocol ${name.text}\``);
  const sigs = itemBody(p, () => {
    const list: Lsrc.Sig[] = [];
    for (;;) {
      while (eat(p, ";"));
      if (eat(p, "}")) return list;
      if (!at(p, "fn")) throw fail(p, peek(p), `expected a method's signature (\`fn name(self, ...) -> Type\`) or \`}\` in the protocol, found ${describe(peek(p))}`);
      next(p);
      const method = expectName(p, "the method's name");
      expect(p, "(", "after the method's name");
      const params = parseParams(p);
      const retLoc = at(p, "->") ? locOf(peekSecond(p)) : undefined;
      const ret = eat(p, "->") ? parseType(p) : null;
      if (at(p, "{")) throw fail(p, peek(p), "a protocol's method has no body here: the impls give it one");
      endOfStatement(p, "method's signature");
      list.push(withTypeLoc({ kind: "Sig", name: method.text, params, ret, loc: locOf(method) }, retLoc));
    }
  });
  endOfStatement(p, "protocol");
  return { kind: "Protocol", name: name.text, sigs, loc: locOf(name) };
}

// type-params = "[" type-param { "," type-param } [ "," ] "]"
// type-param  = name [ ":" protocol { "+" protocol } ]   (bounds)
// protocol    = name [ "." name ]                        (`Show`, `shapes.Area`: a module's, written `shapes/Area`)
function protocolName(p: Parser): string {
  const name = expectName(p, "a protocol's name").text;
  return eat(p, ".") ? `${name}/${expectName(p, `a protocol of the module \`${name}\` after \`.\``).text}` : name;
}

function parseTypeParams(p: Parser): Lsrc.TypeParam[] {
  next(p);
  const tparams: Lsrc.TypeParam[] = [];
  do {
    if (at(p, "]") && tparams.length > 0) break;
    const name = expectName(p, "a type parameter's name");
    const bounds: string[] = [];
    if (eat(p, ":")) do bounds.push(protocolName(p)); while (eat(p, "+"));
    tparams.push({ kind: "TypeParam", name: name.text, bounds, loc: locOf(name) });
  } while (eat(p, ","));
  expect(p, "]", "to close the type parameters");
  return tparams;
}

// const-item = "const" name ":" type "=" expr
function parseConst(p: Parser): Lsrc.Const {
  next(p);
  const name = expectName(p, "the constant's name");
  if (!at(p, ":")) throw fail(p, peek(p), `expected \`:\` and a type after \`${name.text}\` (a const states its type: \`const ${name.text}: Int = ...\`)`);
  next(p);
  const typeAt = locOf(peek(p));
  const type = parseType(p);
  expect(p, "=", "and the constant's value");
  const value = parseExpr(p);
  endOfStatement(p, "constant");
  return withTypeLoc({ kind: "Const", name: name.text, type, value, loc: locOf(name) }, typeAt);
}

// record-item = "record" name [ type-params ] "{" [ field { "," field } [ "," ] ] "}"
// field       = name ":" type
function parseRecord(p: Parser): Lsrc.Record | Lsrc.GenericRecord {
  next(p);
  const name = expectName(p, "the record's name");
  const tparams = at(p, "[") ? parseTypeParams(p) : null;
  expect(p, "{", `after \`record ${name.text}\``);
  const fields = itemBody(p, () => parseList(p, "}", "a field", () => parseField(p)));
  endOfStatement(p, "record");
  if (tparams) return { kind: "GenericRecord", name: name.text, tparams, fields, loc: locOf(name) };
  return { kind: "Record", name: name.text, fields, loc: locOf(name) };
}

function parseField(p: Parser): Lsrc.FieldDecl {
  const field = expectName(p, "a field name or `}`");
  expect(p, ":", `after the field \`${field.text}\` (fields are written \`name: Type\`)`);
  const typeAt = locOf(peek(p));
  return withTypeLoc({ kind: "FieldDecl", name: field.text, type: parseType(p), loc: locOf(field) }, typeAt);
}

/** An item's `{ ... }` body, whose `{` was just read; after a syntax error inside, the rest
 * of the braces is skipped (so that their `}` does not end anything else) and the error passed on. */
function itemBody<T>(p: Parser, parseBody: () => T): T {
  try {
    return parseBody();
  } catch (e) {
    if (e !== BAIL) throw e;
    for (let braces = 0; !at(p, "eof"); ) {
      const t = next(p);
      if (t.kind === "{") braces++;
      else if (t.kind === "}" && braces-- === 0) break;
    }
    throw e;
  }
}

/** The items of a `{ }` or `( )` list after its opening bracket, up to and including `close`:
 * separated by `,`, a trailing one allowed, and each may stand on its own line. */
function parseList<T>(p: Parser, close: "}" | ")", what: string, parseOne: () => T): T[] {
  const items: T[] = [];
  while (!at(p, close)) {
    while (eat(p, ";")); // one per line
    if (at(p, close)) break;
    items.push(parseOne());
    while (eat(p, ";"));
    if (!eat(p, ",") && !at(p, close)) throw fail(p, peek(p), `expected \`,\` or \`${close}\` after ${what}, found ${describe(peek(p))}`);
  }
  next(p);
  return items;
}

// union-item = "union" name [ type-params ] "{" [ ctor { "," ctor } [ "," ] ] "}"
// ctor       = name [ "(" field { "," field } [ "," ] ")" ]
function parseUnion(p: Parser): Lsrc.Union | Lsrc.GenericUnion {
  next(p);
  const name = expectName(p, "the union's name");
  const tparams = at(p, "[") ? parseTypeParams(p) : null;
  expect(p, "{", `after \`union ${name.text}\``);
  const ctors = itemBody(p, () => parseList(p, "}", "a constructor", (): Lsrc.Ctor => {
    const ctor = expectName(p, "a constructor's name or `}`");
    if (!at(p, "(")) return { kind: "Ctor", name: ctor.text, fields: [], loc: locOf(ctor) };
    const open = next(p);
    if (at(p, ")")) throw fail(p, open, `a constructor without fields is written without parentheses: \`${ctor.text}\``);
    return { kind: "Ctor", name: ctor.text, fields: parseList(p, ")", "a field", () => parseField(p)), loc: locOf(ctor) };
  }));
  endOfStatement(p, "union");
  if (tparams) return { kind: "GenericUnion", name: name.text, tparams, ctors, loc: locOf(name) };
  return { kind: "Union", name: name.text, ctors, loc: locOf(name) };
}

// type-item = "type" name "=" type
function parseTypeAlias(p: Parser): Lsrc.TypeAlias {
  next(p);
  const name = expectName(p, "the type's name");
  if (at(p, "[")) throw fail(p, peek(p), "a type alias has no type parameters (a generic record or union has)");
  expect(p, "=", `after \`type ${name.text}\``);
  const typeAt = locOf(peek(p));
  const type = parseType(p);
  endOfStatement(p, "type alias");
  return withTypeLoc({ kind: "TypeAlias", name: name.text, type, loc: locOf(name) }, typeAt);
}

// type = "Int" | "Bool" | "Unit" | "String" | "Self" | name [ "[" type { "," type } [ "," ] "]" ]
//      | "Array" "[" type "]" | "Box" "[" type "]"
//      | "(" ")" | "(" type "," type { "," type } [ "," ] ")" | fn-type
// fn-type = "fn" "(" [ type { "," type } [ "," ] ] ")" [ "->" type ]     (no `->`: Unit)
// A type nests at most maxNesting levels deep (`depth` is the level of this one), as expressions do.
function parseType(p: Parser, depth = 1): TypeName {
  const t = peek(p);
  if (depth > maxNesting) throw fail(p, t, `type nested too deeply (more than ${maxNesting} levels)`);
  if (t.kind === "Self") {
    next(p);
    return "Self"; // the impl's type (check-types), or the type of an impl of the protocol
  }
  if (t.kind === "ident") {
    next(p);
    if (t.text === "Array" || t.text === "Box") {
      expect(p, "[", `after \`${t.text}\` (write \`${t.text}[Int]\`)`);
      const elem = parseType(p, depth + 1);
      expect(p, "]", `to close \`${t.text}[\``);
      return `${t.text}[${elem}]`;
    }
    let name = t.text;
    if (at(p, ".")) { // `shapes.Point`: a type of the module `shapes` (resolve-modules), written `shapes/Point`
      next(p);
      name = `${name}/${expectName(p, `a type of the module \`${name}\` after \`.\``).text}`;
    }
    if (at(p, "<")) throw fail(p, peek(p), `type arguments go in square brackets: \`${name}[...]\`, not \`${name}<...>\``);
    if (!eat(p, "[")) return name; // Int, Bool, Unit, String, a record, union, alias or type parameter: check-types knows which exist
    const args = [parseType(p, depth + 1)];
    while (eat(p, ",") && !at(p, "]")) args.push(parseType(p, depth + 1));
    expect(p, "]", `to close the type arguments of \`${name}\``);
    return `${name}[${args.join(", ")}]`;
  }
  if (t.kind === "(") {
    next(p);
    if (eat(p, ")")) return "Unit";
    const elems = [parseType(p, depth + 1)];
    while (eat(p, ",") && !at(p, ")")) elems.push(parseType(p, depth + 1));
    expect(p, ")", "to close the tuple type");
    if (elems.length === 1) throw fail(p, t, "a tuple type has at least two elements (write the type itself without parentheses)");
    return `(${elems.join(", ")})`;
  }
  if (t.kind === "fn") {
    next(p);
    expect(p, "(", "after `fn` in a function type");
    const params: string[] = [];
    while (!at(p, ")")) {
      params.push(parseType(p, depth + 1));
      if (!eat(p, ",") && !at(p, ")")) throw fail(p, peek(p), `expected \`,\` or \`)\` in a function type, found ${describe(peek(p))}`);
    }
    next(p);
    const ret = eat(p, "->") ? parseType(p, depth + 1) : "Unit";
    return functionType(params, ret);
  }
  throw fail(p, t, `expected a type, found ${describe(t)}`);
}

// ---------------------------------------------------------------- statements

// block = "{" { stmt ( ";" | line-break ) } "}"
function parseBlock(p: Parser): Lsrc.Block {
  const indent = p.indent; // of the line of the `{`
  enter(p, peek(p)); // before taking the `{`, so that recovery skips its whole block
  const open = next(p);
  const stmts: Lsrc.Stmt[] = [];
  let height = 0;
  const outer = p.noRecord;
  p.noRecord = false; // a block's statements are no condition, even inside one
  for (;;) {
    while (eat(p, ";"));
    const t = peek(p);
    if (t.kind === "}") {
      const firstOnLine = t.line !== open.line && t.col === p.indent;
      if (!p.suspect && firstOnLine && t.col < indent) p.suspect = { open, close: t };
      p.lastClose = { token: t, lineIndent: p.indent };
      next(p);
      break;
    }
    if (t.kind === "eof") {
      if (!p.unclosedReported && !t.inComment) p.sink.report(locOf(open), "this `{` is never closed", suspectNote(p));
      p.unclosedReported = true;
      break;
    }
    const stmt = recovering(p, startsStatement, () => {
      const s = parseStatement(p);
      endOfStatement(p, "statement");
      return s;
    });
    if (stmt) {
      stmts.push(stmt);
      height = Math.max(height, p.height);
    }
  }
  p.noRecord = outer;
  p.depth--;
  p.height = height + 1;
  return { kind: "Block", stmts, loc: locOf(open) };
}

/** When a `}` was indented less than the `{` it closed, that `{` may be the one left open. */
function suspectNote(p: Parser): Note[] {
  if (!p.suspect) return [];
  const { open, close } = p.suspect;
  return [{ loc: locOf(open), message: `perhaps this \`{\` is missing its \`}\`: the \`}\` that closes it, on line ${close.line}, is indented less than this line` }];
}

/** For the first error after a function body ended by an over-indented `}`. */
function earlyCloseNote(p: Parser): Note[] {
  if (!p.earlyClose) return [];
  const { fn, close } = p.earlyClose;
  p.earlyClose = null;
  return [{ loc: locOf(close), message: `this \`}\` ends the body of \`${fn}\`, but it is indented more than \`fn ${fn}\`: is it one \`}\` too many?` }];
}

// stmt = let-stmt | while-stmt | for-stmt | "break" | "continue" | return-stmt | expr [ assign-op expr ]
function parseStatement(p: Parser): Lsrc.Stmt {
  const t = peek(p);
  switch (t.kind) {
    case "let": return parseLet(p);
    case "using": return parseUsing(p);
    case "return": return parseReturn(p);
    case "while": return parseWhile(p);
    case "for": return parseFor(p);
    case "break":
    case "continue":
      next(p);
      p.height = 0;
      return t.kind === "break" ? { kind: "Break", loc: locOf(t) } : { kind: "Continue", loc: locOf(t) };
    case "else": throw fail(p, t, "`else` without an `if` before it");
  }
  return expressionStatement(p, parseExpr(p));
}

/** `expr` as a statement: alone, or assigned to when an assignment operator follows it. */
function expressionStatement(p: Parser, expr: Lsrc.Expr): Lsrc.Stmt {
  const op = peek(p);
  if (!assignOps.has(op.kind)) return { kind: "ExprStmt", expr, loc: expr.loc! };
  const opKind = op.kind as Lsrc.Assign["op"];
  if (expr.kind === "Index") {
    next(p);
    return { kind: "SetIndex", array: expr.target, index: expr.index, op: opKind, value: parseExpr(p), loc: expr.loc! };
  }
  const path: string[] = [];
  let target: Lsrc.Expr = expr;
  while (target.kind === "Field") {
    path.unshift(target.field);
    target = target.target;
  }
  if (target.kind !== "Var") throw fail(p, op, `only a variable, a field of one or an array element can be assigned to (\`name ${op.kind} value\`)`);
  next(p);
  const value = parseExpr(p);
  if (path.length > 0) return { kind: "SetField", name: target.name, path, op: opKind, value, loc: expr.loc! };
  return { kind: "Assign", name: target.name, op: opKind, value, loc: expr.loc! };
}

// return-stmt = "return" [ expr ]      (no value when a `;`, a line break or `}` follows)
function parseReturn(p: Parser): Lsrc.Return {
  const t = next(p);
  p.height = 0;
  const k = peek(p).kind;
  if (k === ";" || k === "}" || k === "eof") return { kind: "Return", value: null, loc: locOf(t) };
  const value = parseExpr(p);
  return { kind: "Return", value, loc: locOf(t) };
}

// let-stmt = "let" [ "mut" ] name [ ":" type ] "=" expr
function parseLet(p: Parser): Lsrc.Let {
  next(p);
  const decl = eat(p, "mut") ? "let mut" : "let";
  const name = expectName(p, "a variable name");
  const typeAt = at(p, ":") ? locOf(peekSecond(p)) : undefined;
  const type = eat(p, ":") ? parseType(p) : null;
  expect(p, "=", `and a value for \`${name.text}\``);
  const init = parseExpr(p);
  return withTypeLoc({ kind: "Let", decl, name: name.text, type, init, loc: locOf(name) }, typeAt);
}

// using-stmt = "using" name "=" expr      (`r.drop()` runs however the block is left)
function parseUsing(p: Parser): Lsrc.Using {
  const keyword = next(p);
  const name = expectName(p, "a variable name after `using`");
  expect(p, "=", `and a value for \`${name.text}\``);
  const init = parseExpr(p);
  return { kind: "Using", name: name.text, init, loc: locOf(keyword) };
}

// while-stmt = "while" expr block
function parseWhile(p: Parser): Lsrc.While {
  const keyword = next(p);
  const cond = parseCondition(p);
  const height = p.height;
  const body = parseBody(p, "the condition of `while`");
  p.height = Math.max(height, p.height);
  return { kind: "While", cond, body, loc: locOf(keyword) };
}

// for-stmt = "for" name "in" ( expr ".." expr | expr ) block
function parseFor(p: Parser): Lsrc.For | Lsrc.ForEach {
  const keyword = next(p);
  const name = expectName(p, "the loop variable's name");
  expect(p, "in", `after \`for ${name.text}\``);
  const from = parseCondition(p);
  let height = p.height;
  if (!at(p, "..")) {
    const body = parseBody(p, "the array of `for`");
    p.height = Math.max(height, p.height);
    return { kind: "ForEach", name: name.text, iter: from, body, loc: locOf(keyword) };
  }
  const dots = next(p);
  if (peek(p).kind === "{") throw fail(p, dots, "a range needs its end: `for i in 0..n` runs i from 0 to n - 1 (Quastra has no open range; a loop with no end is `while true { ... }`)");
  const to = parseCondition(p);
  height = Math.max(height, p.height);
  const body = parseBody(p, "the range of `for`");
  p.height = Math.max(height, p.height);
  return { kind: "For", name: name.text, from, to, body, loc: locOf(keyword) };
}

/** The block after a condition or range. */
function parseBody(p: Parser, after: string): Lsrc.Block {
  const t = peek(p);
  if (t.kind === "{") return parseBlock(p);
  const hint = t.kind === "=" ? " (use `==` to compare)" : "";
  throw fail(p, t, `expected \`{\` after ${after}, found ${describe(t)}${hint}`);
}

// ---------------------------------------------------------------- expressions

/** The condition of if/while, or a bound of a for range. A `{` cannot start it
 * (it would be read as the body); after an operator a block is an operand as
 * anywhere else, since a `{` only starts a block where an operand is needed. */
function parseCondition(p: Parser): Lsrc.Expr {
  const t = peek(p);
  if (t.kind === "{") throw fail(p, t, "expected a condition before the block (a block as the condition goes in parentheses)");
  const outer = p.noRecord;
  p.noRecord = true;
  try {
    return parseExpr(p);
  } finally {
    p.noRecord = outer;
  }
}

// expr = binary(1)
function parseExpr(p: Parser): Lsrc.Expr {
  return parseBinary(p, 1);
}

// binary(k) = unary { op(k) binary(k+1) }, with the levels k loosest first:
//   1 "||"   2 "&&"   3 "==" "!=" "<" "<=" ">" ">=" (at most one)   4 "|"   5 "^"
//   6 "&"    7 "<<" ">>"   8 "+" "-"   9 "*" "/" "%"
function parseBinary(p: Parser, minLevel: number): Lsrc.Expr {
  let left = parseUnary(p);
  let height = p.height;
  for (;;) {
    const op = peek(p);
    const level = levels.get(op.kind);
    if (level === undefined || level < minLevel) break;
    next(p);
    const right = parseBinary(p, level + 1);
    height = checkOperatorDepth(p, Math.max(height, p.height) + 1, op);
    left = { kind: "Binary", left, op: op.kind as Lsrc.Binary["op"], right, loc: locOf(op) };
    const again = peek(p);
    if (level === comparisonLevel && levels.get(again.kind) === comparisonLevel) {
      throw fail(p, again, `comparison operators cannot be chained: write \`a ${op.kind} b && b ${again.kind} c\``);
    }
  }
  p.height = height;
  return left;
}

/** Whether token b starts right where token a ends, with nothing between them. */
const adjacent = (a: Token | Loc, b: Token): boolean => a.line === b.line && a.col + a.length === b.col;

// unary = { "-" | "!" | "~" | "try" } postfix      ("-" directly before an integer literal is part of it)
function parseUnary(p: Parser): Lsrc.Expr {
  if (!unaryOps.has(peek(p).kind)) return parsePostfix(p);
  const ops: Token[] = [];
  while (unaryOps.has(peek(p).kind)) {
    enter(p, peek(p));
    ops.push(next(p));
  }
  let arg: Lsrc.Expr;
  const last = ops[ops.length - 1]!;
  if (last.kind === "-" && at(p, "int") && adjacent(last, peek(p))) {
    arg = parsePostfixAfter(p, intLiteral(p, next(p), ops.pop()!));
  } else arg = parsePostfix(p);
  let height = p.height;
  for (let k = ops.length - 1; k >= 0; k--) {
    height++;
    const op = ops[k]!;
    arg = op.kind === "try" ? { kind: "Try", value: arg, loc: locOf(op) } : { kind: "Unary", op: op.kind as Lsrc.Unary["op"], arg, loc: locOf(op) };
  }
  p.depth -= ops.length;
  p.height = height;
  return arg;
}

/** An integer literal, negated when `minus` (just before it) is given; out of range is reported here. */
function intLiteral(p: Parser, t: Token, minus?: Token): Lsrc.Int {
  if (minus) p.depth--;
  const magnitude = t.value as bigint;
  const value = minus ? -magnitude : magnitude;
  const loc = minus ? inFile({ line: t.line, col: minus.col, length: t.length + 1 }) : locOf(t);
  p.height = 1;
  if (value > INT_MAX) p.sink.report(loc, `integer literal out of range: the largest Int is ${INT_MAX}`);
  else if (value < INT_MIN) p.sink.report(loc, `integer literal out of range: the smallest Int is ${INT_MIN}`);
  else return { kind: "Int", value, loc };
  return { kind: "Int", value: 0n, loc };
}

// postfix = primary { "(" [ expr { "," expr } [ "," ] ] ")" | "." name [ arguments ] | "." int | "[" expr "]" }
//           (a name called is a Call, any other expression an Apply: `table[i](x)`, `(r.f)(x)`)
function parsePostfix(p: Parser): Lsrc.Expr {
  return parsePostfixAfter(p, parsePrimary(p));
}

function parsePostfixAfter(p: Parser, e: Lsrc.Expr): Lsrc.Expr {
  for (let postfixes = 0; ; postfixes++) {
    const t = peek(p);
    if (t.kind !== "(" && t.kind !== "." && t.kind !== "[") {
      p.depth -= postfixes;
      return e;
    }
    enter(p, t); // each postfix nests one level deeper
    const height = p.height;
    if (t.kind === "(") {
      if (e.kind === "Var") e = { kind: "Call", callee: e.name, args: parseArguments(p, `\`${e.name}\``), loc: e.loc! };
      else {
        e = { kind: "Apply", callee: e, args: parseArguments(p, "the call"), loc: e.loc ?? locOf(t) };
        p.height = Math.max(height, p.height);
      }
    } else if (t.kind === "[") {
      next(p);
      const index = parseNested(p);
      expect(p, "]", "to close the index");
      e = { kind: "Index", target: e, index, loc: locOf(t) };
      p.height = Math.max(height, p.height);
    } else {
      next(p);
      const f = peek(p);
      if (e.kind === "Int" && e.loc && adjacent(e.loc, t) && f.kind === "int" && adjacent(t, f)) {
        throw fail(p, { ...e.loc, length: f.col + f.length - e.loc.col }, "floating-point numbers are not supported: the only numbers are Ints");
      }
      if (f.kind === "int" && /^(0|[1-9][0-9]*)$/.test(f.text)) {
        next(p);
        e = { kind: "Field", target: e, field: f.text, loc: locOf(f) };
        p.height = height;
      } else {
        const name = expectName(p, "a field or method name after `.`");
        if (at(p, "(")) e = { kind: "MethodCall", target: e, method: name.text, args: parseArguments(p, `\`.${name.text}\``), loc: locOf(name) };
        else if (e.kind === "Var" && at(p, "{") && !p.noRecord) e = parseRecordLiteral(p, name, `${e.name}/`); // `shapes.Point { ... }`
        else e = { kind: "Field", target: e, field: name.text, loc: locOf(name) };
        p.height = Math.max(height, e.kind === "MethodCall" ? p.height : 0);
      }
    }
    p.height += 1;
  }
}

/** An expression inside brackets: a record literal may appear there even in a condition. */
function parseNested(p: Parser): Lsrc.Expr {
  const outer = p.noRecord;
  p.noRecord = false;
  try {
    return parseExpr(p);
  } finally {
    p.noRecord = outer;
  }
}

/** `(a, b, ...)` after a callee; leaves p.height at the tallest argument's. */
function parseArguments(p: Parser, of: string): Lsrc.Expr[] {
  next(p);
  const args: Lsrc.Expr[] = [];
  let height = 0;
  while (!at(p, ")")) {
    args.push(parseNested(p));
    height = Math.max(height, p.height);
    if (!eat(p, ",") && !at(p, ")")) throw fail(p, peek(p), `expected \`,\` or \`)\` in the arguments of ${of}, found ${describe(peek(p))}`);
  }
  next(p);
  p.height = height;
  return args;
}

// record-literal = name "{" [ name ":" expr { "," name ":" expr } [ "," ] ] "}"
// (`module.Name { ... }`: a record of a module, its name written `module/Name`)
function parseRecordLiteral(p: Parser, name: Token, module = ""): Lsrc.RecordLit {
  const open = next(p);
  enter(p, open);
  const inits: Lsrc.FieldInit[] = [];
  let height = 0;
  const outer = p.noRecord;
  p.noRecord = false;
  while (!at(p, "}")) {
    while (eat(p, ";"));
    if (at(p, "}")) break;
    const field = expectName(p, "a field name or `}`");
    expect(p, ":", `after \`${field.text}\` (a field is given as \`${field.text}: value\`)`);
    inits.push({ kind: "FieldInit", name: field.text, value: parseExpr(p), loc: locOf(field) });
    height = Math.max(height, p.height);
    while (eat(p, ";"));
    if (!eat(p, ",") && !at(p, "}")) throw fail(p, peek(p), `expected \`,\` or \`}\` in the record \`${name.text}\`, found ${describe(peek(p))}`);
  }
  p.noRecord = outer;
  next(p);
  p.depth--;
  p.height = height + 1;
  return { kind: "RecordLit", name: module + name.text, inits, loc: locOf(name) };
}

// primary = int | "true" | "false" | string | "(" ")" | "(" expr ")" | name | "self" | block | if-expr | match-expr | lambda
//         | "scope" block | "spawn" block | "channel" "[" type "]" "(" expr ")"
function parsePrimary(p: Parser): Lsrc.Expr {
  const t = peek(p);
  switch (t.kind) {
    case "int": return intLiteral(p, next(p));
    case "true": case "false":
      next(p);
      p.height = 1;
      return { kind: "Bool", value: t.kind === "true", loc: locOf(t) };
    case "string":
      next(p);
      p.height = 1;
      return { kind: "Str", value: t.value as string, loc: locOf(t) };
    case "ident":
      next(p);
      p.height = 1;
      if (at(p, "{") && !p.noRecord) return parseRecordLiteral(p, t);
      if (t.text === "channel" && at(p, "[")) return parseChannel(p, t);
      return { kind: "Var", name: t.text, loc: locOf(t) };
    case "self": // a method's receiver: a parameter like any other (check-types refuses it outside a method)
      next(p);
      p.height = 1;
      return { kind: "Var", name: "self", loc: locOf(t) };
    case "(": return parseParenthesised(p);
    case "if": return parseIf(p);
    case "match": return parseMatch(p);
    case "fn": return parseLambda(p);
    case "scope": case "spawn": return parseTaskBlock(p);
    case "{":
      return parseBlock(p);
  }
  if (statementsOnly.has(t.kind)) throw fail(p, t, `expected an expression, found \`${t.kind}\` (a statement)`);
  if (t.kind === "else") throw fail(p, t, "`else` without an `if` before it");
  if (isKeyword(t.kind)) throw fail(p, t, reserved(t));
  throw fail(p, t, `expected an expression, found ${describe(t)}${habit(p, t)}`);
}

/** What a hand used to another language may have meant, where an expression was expected. */
function habit(p: Parser, t: Token): string {
  if (t.kind === "[") return " (there are no array literals: `array(n, init)` makes an array)";
  if (t.kind === "+" && p.previousKind === "+") return " (there is no `++`: write `x += 1`)"; // (`x--` is x minus minus something)
  return "";
}

// "scope" block | "spawn" block: a block whose tasks are joined at its end, a block run as a task of its own
function parseTaskBlock(p: Parser): Lsrc.Scope | Lsrc.Spawn {
  const keyword = next(p);
  const kind = keyword.kind === "scope" ? "Scope" : "Spawn";
  if (endsOperand.has(peek(p).kind)) throw fail(p, keyword, `\`${keyword.kind}\` is a reserved keyword and cannot be used as a name`);
  if (!at(p, "{")) throw fail(p, peek(p), `expected \`{\` after \`${keyword.kind}\` (\`${keyword.kind} { ... }\`), found ${describe(peek(p))}`);
  enter(p, keyword);
  const body = parseBlock(p);
  p.depth--;
  p.height += 1;
  return { kind, body, loc: locOf(keyword) };
}

// channel = "channel" "[" type "]" "(" expr ")"     (the one call whose type argument is written)
// `channel` followed by `[` is always the built-in: an array named `channel` is indexed after parentheses, `(channel)[i]`.
function parseChannel(p: Parser, name: Token): Lsrc.Channel {
  next(p);
  const elem = parseType(p, 2);
  expect(p, "]", "to close `channel[`");
  if (!at(p, "(")) throw fail(p, peek(p), `expected \`(\` and the capacity after \`channel[${elem}]\` (\`channel[${elem}](4)\`), found ${describe(peek(p))}`);
  enter(p, name);
  const args = parseArguments(p, "`channel`");
  p.depth--;
  p.height += 1;
  if (args.length !== 1) throw fail(p, name, `\`channel[${elem}](cap)\` takes 1 argument, its capacity, found ${args.length}`);
  return { kind: "Channel", elem, cap: args[0]!, loc: locOf(name) };
}

// lambda = "fn" "(" [ param { "," param } [ "," ] ] ")" [ "->" type ] block      (no `->`: Unit)
function parseLambda(p: Parser): Lsrc.Lambda {
  const keyword = next(p);
  if (!at(p, "(")) throw fail(p, peek(p), `expected \`(\` after \`fn\` (an anonymous function is \`fn(x: Int) -> Int { ... }\`; a named one is an item), found ${describe(peek(p))}`);
  enter(p, keyword);
  next(p);
  const params = parseParams(p);
  const retLoc = at(p, "->") ? locOf(peekSecond(p)) : undefined;
  const ret = eat(p, "->") ? parseType(p) : null;
  if (!at(p, "{")) throw fail(p, peek(p), `expected \`{\` to start the body of the anonymous function, found ${describe(peek(p))}`);
  const body = parseBlock(p);
  p.depth--;
  p.height += 1;
  return withTypeLoc({ kind: "Lambda", params, ret, body, loc: locOf(keyword) }, retLoc);
}

// parenthesised = "(" ")" | "(" expr ")"
function parseParenthesised(p: Parser): Lsrc.Expr {
  const open = next(p);
  const close = peek(p);
  if (eat(p, ")")) {
    p.height = 1;
    return { kind: "Unit", loc: close.line === open.line ? inFile({ line: open.line, col: open.col, length: close.col + 1 - open.col }) : locOf(open) };
  }
  enter(p, open);
  const e = parseNested(p);
  if (at(p, ",")) {
    const elems = [e];
    let height = p.height;
    while (eat(p, ",") && !at(p, ")")) {
      elems.push(parseNested(p));
      height = Math.max(height, p.height);
    }
    if (!at(p, ")")) throw fail(p, peek(p), `expected \`,\` or \`)\` in the tuple, found ${describe(peek(p))}`);
    if (elems.length === 1) throw fail(p, peek(p), "a tuple has at least two elements: `(a, b)`");
    next(p);
    p.depth--;
    p.height = height + 1;
    return { kind: "Tuple", elems, loc: locOf(open) };
  }
  if (!at(p, ")")) throw fail(p, peek(p), `expected \`)\` to close the \`(\` at ${open.line}:${open.col}, found ${describe(peek(p))}`);
  next(p);
  p.depth--;
  return e;
}

// if-expr = "if" expr block [ "else" ( block | if-expr ) ]
function parseIf(p: Parser): Lsrc.If {
  const keyword = next(p);
  enter(p, keyword);
  const cond = parseCondition(p);
  let height = p.height;
  const then = parseBody(p, "the condition of `if`");
  height = Math.max(height, p.height);
  const t = peek(p);
  if (t.kind === ";" && t.implicit && peekSecond(p).kind === "else") {
    p.sink.report(locOf(peekSecond(p)), "`else` must be on the same line as the `}` before it");
    next(p);
  }
  let otherwise: Lsrc.Expr | null = null;
  if (eat(p, "else")) {
    const u = peek(p);
    if (u.kind === "if") otherwise = parseIf(p);
    else if (u.kind === "{") otherwise = parseBlock(p);
    else throw fail(p, u, `expected \`{\` or \`if\` after \`else\`, found ${describe(u)}`);
    height = Math.max(height, p.height);
  }
  p.depth--;
  p.height = height + 1;
  return { kind: "If", cond, then, else: otherwise, loc: locOf(keyword) };
}

// match-expr = "match" condition "{" [ arm { ( "," | sep ) arm } [ "," | sep ] ] "}"
// arm        = pattern [ "if" expr ] "=>" ( expr [ assign-op expr ] | return-stmt | "break" | "continue" )
//              (arms are separated by `,`, a line break or both; after a block none is needed;
//              a statement as an arm's body stands for a block holding it: `None => return 0`)
function parseMatch(p: Parser): Lsrc.Match {
  const keyword = next(p);
  enter(p, keyword);
  const scrutinee = parseCondition(p);
  let height = p.height;
  expect(p, "{", "after the value `match` looks at");
  const outer = p.noRecord;
  p.noRecord = false;
  const arms: Lsrc.Arm[] = [];
  for (;;) {
    while (eat(p, ",") || eat(p, ";"));
    if (eat(p, "}") || at(p, "eof")) break;
    // An arm with a syntax error is skipped to its line's end (or the match's `}`); one that
    // fails at its first token, where a statement starts a line, ends a match left open (and
    // the statement around it, already in error).
    const first = peek(p);
    const arm = recovering(p, startsStatement, () => {
      const parsed = parseArm(p);
      const t = peek(p);
      if (t.kind !== "," && t.kind !== ";" && t.kind !== "}" && p.previousKind !== "}") throw fail(p, t, `expected \`,\` or a line break after the arm, found ${describe(t)}`);
      return parsed;
    });
    if (arm) arms.push(arm);
    else if (peek(p) === first) throw BAIL;
    height = Math.max(height, p.height);
  }
  p.noRecord = outer;
  p.depth--;
  p.height = height + 1;
  return { kind: "Match", scrutinee, arms, loc: locOf(keyword) };
}

function parseArm(p: Parser): Lsrc.Arm {
  const pattern = parsePattern(p);
  let height = p.height;
  let guard: Lsrc.Expr | null = null;
  if (eat(p, "if")) {
    guard = parseExpr(p);
    height = Math.max(height, p.height);
  }
  expect(p, "=>", guard ? "after the guard" : "after the pattern (an arm is `pattern => value`)");
  const t = peek(p);
  const stmt = t.kind === "return" || t.kind === "break" || t.kind === "continue" ? parseStatement(p) : expressionStatement(p, parseExpr(p));
  const body: Lsrc.Expr = stmt.kind === "ExprStmt" ? stmt.expr : { kind: "Block", stmts: [stmt], loc: locOf(t) };
  p.height = Math.max(height, p.height) + 1;
  return { kind: "Arm", pattern, guard, body, loc: pattern.loc! };
}

// pattern = "_" | name [ "(" pattern { "," pattern } [ "," ] ")" ] | [ "-" ] int | "true" | "false" | string
//         | "(" pattern ")" | "(" pattern "," pattern { "," pattern } [ "," ] ")"
//         (a bare name is a binder, or a constructor without fields: check-types knows which)
function parsePattern(p: Parser): Lsrc.Pattern {
  const t = peek(p);
  p.height = 1;
  switch (t.kind) {
    case "ident": {
      next(p);
      if (t.text === "_") return { kind: "Wildcard", loc: locOf(t) };
      let name = t.text;
      if (eat(p, ".")) name = `${name}/${expectName(p, `a constructor of the module \`${name}\` after \`.\``).text}`; // `shapes.Circle(r)`
      if (!at(p, "(")) return { kind: "Binder", name, loc: locOf(t) };
      const open = next(p);
      if (at(p, ")")) throw fail(p, open, `a constructor without fields is matched without parentheses: \`${name}\``);
      const args = patternList(p, open);
      return { kind: "CtorPat", ctor: name, args, loc: locOf(t) };
    }
    case "int": return intPattern(p, intLiteral(p, next(p)));
    case "-": {
      const minus = next(p);
      const digits = peek(p);
      if (digits.kind !== "int" || !adjacent(minus, digits)) throw fail(p, minus, "expected a pattern: a negative number is written `-5`, the `-` right before it");
      p.depth++; // intLiteral gives back the level of the `-` it folds in
      return intPattern(p, intLiteral(p, next(p), minus));
    }
    case "true": case "false":
      next(p);
      return { kind: "BoolPat", value: t.kind === "true", loc: locOf(t) };
    case "string":
      next(p);
      return { kind: "StrPat", value: t.value as string, loc: locOf(t) };
    case "(": {
      const open = next(p);
      if (at(p, ")")) throw fail(p, open, "expected a pattern, found `()`");
      const elems = patternList(p, open);
      if (elems.length === 1) return elems[0]!;
      return { kind: "TuplePat", elems, loc: locOf(open) };
    }
  }
  if (statementsOnly.has(t.kind)) throw fail(p, t, `expected a pattern, found \`${t.kind}\` (a statement): is the \`}\` that ends the \`match\` missing?`);
  if (isKeyword(t.kind)) throw fail(p, t, reserved(t));
  throw fail(p, t, `expected a pattern, found ${describe(t)}`);
}

const intPattern = (p: Parser, literal: Lsrc.Int): Lsrc.IntPat => ({ kind: "IntPat", value: literal.value, loc: literal.loc! });

/** The patterns inside a constructor's or a tuple's `(`, up to its `)`: one level deeper;
 * leaves p.height at the tallest one's + 1. */
function patternList(p: Parser, open: Token): Lsrc.Pattern[] {
  enter(p, open);
  let height = 0;
  const patterns = parseList(p, ")", "a pattern", () => {
    const pattern = parsePattern(p);
    height = Math.max(height, p.height);
    return pattern;
  });
  p.depth--;
  p.height = height + 1;
  return patterns;
}

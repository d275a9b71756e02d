// The lexer: source text to tokens, in one pass over the character codes.
//
// It follows the brief's lexical structure (section 1): `//` and nestable
// `/* */` comments, identifiers and reserved keywords, integer literals (decimal,
// 0x, 0b, `_` between digits), string literals with escapes, operators. And Go's
// newline rule: a line break ends a statement (a `;` token marked `implicit` is
// inserted) when the line's last token is a name, a literal, `)`, `]`, `}`,
// `return`, `break` or `continue`. One is also inserted at the end of the file.
//
// Errors (a stray character, a bad literal, an unterminated string or comment)
// are reported to the sink and lexing goes on, so the parser still sees a
// sensible token stream. Integer values are unbounded here: the parser checks
// the range, after folding a leading `-` (so -9223372036854775808 is fine).

import type { DiagnosticSink } from "./diagnostics.js";
import type { Loc } from "../il/node.js";

import { keywords } from "../ir-defs/names.js";

export { keywords };
const keywordSet: ReadonlySet<string> = new Set(keywords);

export const isKeyword = (word: string): boolean => keywordSet.has(word);

export interface Token {
  /** "ident", "int", "string", "eof", a keyword (`"while"`) or a punctuation (`"+="`). */
  readonly kind: string;
  /** The text as written (a string's value is in `value`). */
  readonly text: string;
  /** An int token's value (unbounded), a string token's decoded value, else null. */
  readonly value: bigint | string | null;
  readonly line: number;
  readonly col: number;
  readonly length: number;
  /** True for a `;` inserted by the newline rule (or at the end of the file). */
  readonly implicit: boolean;
  /** On "eof": the file ends inside a block comment (reported): what it left open is not reported again. */
  readonly inComment?: true;
}

export const locOf = (t: Token): Loc => ({ line: t.line, col: t.col, length: t.length });

/** The punctuation token starting at offset i (whose code is c), longest match first. */
function punctuationAt(source: string, i: number, c: number): string | null {
  const d = source.charCodeAt(i + 1);
  switch (c) {
    case 40: return "(";
    case 41: return ")";
    case 123: return "{";
    case 125: return "}";
    case 91: return "[";
    case 93: return "]";
    case 44: return ",";
    case 58: return ":";
    case 59: return ";";
    case 126: return "~";
    case 46: return d === 46 ? ".." : ".";
    case 43: return d === 61 ? "+=" : "+";
    case 45: return d === 61 ? "-=" : d === 62 ? "->" : "-";
    case 42: return d === 61 ? "*=" : "*";
    case 47: return d === 61 ? "/=" : "/";
    case 37: return d === 61 ? "%=" : "%";
    case 94: return d === 61 ? "^=" : "^";
    case 33: return d === 61 ? "!=" : "!";
    case 61: return d === 61 ? "==" : d === 62 ? "=>" : "=";
    case 38: return d === 38 ? "&&" : d === 61 ? "&=" : "&";
    case 124: return d === 124 ? "||" : d === 61 ? "|=" : "|";
    case 60: return d === 60 ? (source.charCodeAt(i + 2) === 61 ? "<<=" : "<<") : d === 61 ? "<=" : "<";
    case 62: return d === 62 ? (source.charCodeAt(i + 2) === 61 ? ">>=" : ">>") : d === 61 ? ">=" : ">";
  }
  return null;
}

/** After these tokens a line break ends the statement. */
const endsStatement: ReadonlySet<string> = new Set(["ident", "int", "string", "true", "false", "self", "Self", ")", "]", "}", "return", "break", "continue"]);

/** An error quotes at most this many stray characters. */
const maxQuoted = 20;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);
const isHexDigit = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** All the tokens of a source, ending with an "eof" token. */
export function lex(source: string, sink: DiagnosticSink): Token[] {
  const next = lexer(source, sink);
  const tokens: Token[] = [];
  for (;;) {
    const t = next();
    tokens.push(t);
    if (t.kind === "eof") return tokens;
  }
}

/** A token stream: each call returns the next token; "eof" forever at the end.
 * Streaming keeps tokens short-lived, which matters for big files. The line of
 * every lexical error is added to `errorLines`, so that the parser can keep
 * quiet about what follows on that line (most likely a consequence). Every word
 * (identifier or keyword) is added to `words`, when given: the parse pass asks
 * which of the prelude's names a program mentions (front-end/prelude.ts). */
export function lexer(source: string, sink: DiagnosticSink, errorLines?: Set<number>, words?: Set<string>): () => Token {
  const n = source.length;
  let i = 0;
  let line = 1;
  let lineStart = 0; // offset of the current line's first character
  let lastKind = ""; // the kind of the last token returned (for the newline rule)
  let openComment = false; // the file ends inside a block comment

  const token = (kind: string, text: string, value: bigint | string | null, start: number, length: number, implicit: boolean): Token => {
    lastKind = kind;
    return { kind, text, value, line, col: start - lineStart + 1, length, implicit };
  };
  const error = (start: number, length: number, message: string, atLine = line, atLineStart = lineStart) => {
    errorLines?.add(atLine);
    sink.report({ line: atLine, col: start - atLineStart + 1, length: Math.max(1, length) }, message);
  };

  return function nextToken(): Token {
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 10) {
        const insert = endsStatement.has(lastKind);
        const t = insert ? token(";", "\n", null, i, 1, true) : null;
        lastKind = ";";
        i++;
        line++;
        lineStart = i;
        if (t) return t;
      } else if (c === 32 || c === 9 || c === 13) {
        i++;
      } else if (c === 47 && source.charCodeAt(i + 1) === 47) {
        while (i < n && source.charCodeAt(i) !== 10) i++;
      } else if (c === 47 && source.charCodeAt(i + 1) === 42) {
        const t = blockComment();
        if (t) return t;
      } else if (c === 42 && source.charCodeAt(i + 1) === 47) {
        // (no Quastra has `*` then `/`: a comment closed twice, or one never opened)
        error(i, 2, "`*/` closes a block comment, but no comment is open here");
        i += 2;
      } else if (isIdentStart(c)) {
        const start = i;
        while (i < n && isIdentPart(source.charCodeAt(i))) i++;
        const word = source.slice(start, i);
        words?.add(word);
        const keyword = i - start <= 8 && (c >= 97 || c === 83) && keywordSet.has(word); // lower case or `Self`
        return token(keyword ? word : "ident", word, null, start, i - start, false);
      } else if (isDigit(c)) {
        return number();
      } else if (c === 34) {
        return string();
      } else {
        const p = punctuationAt(source, i, c);
        const start = i;
        if (p !== null) {
          i += p.length;
          return token(p, p, null, start, p.length, false);
        }
        strayCharacters();
      }
    }
    // The end of the file: just after the last character of the last line.
    if (i === lineStart && line > 1) {
      line--;
      lineStart = source.lastIndexOf("\n", n - 2) + 1;
      i = source.charCodeAt(n - 2) === 13 ? n - 2 : n - 1;
    }
    if (endsStatement.has(lastKind)) return token(";", "", null, i, 1, true);
    return openComment ? { ...token("eof", "", null, i, 1, false), inComment: true } : token("eof", "", null, i, 1, false);
  };

  // Characters that start no token: a run of them, blanks between them
  // included, is one error (a file of `@` is one problem, not 100,000).
  function strayCharacters(): void {
    const start = i;
    const startsNothing = (j: number) => {
      const c = source.charCodeAt(j);
      return !(c === 10 || c === 32 || c === 9 || c === 13 || c === 34 || isIdentStart(c) || isDigit(c) || punctuationAt(source, j, c) !== null);
    };
    const pastCharacter = (j: number) => j + (source.codePointAt(j)! > 0xffff ? 2 : 1);
    let end = pastCharacter(i);
    for (;;) {
      let j = end;
      while (j < n && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9)) j++;
      if (j >= n || !startsNothing(j)) break;
      end = pastCharacter(j);
    }
    const characters = [...source.slice(start, end)];
    const quoted = characters.length > maxQuoted ? `${characters.slice(0, maxQuoted).join("")}...` : characters.join("");
    error(start, end - start, `unexpected character${characters.length === 1 ? "" : "s"} \`${quoted}\``);
    i = end;
  }

  // A nestable /* */ comment. One spanning lines acts as a line break: it
  // returns the inserted `;` when the newline rule asks for one.
  function blockComment(): Token | null {
    const start = i;
    const startLine = line;
    const startLineStart = lineStart;
    let depth = 0;
    let semicolon: Token | null = null;
    while (i < n) {
      const d = source.charCodeAt(i);
      if (d === 47 && source.charCodeAt(i + 1) === 42) {
        depth++;
        i += 2;
      } else if (d === 42 && source.charCodeAt(i + 1) === 47) {
        depth--;
        i += 2;
        if (depth === 0) break;
      } else {
        if (d === 10) {
          if (endsStatement.has(lastKind)) semicolon = token(";", "\n", null, i, 1, true);
          lastKind = ";";
          line++;
          lineStart = i + 1;
        }
        i++;
      }
    }
    if (depth > 0) error(start, 2, "unterminated block comment: this `/*` is never closed", startLine, startLineStart);
    openComment = depth > 0;
    return semicolon;
  }

  // An integer literal: the whole run of letters, digits and `_` is one token.
  function number(): Token {
    const start = i;
    while (i < n && isIdentPart(source.charCodeAt(i))) i++;
    const text = source.slice(start, i);
    const prefix = text.length > 1 && text.charCodeAt(0) === 48 ? text[1]! : "";
    const base = prefix === "x" ? 16 : prefix === "b" ? 2 : 10;
    const from = base === 10 ? 0 : 2;
    let problem: [number, string] | null = null;
    let separators = false;
    for (let k = from; k < text.length && !problem; k++) {
      const d = text.charCodeAt(k);
      if (d === 95) {
        separators = true;
        if (k === from) problem = [k, `\`_\` cannot follow \`${text.slice(0, 2)}\``];
        else if (text.charCodeAt(k - 1) === 95) problem = [k, "`_` cannot be doubled in an integer literal"];
        else if (k === text.length - 1) problem = [k, "`_` cannot end an integer literal"];
      } else if (!(base === 16 ? isHexDigit(d) : base === 2 ? d === 48 || d === 49 : isDigit(d))) {
        const name = base === 16 ? "hexadecimal" : base === 2 ? "binary" : "decimal";
        problem = [k, `invalid character \`${text[k]}\` in ${name} integer literal`];
      }
    }
    if (!problem && text.length === from) problem = [text.length - 1, `missing digits after \`${text}\``];
    if (problem) error(start + problem[0], 1, problem[1]);
    const value = problem ? 0n : BigInt(separators ? text.replaceAll("_", "") : text);
    return token("int", text, value, start, i - start, false);
  }

  // A string literal; it may not run past the end of its line.
  function string(): Token {
    const start = i;
    let j = start + 1;
    let value = "";
    let runStart = j; // characters are copied in runs between escapes
    for (;;) {
      if (j >= n || source.charCodeAt(j) === 10) {
        error(start, 1, "unterminated string: this `\"` is never closed on its line");
        value += source.slice(runStart, j);
        break;
      }
      const d = source.charCodeAt(j);
      if (d === 34) {
        value += source.slice(runStart, j);
        j++;
        break;
      }
      if (d !== 92) {
        j++;
        continue;
      }
      value += source.slice(runStart, j);
      const e = source[j + 1] ?? "";
      const simple = e === "n" ? "\n" : e === "t" ? "\t" : e === "r" ? "\r" : e === '"' ? '"' : e === "\\" ? "\\" : e === "0" ? "\0" : null;
      if (simple !== null) {
        value += simple;
        j += 2;
      } else if (e === "u") {
        const m = /^\{([0-9A-Fa-f]{1,6})\}/.exec(source.slice(j + 2, j + 12));
        const code = m ? parseInt(m[1]!, 16) : -1;
        if (!m || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          const why = !m ? "write `\\u{` 1 to 6 hex digits of a code point `}`" : code > 0x10ffff ? `${m[1]} is past the last code point, 10FFFF` : `${m[1]} is a surrogate (D800 to DFFF), not a character`;
          error(j, m ? m[0].length + 2 : 2, `bad unicode escape: ${why}`);
          j += m ? m[0].length + 2 : 2;
        } else {
          value += String.fromCodePoint(code);
          j += m[0].length + 2;
        }
      } else if (e === "" || e === "\n") {
        j++; // the string is unterminated: reported when the loop reaches the line break
      } else {
        const ch = String.fromCodePoint(source.codePointAt(j + 1)!);
        error(j, 1 + ch.length, `unknown escape \`\\${ch}\` (use \\n \\t \\r \\" \\\\ \\0 or \\u{...})`);
        j += 1 + ch.length;
      }
      runStart = j;
    }
    i = j;
    return token("string", source.slice(start, j), value, start, j - start, false);
  }
}

// Lsrc: Quastra as the programmer wrote it (the integer and control-flow core).
// The parser produces it; every node carries `loc`, its source span.
import { defineIL, terminal, type Terminal } from "../src/il/define.js";

export const binaryOperators = ["||", "&&", "==", "!=", "<", "<=", ">", ">=", "|", "^", "&", "<<", ">>", "+", "-", "*", "/", "%"] as const;
export const assignOperators = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="] as const;

/** A type as written: Int, Bool, Unit, String, or a function type
 * `fn(T1, T2) -> R` (always with its `-> R`, so each type has one spelling). */
export const typeTerminal: Terminal = {
  name: "type",
  describe: "Int | Bool | Unit | String | fn(type, ...) -> type",
  tsType: "string",
  test: (v: unknown) => typeof v === "string" && isType(v),
};

function isType(text: string): boolean {
  if (text === "Int" || text === "Bool" || text === "Unit" || text === "String") return true;
  const fn = splitFunctionType(text);
  return fn !== null && fn.params.every(isType) && isType(fn.ret);
}

/** `fn(A, B) -> R` as its parameter types and result type; null for any other type. */
export function splitFunctionType(text: string): { params: string[]; ret: string } | null {
  if (!text.startsWith("fn(")) return null;
  let depth = 0;
  const params: string[] = [];
  let start = 3;
  for (let i = 3; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      params.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (c === ")") {
      const last = text.slice(start, i).trim();
      if (last !== "") params.push(last);
      if (!text.startsWith(" -> ", i + 1)) return null;
      return { params, ret: text.slice(i + 5) };
    }
  }
  return null;
}

/** The spelling of a function type. */
export const functionType = (params: readonly string[], ret: string): string => `fn(${params.join(", ")}) -> ${ret}`;

export const Lsrc = defineIL({
  name: "Lsrc",
  purpose: "Quastra source as parsed: items, blocks, statements and expressions with all their sugar",
  entry: "Program",
  terminals: {
    int: terminal.int,
    bool: terminal.bool,
    string: terminal.string,
    name: terminal.name,
    type: typeTerminal,
    binop: terminal.oneOf("binop", binaryOperators),
    unop: terminal.oneOf("unop", ["-", "!", "~"]),
    assignop: terminal.oneOf("assignop", assignOperators),
    decl: terminal.oneOf("decl", ["let", "let mut"]),
  },
  grammar: {
    Program: { Program: "<items:Item*\n>" },
    Item: {
      Const: "const <name:name>: <type:type> = <value:Expr>",
      Fn: "fn <name:name>(<params:Param*, >)< -> |ret:type?> <body:Block>",
    },
    Param: { Param: "<name:name>: <type:type>" },
    Block: { Block: "{<stmts:Stmt*\n>}" },
    Stmt: {
      Let: "<decl:decl> <name:name><: |type:type?> = <init:Expr>",
      Assign: "<name:name> <op:assignop> <value:Expr>",
      While: "while <cond:Expr> <body:Block>",
      For: "for <name:name> in <from:Expr>..<to:Expr> <body:Block>",
      Break: "break",
      Continue: "continue",
      Return: "return< |value:Expr?>",
      ExprStmt: "<expr:Expr>",
    },
    Expr: [
      "Block",
      {
        Int: "<value:int>",
        Bool: "<value:bool>",
        Unit: "()",
        Str: "<value:string>",
        Var: "<name:name>",
        Binary: "(<left:Expr> <op:binop> <right:Expr>)",
        Unary: "<op:unop><arg:Expr>",
        If: "if <cond:Expr> <then:Block>< else |else:Expr?>",
        Call: "<callee:name>(<args:Expr*, >)",
      },
    ],
  },
});

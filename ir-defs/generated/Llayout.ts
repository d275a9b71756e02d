// Llayout: closures laid out: a closure is a fields object of its code and captured values, a call through it loads its code.
// Generated from ir-defs by `npm run gen`: do not edit. Import as a namespace:
//   import type * as Llayout from "../ir-defs/generated/Llayout.js";
import type { Loc } from "../../il/node.js";

/** Program ::= <items:Item*\n> */
export interface Program {
  readonly kind: "Program";
  readonly items: readonly Item[];
  readonly loc?: Loc;
}

export type Item = Fn;
/** Item ::= fn <name:name>(<params:Param*, >) -> <ret:type> <body:Block> */
export interface Fn {
  readonly kind: "Fn";
  readonly name: string;
  readonly params: readonly Param[];
  readonly ret: string;
  readonly body: Block;
  readonly loc?: Loc;
}

/** Param ::= <name:name>: <type:type> */
export interface Param {
  readonly kind: "Param";
  readonly name: string;
  readonly type: string;
  readonly loc?: Loc;
}

/** Block ::= {<stmts:Stmt*\n>} */
export interface Block {
  readonly kind: "Block";
  readonly stmts: readonly Stmt[];
  readonly loc?: Loc;
}

export type Stmt = Let | Assign | While | Break | Continue | Return | ExprStmt | Store;
/** Stmt ::= <decl:decl> <name:name>: <type:type> = <init:Expr> */
export interface Let {
  readonly kind: "Let";
  readonly decl: "let" | "let mut";
  readonly name: string;
  readonly type: string;
  readonly init: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= <name:name> = <value:Expr> */
export interface Assign {
  readonly kind: "Assign";
  readonly name: string;
  readonly value: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= while <cond:Expr> <body:Block> */
export interface While {
  readonly kind: "While";
  readonly cond: Expr;
  readonly body: Block;
  readonly loc?: Loc;
}
/** Stmt ::= break */
export interface Break {
  readonly kind: "Break";
  readonly loc?: Loc;
}
/** Stmt ::= continue */
export interface Continue {
  readonly kind: "Continue";
  readonly loc?: Loc;
}
/** Stmt ::= return <value:Expr> */
export interface Return {
  readonly kind: "Return";
  readonly value: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= <expr:Expr> */
export interface ExprStmt {
  readonly kind: "ExprStmt";
  readonly expr: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= *(<base:Expr> + <offset:int>< + |size:size?>< * |index:Expr?>) = <value:Expr> */
export interface Store {
  readonly kind: "Store";
  readonly base: Expr;
  readonly offset: bigint;
  readonly size: bigint | null;
  readonly index: Expr | null;
  readonly value: Expr;
  readonly loc?: Loc;
}

export type Expr = Block | Int | Bool | Unit | Str | Var | Binary | Unary | If | Call | Prim | Receive | New | NewArray | Load | StaticClosure;
/** Expr ::= <value:int> */
export interface Int {
  readonly kind: "Int";
  readonly value: bigint;
  readonly loc?: Loc;
}
/** Expr ::= <value:bool> */
export interface Bool {
  readonly kind: "Bool";
  readonly value: boolean;
  readonly loc?: Loc;
}
/** Expr ::= () */
export interface Unit {
  readonly kind: "Unit";
  readonly loc?: Loc;
}
/** Expr ::= <value:string> */
export interface Str {
  readonly kind: "Str";
  readonly value: string;
  readonly loc?: Loc;
}
/** Expr ::= <name:name> */
export interface Var {
  readonly kind: "Var";
  readonly name: string;
  readonly loc?: Loc;
}
/** Expr ::= (<left:Expr> <op:binop> <right:Expr>) */
export interface Binary {
  readonly kind: "Binary";
  readonly left: Expr;
  readonly op: "==" | "!=" | "<" | "<=" | ">" | ">=" | "|" | "^" | "&" | "<<" | ">>" | "+" | "-" | "*" | "/" | "%";
  readonly right: Expr;
  readonly loc?: Loc;
}
/** Expr ::= <op:unop><arg:Expr> */
export interface Unary {
  readonly kind: "Unary";
  readonly op: "-" | "!" | "~";
  readonly arg: Expr;
  readonly loc?: Loc;
}
/** Expr ::= if <cond:Expr> <then:Block> else <else:Block> */
export interface If {
  readonly kind: "If";
  readonly cond: Expr;
  readonly then: Block;
  readonly else: Block;
  readonly loc?: Loc;
}
/** Expr ::= call <callee:name>(<args:Expr*, >) */
export interface Call {
  readonly kind: "Call";
  readonly callee: string;
  readonly args: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= <op:prim>(<args:Expr*, >) */
export interface Prim {
  readonly kind: "Prim";
  readonly op: "print_int" | "print_bool" | "print_string" | "read_int" | "exit" | "panic" | "concat" | "string_eq" | "string_cmp" | "string_byte" | "string_slice" | "write_string" | "input_line" | "send" | "try_send" | "close" | "yield" | "scope_open" | "scope_close" | "spawn" | "channel";
  readonly args: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= recv(<chan:Expr>) found <found:name> */
export interface Receive {
  readonly kind: "Receive";
  readonly chan: Expr;
  readonly found: string;
  readonly loc?: Loc;
}
/** Expr ::= new(<fields:Expr*, >) refs <refs:refs> */
export interface New {
  readonly kind: "New";
  readonly fields: readonly Expr[];
  readonly refs: string;
  readonly loc?: Loc;
}
/** Expr ::= array(<length:Expr>, <init:Expr>) size <size:size> refs <refs:refs> */
export interface NewArray {
  readonly kind: "NewArray";
  readonly length: Expr;
  readonly init: Expr;
  readonly size: bigint;
  readonly refs: string;
  readonly loc?: Loc;
}
/** Expr ::= *(<base:Expr> + <offset:int>< + |size:size?>< * |index:Expr?>): <type:type> */
export interface Load {
  readonly kind: "Load";
  readonly base: Expr;
  readonly offset: bigint;
  readonly size: bigint | null;
  readonly index: Expr | null;
  readonly type: string;
  readonly loc?: Loc;
}
/** Expr ::= static closure <code:name> */
export interface StaticClosure {
  readonly kind: "StaticClosure";
  readonly code: string;
  readonly loc?: Loc;
}

export type Node = Program | Fn | Param | Block | Let | Assign | While | Break | Continue | Return | ExprStmt | Store | Int | Bool | Unit | Str | Var | Binary | Unary | If | Call | Prim | Receive | New | NewArray | Load | StaticClosure;
export type Kind = Node["kind"];

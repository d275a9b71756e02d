// Lreturn: returns explicit: a function's value is given only by return, of an atom or of a call's value.
// Generated from ir-defs by `npm run gen`: do not edit. Import as a namespace:
//   import type * as Lreturn from "../ir-defs/generated/Lreturn.js";
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

export type Stmt = Let | Assign | While | Break | Continue | Return | ExprStmt | Store | CheckIndex | ReturnCall;
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
/** Stmt ::= return <value:Atom> */
export interface Return {
  readonly kind: "Return";
  readonly value: Atom;
  readonly loc?: Loc;
}
/** Stmt ::= <expr:Expr> */
export interface ExprStmt {
  readonly kind: "ExprStmt";
  readonly expr: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= *(<base:Atom> + <offset:int>< + |size:size?>< * |index:Atom?>) = <value:Atom> */
export interface Store {
  readonly kind: "Store";
  readonly base: Atom;
  readonly offset: bigint;
  readonly size: bigint | null;
  readonly index: Atom | null;
  readonly value: Atom;
  readonly loc?: Loc;
}
/** Stmt ::= check 0 <= <index:Atom> < <length:Atom> */
export interface CheckIndex {
  readonly kind: "CheckIndex";
  readonly index: Atom;
  readonly length: Atom;
  readonly loc?: Loc;
}
/** Stmt ::= return <callee:name>(<args:Atom*, >) */
export interface ReturnCall {
  readonly kind: "ReturnCall";
  readonly callee: string;
  readonly args: readonly Atom[];
  readonly loc?: Loc;
}

export type Expr = Block | Atom | If | Call | Binary | Unary | Prim | New | NewArray | Load | Receive;
/** Expr ::= if <cond:Expr> <then:Block> else <else:Block> */
export interface If {
  readonly kind: "If";
  readonly cond: Expr;
  readonly then: Block;
  readonly else: Block;
  readonly loc?: Loc;
}
/** Expr ::= call <callee:name>(<args:Atom*, >) */
export interface Call {
  readonly kind: "Call";
  readonly callee: string;
  readonly args: readonly Atom[];
  readonly loc?: Loc;
}
/** Expr ::= (<left:Atom> <op:binop> <right:Atom>) */
export interface Binary {
  readonly kind: "Binary";
  readonly left: Atom;
  readonly op: "==" | "!=" | "<" | "<=" | ">" | ">=" | "|" | "^" | "&" | "<<" | ">>" | "+" | "-" | "*" | "/" | "%";
  readonly right: Atom;
  readonly loc?: Loc;
}
/** Expr ::= <op:unop><arg:Atom> */
export interface Unary {
  readonly kind: "Unary";
  readonly op: "-" | "!" | "~";
  readonly arg: Atom;
  readonly loc?: Loc;
}
/** Expr ::= <op:prim>(<args:Atom*, >) */
export interface Prim {
  readonly kind: "Prim";
  readonly op: "print_int" | "print_bool" | "print_string" | "read_int" | "exit" | "panic" | "concat" | "string_eq" | "string_cmp" | "string_byte" | "string_slice" | "write_string" | "input_line" | "send" | "try_send" | "close" | "yield" | "scope_open" | "scope_close" | "spawn" | "channel";
  readonly args: readonly Atom[];
  readonly loc?: Loc;
}
/** Expr ::= new(<fields:Atom*, >) refs <refs:refs> */
export interface New {
  readonly kind: "New";
  readonly fields: readonly Atom[];
  readonly refs: string;
  readonly loc?: Loc;
}
/** Expr ::= array(<length:Atom>, <init:Atom>) size <size:size> refs <refs:refs> */
export interface NewArray {
  readonly kind: "NewArray";
  readonly length: Atom;
  readonly init: Atom;
  readonly size: bigint;
  readonly refs: string;
  readonly loc?: Loc;
}
/** Expr ::= *(<base:Atom> + <offset:int>< + |size:size?>< * |index:Atom?>): <type:type> */
export interface Load {
  readonly kind: "Load";
  readonly base: Atom;
  readonly offset: bigint;
  readonly size: bigint | null;
  readonly index: Atom | null;
  readonly type: string;
  readonly loc?: Loc;
}
/** Expr ::= recv(<chan:Atom>) found <found:name> */
export interface Receive {
  readonly kind: "Receive";
  readonly chan: Atom;
  readonly found: string;
  readonly loc?: Loc;
}

export type Atom = Int | Bool | Unit | Str | Var | StaticClosure;
/** Atom ::= <value:int> */
export interface Int {
  readonly kind: "Int";
  readonly value: bigint;
  readonly loc?: Loc;
}
/** Atom ::= <value:bool> */
export interface Bool {
  readonly kind: "Bool";
  readonly value: boolean;
  readonly loc?: Loc;
}
/** Atom ::= () */
export interface Unit {
  readonly kind: "Unit";
  readonly loc?: Loc;
}
/** Atom ::= <value:string> */
export interface Str {
  readonly kind: "Str";
  readonly value: string;
  readonly loc?: Loc;
}
/** Atom ::= <name:name> */
export interface Var {
  readonly kind: "Var";
  readonly name: string;
  readonly loc?: Loc;
}
/** Atom ::= static closure <code:name> */
export interface StaticClosure {
  readonly kind: "StaticClosure";
  readonly code: string;
  readonly loc?: Loc;
}

export type Node = Program | Fn | Param | Block | Let | Assign | While | Break | Continue | Return | ExprStmt | Store | CheckIndex | ReturnCall | If | Call | Binary | Unary | Prim | New | NewArray | Load | Receive | Int | Bool | Unit | Str | Var | StaticClosure;
export type Kind = Node["kind"];

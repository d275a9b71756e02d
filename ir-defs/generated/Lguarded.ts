// Lguarded: inc and dec only of references: those of a union's variable run only when it holds no immediate.
// Generated from ir-defs by `npm run gen`: do not edit. Import as a namespace:
//   import type * as Lguarded from "../ir-defs/generated/Lguarded.js";
import type { Loc } from "../../il/node.js";

/** Program ::= <defs:Def*\n> */
export interface Program {
  readonly kind: "Program";
  readonly defs: readonly Def[];
  readonly loc?: Loc;
}

export type CStmt = Assign | Store | CheckIndex | Do | Inc | Dec;
/** CStmt ::= <name:name> = <value:CExpr> */
export interface Assign {
  readonly kind: "Assign";
  readonly name: string;
  readonly value: CExpr;
  readonly loc?: Loc;
}
/** CStmt ::= *(<base:Atom> + <offset:int>< + |size:size?>< * |index:Atom?>) = <value:Atom> */
export interface Store {
  readonly kind: "Store";
  readonly base: Atom;
  readonly offset: bigint;
  readonly size: bigint | null;
  readonly index: Atom | null;
  readonly value: Atom;
  readonly loc?: Loc;
}
/** CStmt ::= check 0 <= <index:Atom> < <length:Atom> */
export interface CheckIndex {
  readonly kind: "CheckIndex";
  readonly index: Atom;
  readonly length: Atom;
  readonly loc?: Loc;
}
/** CStmt ::= <expr:CExpr> */
export interface Do {
  readonly kind: "Do";
  readonly expr: CExpr;
  readonly loc?: Loc;
}
/** CStmt ::= inc <name:name> */
export interface Inc {
  readonly kind: "Inc";
  readonly name: string;
  readonly loc?: Loc;
}
/** CStmt ::= dec <name:name> */
export interface Dec {
  readonly kind: "Dec";
  readonly name: string;
  readonly loc?: Loc;
}

export type CExpr = Atom | Call | Binary | Unary | Prim | New | NewArray | Load | Receive;
/** CExpr ::= call <callee:Atom>(<args:Atom*, >)< lends |lent:count*, > */
export interface Call {
  readonly kind: "Call";
  readonly callee: Atom;
  readonly args: readonly Atom[];
  readonly lent: readonly number[];
  readonly loc?: Loc;
}
/** CExpr ::= (<left:Atom> <op:binop> <right:Atom>) */
export interface Binary {
  readonly kind: "Binary";
  readonly left: Atom;
  readonly op: "==" | "!=" | "<" | "<=" | ">" | ">=" | "|" | "^" | "&" | "<<" | ">>" | "+" | "-" | "*" | "/" | "%";
  readonly right: Atom;
  readonly loc?: Loc;
}
/** CExpr ::= <op:unop><arg:Atom> */
export interface Unary {
  readonly kind: "Unary";
  readonly op: "-" | "!" | "~";
  readonly arg: Atom;
  readonly loc?: Loc;
}
/** CExpr ::= <op:prim>(<args:Atom*, >) */
export interface Prim {
  readonly kind: "Prim";
  readonly op: "print_int" | "print_bool" | "print_string" | "read_int" | "exit" | "panic" | "concat" | "string_eq" | "string_cmp" | "string_byte" | "string_slice" | "write_string" | "input_line" | "send" | "try_send" | "close" | "yield" | "scope_open" | "scope_close" | "spawn" | "channel";
  readonly args: readonly Atom[];
  readonly loc?: Loc;
}
/** CExpr ::= new(<fields:Atom*, >) refs <refs:refs> */
export interface New {
  readonly kind: "New";
  readonly fields: readonly Atom[];
  readonly refs: string;
  readonly loc?: Loc;
}
/** CExpr ::= array(<length:Atom>, <init:Atom>) size <size:size> refs <refs:refs> */
export interface NewArray {
  readonly kind: "NewArray";
  readonly length: Atom;
  readonly init: Atom;
  readonly size: bigint;
  readonly refs: string;
  readonly loc?: Loc;
}
/** CExpr ::= *(<base:Atom> + <offset:int>< + |size:size?>< * |index:Atom?>): <type:type> */
export interface Load {
  readonly kind: "Load";
  readonly base: Atom;
  readonly offset: bigint;
  readonly size: bigint | null;
  readonly index: Atom | null;
  readonly type: string;
  readonly loc?: Loc;
}
/** CExpr ::= recv(<chan:Atom>) found <found:name> */
export interface Receive {
  readonly kind: "Receive";
  readonly chan: Atom;
  readonly found: string;
  readonly loc?: Loc;
}

export type Atom = Int | Bool | Unit | Str | Var | StaticClosure | FunRef;
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
/** Atom ::= &<name:name> */
export interface FunRef {
  readonly kind: "FunRef";
  readonly name: string;
  readonly loc?: Loc;
}

/** Def ::= fn <name:name>(<params:name*, >)< refs |refs:name*, ><blocks:BasicBlock*\n> */
export interface Def {
  readonly kind: "Def";
  readonly name: string;
  readonly params: readonly string[];
  readonly refs: readonly string[];
  readonly blocks: readonly BasicBlock[];
  readonly loc?: Loc;
}

/** BasicBlock ::= <label:label>:<stmts:CStmt*\n>  <tail:Tail> */
export interface BasicBlock {
  readonly kind: "BasicBlock";
  readonly label: string;
  readonly stmts: readonly CStmt[];
  readonly tail: Tail;
  readonly loc?: Loc;
}

export type Tail = Goto | Branch | Return | TailCall;
/** Tail ::= goto <target:label> */
export interface Goto {
  readonly kind: "Goto";
  readonly target: string;
  readonly loc?: Loc;
}
/** Tail ::= if <left:Atom> <op:cmpop> <right:Atom> goto <then:label> else <else:label> */
export interface Branch {
  readonly kind: "Branch";
  readonly left: Atom;
  readonly op: "==" | "!=" | "<" | "<=" | ">" | ">=";
  readonly right: Atom;
  readonly then: string;
  readonly else: string;
  readonly loc?: Loc;
}
/** Tail ::= return <value:Atom> */
export interface Return {
  readonly kind: "Return";
  readonly value: Atom;
  readonly loc?: Loc;
}
/** Tail ::= tailcall <callee:Atom>(<args:Atom*, >) */
export interface TailCall {
  readonly kind: "TailCall";
  readonly callee: Atom;
  readonly args: readonly Atom[];
  readonly loc?: Loc;
}

export type Node = Program | Assign | Store | CheckIndex | Do | Inc | Dec | Call | Binary | Unary | Prim | New | NewArray | Load | Receive | Int | Bool | Unit | Str | Var | StaticClosure | FunRef | Def | BasicBlock | Goto | Branch | Return | TailCall;
export type Kind = Node["kind"];

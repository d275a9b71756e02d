// Lmono: no generic items: one copy of each per list of type arguments used, named by them (swap[Int, Bool], Pair[Int, Bool]).
// Generated from ir-defs by `npm run gen`: do not edit. Import as a namespace:
//   import type * as Lmono from "../ir-defs/generated/Lmono.js";
import type { Loc } from "../../il/node.js";

/** Program ::= <items:Item*\n> */
export interface Program {
  readonly kind: "Program";
  readonly items: readonly Item[];
  readonly loc?: Loc;
}

export type Item = Const | Fn | Record | Union | Method;
/** Item ::= const <name:name>: <type:type> = <value:Expr> */
export interface Const {
  readonly kind: "Const";
  readonly name: string;
  readonly type: string;
  readonly value: Expr;
  readonly loc?: Loc;
}
/** Item ::= fn <name:name>(<params:Param*, >) -> <ret:type> <body:Block> */
export interface Fn {
  readonly kind: "Fn";
  readonly name: string;
  readonly params: readonly Param[];
  readonly ret: string;
  readonly body: Block;
  readonly loc?: Loc;
}
/** Item ::= record <name:name> {<fields:FieldDecl*, >} */
export interface Record {
  readonly kind: "Record";
  readonly name: string;
  readonly fields: readonly FieldDecl[];
  readonly loc?: Loc;
}
/** Item ::= union <name:name> {<ctors:Ctor*, >} */
export interface Union {
  readonly kind: "Union";
  readonly name: string;
  readonly ctors: readonly Ctor[];
  readonly loc?: Loc;
}
/** Item ::= fn <type:type>::<name:name>(<params:Param*, >) -> <ret:type> <body:Block> */
export interface Method {
  readonly kind: "Method";
  readonly type: string;
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

/** Ctor ::= <name:name><(|fields:FieldDecl*, |)> */
export interface Ctor {
  readonly kind: "Ctor";
  readonly name: string;
  readonly fields: readonly FieldDecl[];
  readonly loc?: Loc;
}

/** Block ::= {<stmts:Stmt*\n>} */
export interface Block {
  readonly kind: "Block";
  readonly stmts: readonly Stmt[];
  readonly loc?: Loc;
}

export type Stmt = Let | Assign | While | SetField | SetIndex | For | ForEach | Using | Break | Continue | Return | ExprStmt | ForChan;
/** Stmt ::= <decl:decl> <name:name>: <type:type> = <init:Expr> */
export interface Let {
  readonly kind: "Let";
  readonly decl: "let" | "let mut";
  readonly name: string;
  readonly type: string;
  readonly init: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= <name:name> <op:assignop> <value:Expr> */
export interface Assign {
  readonly kind: "Assign";
  readonly name: string;
  readonly op: "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=";
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
/** Stmt ::= <name:name>.<path:field*.> <op:assignop> <value:Expr> */
export interface SetField {
  readonly kind: "SetField";
  readonly name: string;
  readonly path: readonly string[];
  readonly op: "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=";
  readonly value: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= <array:Expr>[<index:Expr>] <op:assignop> <value:Expr> */
export interface SetIndex {
  readonly kind: "SetIndex";
  readonly array: Expr;
  readonly index: Expr;
  readonly op: "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=";
  readonly value: Expr;
  readonly loc?: Loc;
}
/** Stmt ::= for <name:name> in <from:Expr>..<to:Expr> <body:Block> */
export interface For {
  readonly kind: "For";
  readonly name: string;
  readonly from: Expr;
  readonly to: Expr;
  readonly body: Block;
  readonly loc?: Loc;
}
/** Stmt ::= for <name:name> in <iter:Expr> <body:Block> */
export interface ForEach {
  readonly kind: "ForEach";
  readonly name: string;
  readonly iter: Expr;
  readonly body: Block;
  readonly loc?: Loc;
}
/** Stmt ::= using <name:name>: <type:type> = <init:Expr> */
export interface Using {
  readonly kind: "Using";
  readonly name: string;
  readonly type: string;
  readonly init: Expr;
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
/** Stmt ::= for <name:name>: <type:type> in recv <chan:Expr>: <option:type> <body:Block> */
export interface ForChan {
  readonly kind: "ForChan";
  readonly name: string;
  readonly type: string;
  readonly chan: Expr;
  readonly option: string;
  readonly body: Block;
  readonly loc?: Loc;
}

export type Expr = Block | Int | Bool | Unit | Str | Var | Binary | Unary | If | Call | Tuple | Field | Index | RecordLit | MethodCall | Match | Try | Lambda | Apply | Scope | Spawn | Channel | Prim | Construct | Recv;
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
  readonly op: "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "|" | "^" | "&" | "<<" | ">>" | "+" | "-" | "*" | "/" | "%";
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
/** Expr ::= if <cond:Expr> <then:Block>< else |else:Expr?> */
export interface If {
  readonly kind: "If";
  readonly cond: Expr;
  readonly then: Block;
  readonly else: Expr | null;
  readonly loc?: Loc;
}
/** Expr ::= call <callee:name>(<args:Expr*, >) */
export interface Call {
  readonly kind: "Call";
  readonly callee: string;
  readonly args: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= (<elems:Expr*, >) */
export interface Tuple {
  readonly kind: "Tuple";
  readonly elems: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= <target:Expr>.<field:field> */
export interface Field {
  readonly kind: "Field";
  readonly target: Expr;
  readonly field: string;
  readonly loc?: Loc;
}
/** Expr ::= <target:Expr>[<index:Expr>] */
export interface Index {
  readonly kind: "Index";
  readonly target: Expr;
  readonly index: Expr;
  readonly loc?: Loc;
}
/** Expr ::= <name:name> {<inits:FieldInit*, >} */
export interface RecordLit {
  readonly kind: "RecordLit";
  readonly name: string;
  readonly inits: readonly FieldInit[];
  readonly loc?: Loc;
}
/** Expr ::= (<target:Expr>: <type:type>).<method:name>(<args:Expr*, >) */
export interface MethodCall {
  readonly kind: "MethodCall";
  readonly target: Expr;
  readonly type: string;
  readonly method: string;
  readonly args: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= match <scrutinee:Expr>: <type:type> {<arms:Arm*\n>} */
export interface Match {
  readonly kind: "Match";
  readonly scrutinee: Expr;
  readonly type: string;
  readonly arms: readonly Arm[];
  readonly loc?: Loc;
}
/** Expr ::= (try <value:Expr>: <type:type> -> <ret:type>) */
export interface Try {
  readonly kind: "Try";
  readonly value: Expr;
  readonly type: string;
  readonly ret: string;
  readonly loc?: Loc;
}
/** Expr ::= fn(<params:Param*, >) -> <ret:type> <body:Block> */
export interface Lambda {
  readonly kind: "Lambda";
  readonly params: readonly Param[];
  readonly ret: string;
  readonly body: Block;
  readonly loc?: Loc;
}
/** Expr ::= call (<callee:Expr>)(<args:Expr*, >) */
export interface Apply {
  readonly kind: "Apply";
  readonly callee: Expr;
  readonly args: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= scope <body:Block> */
export interface Scope {
  readonly kind: "Scope";
  readonly body: Block;
  readonly loc?: Loc;
}
/** Expr ::= spawn <body:Block> */
export interface Spawn {
  readonly kind: "Spawn";
  readonly body: Block;
  readonly loc?: Loc;
}
/** Expr ::= channel[<elem:type>](<cap:Expr>) */
export interface Channel {
  readonly kind: "Channel";
  readonly elem: string;
  readonly cap: Expr;
  readonly loc?: Loc;
}
/** Expr ::= <op:prim>(<args:Expr*, >) */
export interface Prim {
  readonly kind: "Prim";
  readonly op: "print_int" | "print_bool" | "print_string" | "read_int" | "exit" | "assert" | "panic" | "concat" | "string_eq" | "string_cmp" | "len" | "string_byte" | "string_slice" | "write_string" | "input_line" | "array" | "box" | "get" | "set" | "send" | "try_send" | "close" | "yield";
  readonly args: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= <type:type>::<ctor:name><(|args:Expr*, |)> */
export interface Construct {
  readonly kind: "Construct";
  readonly type: string;
  readonly ctor: string;
  readonly args: readonly Expr[];
  readonly loc?: Loc;
}
/** Expr ::= recv(<chan:Expr>): <type:type> */
export interface Recv {
  readonly kind: "Recv";
  readonly chan: Expr;
  readonly type: string;
  readonly loc?: Loc;
}

/** Arm ::= <pattern:Pattern>< if |guard:Expr?> => <body:Expr> */
export interface Arm {
  readonly kind: "Arm";
  readonly pattern: Pattern;
  readonly guard: Expr | null;
  readonly body: Expr;
  readonly loc?: Loc;
}

export type Pattern = Wildcard | Binder | IntPat | BoolPat | StrPat | TuplePat | CtorPat;
/** Pattern ::= _ */
export interface Wildcard {
  readonly kind: "Wildcard";
  readonly loc?: Loc;
}
/** Pattern ::= <name:name>: <type:type> */
export interface Binder {
  readonly kind: "Binder";
  readonly name: string;
  readonly type: string;
  readonly loc?: Loc;
}
/** Pattern ::= <value:int> */
export interface IntPat {
  readonly kind: "IntPat";
  readonly value: bigint;
  readonly loc?: Loc;
}
/** Pattern ::= <value:bool> */
export interface BoolPat {
  readonly kind: "BoolPat";
  readonly value: boolean;
  readonly loc?: Loc;
}
/** Pattern ::= <value:string> */
export interface StrPat {
  readonly kind: "StrPat";
  readonly value: string;
  readonly loc?: Loc;
}
/** Pattern ::= (<elems:Pattern*, >) */
export interface TuplePat {
  readonly kind: "TuplePat";
  readonly elems: readonly Pattern[];
  readonly loc?: Loc;
}
/** Pattern ::= <type:type>::<ctor:name><(|args:Pattern*, |)> */
export interface CtorPat {
  readonly kind: "CtorPat";
  readonly type: string;
  readonly ctor: string;
  readonly args: readonly Pattern[];
  readonly loc?: Loc;
}

/** FieldInit ::= <name:name>: <value:Expr> */
export interface FieldInit {
  readonly kind: "FieldInit";
  readonly name: string;
  readonly value: Expr;
  readonly loc?: Loc;
}

/** FieldDecl ::= <name:name>: <type:type> */
export interface FieldDecl {
  readonly kind: "FieldDecl";
  readonly name: string;
  readonly type: string;
  readonly loc?: Loc;
}

export type Node = Program | Const | Fn | Record | Union | Method | Param | Ctor | Block | Let | Assign | While | SetField | SetIndex | For | ForEach | Using | Break | Continue | Return | ExprStmt | ForChan | Int | Bool | Unit | Str | Var | Binary | Unary | If | Call | Tuple | Field | Index | RecordLit | MethodCall | Match | Try | Lambda | Apply | Scope | Spawn | Channel | Prim | Construct | Recv | Arm | Wildcard | Binder | IntPat | BoolPat | StrPat | TuplePat | CtorPat | FieldInit | FieldDecl;
export type Kind = Node["kind"];

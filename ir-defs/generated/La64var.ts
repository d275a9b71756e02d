// La64var: AArch64 instructions in GNU syntax over registers, immediates and variables.
// Generated from ir-defs by `npm run gen`: do not edit. Import as a namespace:
//   import type * as La64var from "../ir-defs/generated/La64var.js";
import type { Loc } from "../../il/node.js";

/** Program ::= <blocks:Block*\n><data:Static*\n> */
export interface Program {
  readonly kind: "Program";
  readonly blocks: readonly Block[];
  readonly data: readonly Static[];
  readonly loc?: Loc;
}

/** Block ::= <label:label>:<instrs:Instr*\n> */
export interface Block {
  readonly kind: "Block";
  readonly label: string;
  readonly instrs: readonly Instr[];
  readonly loc?: Loc;
}

export type Static = Data | ClosureData;
/** Static ::= <label:data>: static <value:string> */
export interface Data {
  readonly kind: "Data";
  readonly label: string;
  readonly value: string;
  readonly loc?: Loc;
}
/** Static ::= <label:data>: static closure <code:symbol> */
export interface ClosureData {
  readonly kind: "ClosureData";
  readonly label: string;
  readonly code: string;
  readonly loc?: Loc;
}

export type Place = Reg | Var;
/** Place ::= <name:reg> */
export interface Reg {
  readonly kind: "Reg";
  readonly name: "x0" | "x1" | "x2" | "x3" | "x4" | "x5" | "x6" | "x7" | "x8" | "x9" | "x10" | "x11" | "x12" | "x13" | "x14" | "x15" | "x16" | "x17" | "x18" | "x19" | "x20" | "x21" | "x22" | "x23" | "x24" | "x25" | "x26" | "x27" | "x28" | "x29" | "x30" | "sp" | "w0" | "w1" | "w2" | "w3" | "w4" | "w5" | "w6" | "w7" | "w8" | "w9" | "w10" | "w11" | "w12" | "w13" | "w14" | "w15" | "w16" | "w17" | "w18" | "w19" | "w20" | "w21" | "w22" | "w23" | "w24" | "w25" | "w26" | "w27" | "w28" | "w29" | "w30" | "wzr";
  readonly loc?: Loc;
}
/** Place ::= <name:name> */
export interface Var {
  readonly kind: "Var";
  readonly name: string;
  readonly loc?: Loc;
}

export type Arg = Place | Imm | StackArg | OutArg;
/** Arg ::= #<value:int> */
export interface Imm {
  readonly kind: "Imm";
  readonly value: bigint;
  readonly loc?: Loc;
}
/** Arg ::= stackarg <index:count> */
export interface StackArg {
  readonly kind: "StackArg";
  readonly index: number;
  readonly loc?: Loc;
}
/** Arg ::= outarg <index:count> */
export interface OutArg {
  readonly kind: "OutArg";
  readonly index: number;
  readonly loc?: Loc;
}

export type Instr = Mov | Add | Sub | Mul | Sdiv | Msub | Madd | And | Orr | Eor | Lsl | Asr | Lsr | Neg | Mvn | Cmp | Cset | Csel | Adrp | AddLo12 | Bl | Blr | TailCall | TailCallIndirect | AdrpFn | AddLo12Fn | Load | Store | AddScaled | LoadByte | StoreByte | B | BCond | Cbz;
/** Instr ::= mov <dst:Arg>, <src:Arg> */
export interface Mov {
  readonly kind: "Mov";
  readonly dst: Arg;
  readonly src: Arg;
  readonly loc?: Loc;
}
/** Instr ::= add <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Add {
  readonly kind: "Add";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= sub <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Sub {
  readonly kind: "Sub";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= mul <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Mul {
  readonly kind: "Mul";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= sdiv <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Sdiv {
  readonly kind: "Sdiv";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= msub <dst:Arg>, <left:Arg>, <right:Arg>, <from:Arg> */
export interface Msub {
  readonly kind: "Msub";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly from: Arg;
  readonly loc?: Loc;
}
/** Instr ::= madd <dst:Arg>, <left:Arg>, <right:Arg>, <from:Arg> */
export interface Madd {
  readonly kind: "Madd";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly from: Arg;
  readonly loc?: Loc;
}
/** Instr ::= and <dst:Arg>, <left:Arg>, <right:Arg> */
export interface And {
  readonly kind: "And";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= orr <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Orr {
  readonly kind: "Orr";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= eor <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Eor {
  readonly kind: "Eor";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= lsl <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Lsl {
  readonly kind: "Lsl";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= asr <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Asr {
  readonly kind: "Asr";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= lsr <dst:Arg>, <left:Arg>, <right:Arg> */
export interface Lsr {
  readonly kind: "Lsr";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= neg <dst:Arg>, <src:Arg> */
export interface Neg {
  readonly kind: "Neg";
  readonly dst: Arg;
  readonly src: Arg;
  readonly loc?: Loc;
}
/** Instr ::= mvn <dst:Arg>, <src:Arg> */
export interface Mvn {
  readonly kind: "Mvn";
  readonly dst: Arg;
  readonly src: Arg;
  readonly loc?: Loc;
}
/** Instr ::= cmp <left:Arg>, <right:Arg> */
export interface Cmp {
  readonly kind: "Cmp";
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= cset <dst:Arg>, <cond:cond> */
export interface Cset {
  readonly kind: "Cset";
  readonly dst: Arg;
  readonly cond: "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "lo" | "ls" | "hi" | "hs";
  readonly loc?: Loc;
}
/** Instr ::= csel <dst:Arg>, <yes:Arg>, <no:Arg>, <cond:cond> */
export interface Csel {
  readonly kind: "Csel";
  readonly dst: Arg;
  readonly yes: Arg;
  readonly no: Arg;
  readonly cond: "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "lo" | "ls" | "hi" | "hs";
  readonly loc?: Loc;
}
/** Instr ::= adrp <dst:Arg>, <symbol:data> */
export interface Adrp {
  readonly kind: "Adrp";
  readonly dst: Arg;
  readonly symbol: string;
  readonly loc?: Loc;
}
/** Instr ::= add <dst:Arg>, <src:Arg>, :lo12:<symbol:data> */
export interface AddLo12 {
  readonly kind: "AddLo12";
  readonly dst: Arg;
  readonly src: Arg;
  readonly symbol: string;
  readonly loc?: Loc;
}
/** Instr ::= bl <target:symbol>< // |args:Place*, > */
export interface Bl {
  readonly kind: "Bl";
  readonly target: string;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= blr <callee:Arg>< // |args:Place*, > */
export interface Blr {
  readonly kind: "Blr";
  readonly callee: Arg;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= tailcall <target:symbol>< // |args:Place*, > */
export interface TailCall {
  readonly kind: "TailCall";
  readonly target: string;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= tailcall <callee:Arg>< // |args:Place*, > */
export interface TailCallIndirect {
  readonly kind: "TailCallIndirect";
  readonly callee: Arg;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= adrp <dst:Arg>, <symbol:symbol> */
export interface AdrpFn {
  readonly kind: "AdrpFn";
  readonly dst: Arg;
  readonly symbol: string;
  readonly loc?: Loc;
}
/** Instr ::= add <dst:Arg>, <src:Arg>, :lo12:<symbol:symbol> */
export interface AddLo12Fn {
  readonly kind: "AddLo12Fn";
  readonly dst: Arg;
  readonly src: Arg;
  readonly symbol: string;
  readonly loc?: Loc;
}
/** Instr ::= ldr <dst:Arg>, [<base:Arg>, #<offset:int>] */
export interface Load {
  readonly kind: "Load";
  readonly dst: Arg;
  readonly base: Arg;
  readonly offset: bigint;
  readonly loc?: Loc;
}
/** Instr ::= str <src:Arg>, [<base:Arg>, #<offset:int>] */
export interface Store {
  readonly kind: "Store";
  readonly src: Arg;
  readonly base: Arg;
  readonly offset: bigint;
  readonly loc?: Loc;
}
/** Instr ::= add <dst:Arg>, <left:Arg>, <right:Arg>, lsl #3 */
export interface AddScaled {
  readonly kind: "AddScaled";
  readonly dst: Arg;
  readonly left: Arg;
  readonly right: Arg;
  readonly loc?: Loc;
}
/** Instr ::= ldrb <dst:Arg>, [<base:Arg>, #<offset:int>] */
export interface LoadByte {
  readonly kind: "LoadByte";
  readonly dst: Arg;
  readonly base: Arg;
  readonly offset: bigint;
  readonly loc?: Loc;
}
/** Instr ::= strb <src:Arg>, [<base:Arg>, #<offset:int>] */
export interface StoreByte {
  readonly kind: "StoreByte";
  readonly src: Arg;
  readonly base: Arg;
  readonly offset: bigint;
  readonly loc?: Loc;
}
/** Instr ::= b <target:label> */
export interface B {
  readonly kind: "B";
  readonly target: string;
  readonly loc?: Loc;
}
/** Instr ::= b.<cond:cond> <target:label> */
export interface BCond {
  readonly kind: "BCond";
  readonly cond: "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "lo" | "ls" | "hi" | "hs";
  readonly target: string;
  readonly loc?: Loc;
}
/** Instr ::= cbz <src:Arg>, <target:label> */
export interface Cbz {
  readonly kind: "Cbz";
  readonly src: Arg;
  readonly target: string;
  readonly loc?: Loc;
}

export type Node = Program | Block | Data | ClosureData | Reg | Var | Imm | StackArg | OutArg | Mov | Add | Sub | Mul | Sdiv | Msub | Madd | And | Orr | Eor | Lsl | Asr | Lsr | Neg | Mvn | Cmp | Cset | Csel | Adrp | AddLo12 | Bl | Blr | TailCall | TailCallIndirect | AdrpFn | AddLo12Fn | Load | Store | AddScaled | LoadByte | StoreByte | B | BCond | Cbz;
export type Kind = Node["kind"];

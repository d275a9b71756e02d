// Lx86live: each instruction annotated with the variables and registers live after it.
// Generated from ir-defs by `npm run gen`: do not edit. Import as a namespace:
//   import type * as Lx86live from "../ir-defs/generated/Lx86live.js";
import type { Loc } from "../../il/node.js";

/** Program ::= <blocks:Block*\n><data:Static*\n> */
export interface Program {
  readonly kind: "Program";
  readonly blocks: readonly Block[];
  readonly data: readonly Static[];
  readonly loc?: Loc;
}

/** Block ::= <label:label>:<instrs:Live*\n> */
export interface Block {
  readonly kind: "Block";
  readonly label: string;
  readonly instrs: readonly Live[];
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
/** Place ::= %<name:reg> */
export interface Reg {
  readonly kind: "Reg";
  readonly name: "rax" | "rbx" | "rcx" | "rdx" | "rsi" | "rdi" | "rbp" | "rsp" | "r8" | "r9" | "r10" | "r11" | "r12" | "r13" | "r14" | "r15" | "al" | "cl";
  readonly loc?: Loc;
}
/** Place ::= <name:name> */
export interface Var {
  readonly kind: "Var";
  readonly name: string;
  readonly loc?: Loc;
}

export type Arg = Place | Imm | StackArg;
/** Arg ::= $<value:int> */
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

export type Instr = Movq | Addq | Subq | Imulq | Andq | Orq | Xorq | Negq | Notq | Salq | Sarq | Shrq | Cmpq | Set | Cmov | Cqto | Idivq | Movzbq | LeaScaled | Leaq | Load | LoadIndexed | Store | StoreIndexed | LoadByte | StoreByte | IncMem | Callq | CallqIndirect | LeaFn | Pushq | TailCall | TailCallIndirect | Jmp | JmpIf;
/** Instr ::= movq <src:Arg>, <dst:Arg> */
export interface Movq {
  readonly kind: "Movq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= addq <src:Arg>, <dst:Arg> */
export interface Addq {
  readonly kind: "Addq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= subq <src:Arg>, <dst:Arg> */
export interface Subq {
  readonly kind: "Subq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= imulq <src:Arg>, <dst:Arg> */
export interface Imulq {
  readonly kind: "Imulq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= andq <src:Arg>, <dst:Arg> */
export interface Andq {
  readonly kind: "Andq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= orq <src:Arg>, <dst:Arg> */
export interface Orq {
  readonly kind: "Orq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= xorq <src:Arg>, <dst:Arg> */
export interface Xorq {
  readonly kind: "Xorq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= negq <dst:Arg> */
export interface Negq {
  readonly kind: "Negq";
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= notq <dst:Arg> */
export interface Notq {
  readonly kind: "Notq";
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= salq <count:Arg>, <dst:Arg> */
export interface Salq {
  readonly kind: "Salq";
  readonly count: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= sarq <count:Arg>, <dst:Arg> */
export interface Sarq {
  readonly kind: "Sarq";
  readonly count: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= shrq <count:Arg>, <dst:Arg> */
export interface Shrq {
  readonly kind: "Shrq";
  readonly count: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= cmpq <right:Arg>, <left:Arg> */
export interface Cmpq {
  readonly kind: "Cmpq";
  readonly right: Arg;
  readonly left: Arg;
  readonly loc?: Loc;
}
/** Instr ::= set<cc:cc> <dst:Arg> */
export interface Set {
  readonly kind: "Set";
  readonly cc: "e" | "ne" | "l" | "le" | "g" | "ge" | "b" | "be" | "a" | "ae";
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= cmov<cc:cc> <src:Arg>, <dst:Arg> */
export interface Cmov {
  readonly kind: "Cmov";
  readonly cc: "e" | "ne" | "l" | "le" | "g" | "ge" | "b" | "be" | "a" | "ae";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= cqto */
export interface Cqto {
  readonly kind: "Cqto";
  readonly loc?: Loc;
}
/** Instr ::= idivq <src:Arg> */
export interface Idivq {
  readonly kind: "Idivq";
  readonly src: Arg;
  readonly loc?: Loc;
}
/** Instr ::= movzbq <src:Arg>, <dst:Arg> */
export interface Movzbq {
  readonly kind: "Movzbq";
  readonly src: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= leaq (<base:Arg>,<index:Arg>,<scale:int>), <dst:Arg> */
export interface LeaScaled {
  readonly kind: "LeaScaled";
  readonly base: Arg;
  readonly index: Arg;
  readonly scale: bigint;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= leaq <label:data>(%rip), <dst:Arg> */
export interface Leaq {
  readonly kind: "Leaq";
  readonly label: string;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= movq <offset:int>(<base:Arg>), <dst:Arg> */
export interface Load {
  readonly kind: "Load";
  readonly offset: bigint;
  readonly base: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= movq <offset:int>(<base:Arg>,<index:Arg>,8), <dst:Arg> */
export interface LoadIndexed {
  readonly kind: "LoadIndexed";
  readonly offset: bigint;
  readonly base: Arg;
  readonly index: Arg;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= movq <src:Arg>, <offset:int>(<base:Arg>) */
export interface Store {
  readonly kind: "Store";
  readonly src: Arg;
  readonly offset: bigint;
  readonly base: Arg;
  readonly loc?: Loc;
}
/** Instr ::= movq <src:Arg>, <offset:int>(<base:Arg>,<index:Arg>,8) */
export interface StoreIndexed {
  readonly kind: "StoreIndexed";
  readonly src: Arg;
  readonly offset: bigint;
  readonly base: Arg;
  readonly index: Arg;
  readonly loc?: Loc;
}
/** Instr ::= movzbq <offset:int>(<base:Arg><,|index:Arg?|,1>), <dst:Arg> */
export interface LoadByte {
  readonly kind: "LoadByte";
  readonly offset: bigint;
  readonly base: Arg;
  readonly index: Arg | null;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= movb <src:Arg>, <offset:int>(<base:Arg><,|index:Arg?|,1>) */
export interface StoreByte {
  readonly kind: "StoreByte";
  readonly src: Arg;
  readonly offset: bigint;
  readonly base: Arg;
  readonly index: Arg | null;
  readonly loc?: Loc;
}
/** Instr ::= addq $1, (<base:Arg>) */
export interface IncMem {
  readonly kind: "IncMem";
  readonly base: Arg;
  readonly loc?: Loc;
}
/** Instr ::= callq <target:symbol>< # |args:Place*, > */
export interface Callq {
  readonly kind: "Callq";
  readonly target: string;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= callq *<callee:Arg>< # |args:Place*, > */
export interface CallqIndirect {
  readonly kind: "CallqIndirect";
  readonly callee: Arg;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= leaq <target:symbol>(%rip), <dst:Arg> */
export interface LeaFn {
  readonly kind: "LeaFn";
  readonly target: string;
  readonly dst: Arg;
  readonly loc?: Loc;
}
/** Instr ::= pushq <src:Arg> */
export interface Pushq {
  readonly kind: "Pushq";
  readonly src: Arg;
  readonly loc?: Loc;
}
/** Instr ::= tailcall <target:symbol>< # |args:Place*, > */
export interface TailCall {
  readonly kind: "TailCall";
  readonly target: string;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= tailcall *<callee:Arg>< # |args:Place*, > */
export interface TailCallIndirect {
  readonly kind: "TailCallIndirect";
  readonly callee: Arg;
  readonly args: readonly Place[];
  readonly loc?: Loc;
}
/** Instr ::= jmp <target:label> */
export interface Jmp {
  readonly kind: "Jmp";
  readonly target: string;
  readonly loc?: Loc;
}
/** Instr ::= j<cc:cc> <target:label> */
export interface JmpIf {
  readonly kind: "JmpIf";
  readonly cc: "e" | "ne" | "l" | "le" | "g" | "ge" | "b" | "be" | "a" | "ae";
  readonly target: string;
  readonly loc?: Loc;
}

/** Live ::= <instr:Instr>    # live: {<after:Place*, >} */
export interface Live {
  readonly kind: "Live";
  readonly instr: Instr;
  readonly after: readonly Place[];
  readonly loc?: Loc;
}

export type Node = Program | Block | Data | ClosureData | Reg | Var | Imm | StackArg | Movq | Addq | Subq | Imulq | Andq | Orq | Xorq | Negq | Notq | Salq | Sarq | Shrq | Cmpq | Set | Cmov | Cqto | Idivq | Movzbq | LeaScaled | Leaq | Load | LoadIndexed | Store | StoreIndexed | LoadByte | StoreByte | IncMem | Callq | CallqIndirect | LeaFn | Pushq | TailCall | TailCallIndirect | Jmp | JmpIf | Live;
export type Kind = Node["kind"];

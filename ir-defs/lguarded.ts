// Lguarded: Lrc where `inc x` and `dec x` are only ever of a reference. A
// variable that may hold a union's immediate instead (its def's `unions`) has
// its inc and dec behind a test of the low bit (guard-immediate-counts), so the
// list has served, and so has the list of borrowed variables (ir-defs/heap-layout.ts).
import { extendIL } from "../il/define.js";
import { borrowsNeverConsumed } from "./lborrowed.js";
import { Lrc } from "./lrc.js";

export const Lguarded = extendIL(Lrc, {
  name: "Lguarded",
  purpose: "inc and dec only of references: those of a union's variable run only when it holds no immediate",
  add: { Def: { Def: "fn <name:name>(<params:name*, >)< refs |refs:name*, ><blocks:BasicBlock*\n>" } },
  // The counts are written: the borrowed variables have served (a call still says what it lends).
  dropInvariants: [borrowsNeverConsumed.says],
});

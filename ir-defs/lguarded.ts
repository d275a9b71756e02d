// Lguarded: Lrc where `inc x` is only ever of a reference. A variable that may
// hold a union's immediate instead (its def's `unions`) has its inc behind a
// test of the low bit (guard-immediate-counts), so the list has served. `dec`
// needs no guard: the runtime's release leaves an immediate alone
// (ir-defs/heap-layout.ts).
import { extendIL } from "../il/define.js";
import { Lrc } from "./lrc.js";

export const Lguarded = extendIL(Lrc, {
  name: "Lguarded",
  purpose: "inc only of references: an inc of a union's variable runs only when it holds no immediate",
  add: { Def: { Def: "fn <name:name>(<params:name*, >)< refs |refs:name*, ><blocks:BasicBlock*\n>" } },
});

// lower-channels: Lshrunk -> Lchannels
//
// Channels become what the runtime makes of them (runtime-asm/README.md,
// "Concurrency"), before data is laid out. `channel[T](cap)` is the primitive
// `channel(cap, info)`, qn_channel's arguments: info 4 (a channel's kind), plus
// 256 when T's values are references, which a channel freed with values still
// in it releases. `recv(ch): Option[T]` receives a word and whether one came
// (qn_recv's two results), and makes the Option of them: the word goes into
// the Some as it is, and its reference with it (the receiver owns it).
//
// Before (Lshrunk):                         After (Lchannels):
//   let c.1: Chan[String] =                   let c.1: Chan[String] = channel(2, 260)
//     channel[String](2)
//   let r.2: Option[String] =                 let r.2: Option[String] = {
//     recv(c.1): Option[String]                 let recv.3: Int = recv(c.1) found recv.4
//                                               if (recv.4 != 0) { Option[String]::Some(recv.3) }
//                                               else { Option[String]::None }
//                                             }

import type * as In from "../ir-defs/generated/Lshrunk.js";
import type * as Out from "../ir-defs/generated/Lchannels.js";
import { Lshrunk } from "../ir-defs/lshrunk.js";
import { Lchannels } from "../ir-defs/lchannels.js";
import { channelInfo } from "../ir-defs/heap-layout.js";
import { isHeapType } from "../ir-defs/type-syntax.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { unionsByName } from "./shared/unions.js";

export const lowerChannels = pass({
  name: "lower-channels",
  from: Lshrunk,
  to: Lchannels,
  purpose: "a new channel becomes channel(cap, info); a receive, recv(ch) found f and the Option made of the word and the flag",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lshrunk, program);
    const unions = unionsByName(program.items);
    const lower = rewriter<In.Node, undefined>(Lshrunk, {
      Channel(node, ctx, recur): Out.Prim {
        const info = channelInfo(isHeapType(node.elem) ? "1" : "0");
        return { kind: "Prim", op: "channel", args: [recur(node.cap, ctx), { kind: "Int", value: info, loc: node.loc }], loc: node.loc };
      },
      Recv(node, ctx, recur): Out.Block {
        const loc = node.loc;
        const [word, found] = [fresh("recv"), fresh("recv")];
        const use = (name: string): Out.Var => ({ kind: "Var", name, loc });
        const option = (ctor: string, args: Out.Expr[]): Out.Block => ({ kind: "Block", stmts: [{ kind: "ExprStmt", expr: { kind: "Construct", type: node.type, ctor, args, loc }, loc }], loc });
        const received: Out.Receive = { kind: "Receive", chan: recur(node.chan, ctx), found, loc };
        // The prelude's Option: Some, then None, as it declares them (`prelude.Some` where the program's own file hides the name).
        const [some, none] = unions.get(node.type)!.ctors.map((c) => c.name) as [string, string];
        const made: Out.If = { kind: "If", cond: { kind: "Binary", op: "!=", left: use(found), right: { kind: "Int", value: 0n, loc }, loc }, then: option(some, [use(word)]), else: option(none, []), loc };
        return { kind: "Block", stmts: [{ kind: "Let", decl: "let", name: word, type: "Int", init: received, loc }, { kind: "ExprStmt", expr: made, loc }], loc };
      },
    });
    return lower(program, undefined);
  },
});

// Lchannels: Lshrunk with channels made of the runtime's primitives
// (lower-channels), before data is laid out. A new channel is the primitive
// `channel(cap, info)`, qn_channel's arguments: info is 4, plus 256 when the
// values it carries are references. A receive is `recv(ch) found f.3`: its
// value is the word received, an Int (a reference received is owned, and is
// moved at once into the Some built round it, so it is never counted apart),
// 0 when none came; it binds f.3, an Int, to 1 when a value came and 0 once the
// channel is closed and drained: qn_recv's two results. `ch.recv()` is so
//
//   { let w.2: Int = recv(ch.1) found f.3
//     if (f.3 != 0) { Option[Int]::Some(w.2) } else { Option[Int]::None } }
import { extendIL, terminal } from "../il/define.js";
import { Lshrunk } from "./lshrunk.js";
import { primitives } from "./ltyped.js";
import { taskPrimitives } from "./ltasks.js";

export const Lchannels = extendIL(Lshrunk, {
  name: "Lchannels",
  purpose: "channels as the runtime makes them: channel(cap, info), and recv(ch) found f giving the word received and whether one came",
  terminals: { prim: terminal.oneOf("prim", [...primitives, ...taskPrimitives, "channel"].filter((p) => p !== "assert")) },
  remove: ["Channel", "Recv"],
  add: {
    Expr: {
      /** The word received from the channel (an Int; 0 when none came); binds `found`, an Int, to 1 when a
       * value came and 0 once the channel is closed and drained. May block. */
      Receive: "recv(<chan:Expr>) found <found:name>",
    },
  },
});

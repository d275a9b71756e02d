// parse: source text -> Lsrc
//
// Reads Quastra source into an Lsrc program (lexer: front-end/lexer.ts, grammar and
// recursive descent: front-end/parser.ts), or throws one CompileError listing every
// syntax error found. Every node carries `loc`, its position in the source. The
// prelude's items that the program may use follow its own, in a `module prelude`
// item (front-end/prelude.ts), when the driver hands the prelude in. For
// `qnano test`, main is the entry that runs the test standard input names
// (front-end/test-entry.ts).
//
// Before (text):                     After (Lsrc, printed):
//   fn main() {                        fn main() {
//       let x = 1 + 2 * -3               let x = (1 + (2 * -3))
//       print(x)                         print(x)
//   }                                  }

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { CompileError, diagnosticSink } from "../front-end/diagnostics.js";
import { pass, type PassContext } from "../il/pass.js";
import { parseSource } from "../front-end/parser.js";
import { withPrelude } from "../front-end/prelude.js";
import { withTestEntry } from "../front-end/test-entry.js";

export const parse = pass({
  name: "parse",
  from: "text",
  to: LsrcIL,
  purpose: "read the source text into an Lsrc program, reporting every syntax error; add the prelude's items it may use",
  run(source: string, context: PassContext): Lsrc.Program {
    const sink = diagnosticSink(context.file);
    const words = new Set<string>();
    const parsed = parseSource(source, sink, context.prelude ? words : undefined);
    if (sink.diagnostics.length > 0) throw new CompileError(sink.diagnostics);
    const program = context.tests ? withTestEntry(parsed, context.tests) : parsed;
    return context.prelude ? withPrelude(program, words, context.prelude) : program;
  },
});

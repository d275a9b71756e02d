// Lmodules: a program as its files are written, before module resolution. The
// program's own file's items come first; each file it imports (`use a.b`),
// directly or through another module, follows as one Imported item holding
// that file's items, under the module's full path (from the program's folder,
// or `core.` for the compiler's own modules) and its file name. A file reached
// by two paths is one Imported item. The prelude, core/prelude.qs, is the last
// Imported item: every module imports it implicitly (front-end/prelude.ts). Items may be `pub`, a file may start with
// `module name` and hold `use` items.
//
// Names are as written, but a name of another module: `shapes.Point` in a type,
// a record literal or a pattern is written `shapes/Point` (the module as the
// importing file names it, by its last segment). `shapes.area(x)` and
// `shapes.LIMIT` stay a method call and a field of the variable `shapes`:
// only resolve-modules knows that `shapes` names a module there.
import { extendIL } from "../il/define.js";
import { Lsrc } from "./lsrc.js";

export const Lmodules = extendIL(Lsrc, {
  name: "Lmodules",
  purpose: "the program's files as written: `module`, `use` and `pub`, and each imported file's items under its module's path",
  add: {
    Item: {
      /** `module shapes`: the file's own name, when written (the first line). */
      ModuleHeader: "module <name:name>",
      /** `use util.text` (the module `text`), or `use util.text.{pad, Style}` (names brought in);
       * `file`: the module's file (front-end/modules.ts), the parse pass says which. */
      Use: "use <path:name*.><.{|names:Import*, |}> in <file:string>",
      /** An item other modules may use. */
      Pub: "pub <item:Item>",
      /** An imported file: its module's full path, its file, and its items. */
      Imported: "module <path:name*.> from <file:string> {<items:Item*\n>}",
    },
    /** A name brought in by `use a.b.{...}`. */
    Import: { Import: "<name:name>" },
  },
});

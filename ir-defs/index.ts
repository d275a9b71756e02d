// Every IL of the compiler, in pipeline order. Types, spec pages and the
// `qnano grammar` command are generated from this list.
import type { IL } from "../il/define.js";
import { aarch64ILs } from "./aarch64/index.js";
import { Lassign } from "./lassign.js";
import { Lalloc } from "./lalloc.js";
import { Lcaptures } from "./lcaptures.js";
import { Lcfg } from "./lcfg.js";
import { Lclosed } from "./lclosed.js";
import { Ltail } from "./ltail.js";
import { Lfun } from "./lfun.js";
import { Lfunlive } from "./lfunlive.js";
import { Lborrowed } from "./lborrowed.js";
import { Lchecked } from "./lchecked.js";
import { Ldata } from "./ldata.js";
import { Llayout } from "./llayout.js";
import { Llifted } from "./llifted.js";
import { Lmon } from "./lmon.js";
import { Lreturn } from "./lreturn.js";
import { Lnoconst } from "./lnoconst.js";
import { Lresolved } from "./lresolved.js";
import { Lguarded } from "./lguarded.js";
import { Lreleased } from "./lreleased.js";
import { Lnotry } from "./lnotry.js";
import { Lnousing } from "./lnousing.js";
import { Lnomatch } from "./lnomatch.js";
import { Lrc } from "./lrc.js";
import { Lshrunk } from "./lshrunk.js";
import { Lchannels } from "./lchannels.js";
import { Lsrc } from "./lsrc.js";
import { Lmodules } from "./lmodules.js";
import { Ltyped } from "./ltyped.js";
import { Luniq } from "./luniq.js";
import { Lmono } from "./lmono.js";
import { Lvalues } from "./lvalues.js";
import { Lwhile } from "./lwhile.js";
import { Ltasks } from "./ltasks.js";
import { x86_64ILs } from "./x86_64/index.js";

export const commonILs: readonly IL[] = [Lmodules, Lsrc, Ltyped, Luniq, Lmono, Lnoconst, Lresolved, Lnotry, Lnomatch, Lnousing, Lassign, Lvalues, Lwhile, Ltasks, Lcaptures, Llifted, Lclosed, Lshrunk, Lchannels, Ldata, Llayout, Lchecked, Lmon, Lreturn, Lcfg, Ltail, Lfun, Lfunlive, Lborrowed, Lrc, Lguarded, Lreleased, Lalloc];
export const allILs: readonly IL[] = [...commonILs, ...x86_64ILs, ...aarch64ILs];

export function findIL(name: string): IL | undefined {
  return allILs.find((l) => l.name.toLowerCase() === name.toLowerCase());
}

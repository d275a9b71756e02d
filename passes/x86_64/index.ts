// The x86_64 back end, in order: from Lcfg to assembly text.
import { Lx86slots } from "../../ir-defs/x86_64/lx86slots.js";
import { Lx86var } from "../../ir-defs/x86_64/lx86var.js";
import type { Pass } from "../../src/pass.js";
import { assignHomes as assignHomesFor } from "../assign-homes.js";
import { addPreludeAndConclusion } from "./add-prelude-and-conclusion.js";
import { emitAsm } from "./emit-asm.js";
import { patchInstructions } from "./patch-instructions.js";
import { selectInstructions } from "./select-instructions.js";

/** assign-homes, the shared pass, between this target's two ILs. */
export const assignHomes = assignHomesFor(Lx86var, Lx86slots);

export const x86_64Passes: readonly Pass[] = [selectInstructions, assignHomes, patchInstructions, addPreludeAndConclusion, emitAsm];

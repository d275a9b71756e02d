// The aarch64 back end, in order: from Lcfg to assembly text.
import { La64slots } from "../../ir-defs/aarch64/la64slots.js";
import { La64var } from "../../ir-defs/aarch64/la64var.js";
import type { Pass } from "../../src/pass.js";
import { assignHomes as assignHomesFor } from "../assign-homes.js";
import { addPreludeAndConclusion } from "./add-prelude-and-conclusion.js";
import { emitAsm } from "./emit-asm.js";
import { patchInstructions } from "./patch-instructions.js";
import { selectInstructions } from "./select-instructions.js";

/** assign-homes, the shared pass, between this target's two ILs. */
export const assignHomes = assignHomesFor(La64var, La64slots);

export const aarch64Passes: readonly Pass[] = [selectInstructions, assignHomes, patchInstructions, addPreludeAndConclusion, emitAsm];

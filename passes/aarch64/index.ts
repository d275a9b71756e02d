// The aarch64 back end, in order: from Lalloc to assembly text.
import { machine } from "../../ir-defs/aarch64/machine.js";
import { La64 } from "../../ir-defs/aarch64/la64.js";
import { La64coloured, La64costs, La64graph, La64homes, La64live } from "../../ir-defs/aarch64/la64homes.js";
import { La64var } from "../../ir-defs/aarch64/la64var.js";
import type { Pass } from "../../il/pass.js";
import { allocateRegisters } from "../allocate-registers.js";
import { assignHomes } from "../assign-homes.js";
import { buildInterference } from "../build-interference.js";
import { chooseSpillCandidates } from "../choose-spill-candidates.js";
import { removeJumps } from "../remove-jumps.js";
import { uncoverLive } from "../uncover-live.js";
import { addPreludeAndConclusion } from "./add-prelude-and-conclusion.js";
import { emitAsm } from "./emit-asm.js";
import { lowerCalls } from "./lower-calls.js";
import { lowerDivision } from "./lower-division.js";
import { lowerMemory } from "./lower-memory.js";
import { patchInstructions } from "./patch-instructions.js";
import { selectInstructions } from "./select-instructions.js";

export const aarch64Passes: readonly Pass[] = [
  selectInstructions,
  lowerDivision,
  lowerMemory,
  lowerCalls,
  uncoverLive(La64var, La64live, machine), // the five shared passes of register allocation,
  buildInterference(La64live, La64graph, machine), // between this target's ILs
  chooseSpillCandidates(La64graph, La64costs, machine),
  allocateRegisters(La64costs, La64coloured, machine),
  assignHomes(La64coloured, La64homes),
  patchInstructions,
  addPreludeAndConclusion,
  removeJumps(La64, machine),
  emitAsm,
];

// The x86_64 back end, in order: from Lcfg to assembly text.
import type { Pass } from "../../src/pass.js";

export const x86_64Passes: readonly Pass[] = [];

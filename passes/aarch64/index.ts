// The aarch64 back end, in order: from Lcfg to assembly text.
import type { Pass } from "../../src/pass.js";

export const aarch64Passes: readonly Pass[] = [];

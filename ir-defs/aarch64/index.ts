// The aarch64 ILs, in pipeline order.
import type { IL } from "../../src/il/define.js";
import { La64 } from "./la64.js";
import { La64patched } from "./la64patched.js";
import { La64slots } from "./la64slots.js";
import { La64var } from "./la64var.js";

export const aarch64ILs: readonly IL[] = [La64var, La64slots, La64patched, La64];

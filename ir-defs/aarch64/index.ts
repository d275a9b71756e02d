// The aarch64 ILs, in pipeline order.
import type { IL } from "../../il/define.js";
import { La64 } from "./la64.js";
import { La64patched } from "./la64patched.js";
import { La64coloured, La64costs, La64graph, La64homes, La64live } from "./la64homes.js";
import { La64calls, La64memory, La64select } from "./la64calls.js";
import { La64var } from "./la64var.js";

export const aarch64ILs: readonly IL[] = [La64select, La64memory, La64calls, La64var, La64live, La64graph, La64costs, La64coloured, La64homes, La64patched, La64];

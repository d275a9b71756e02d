// The x86_64 ILs, in pipeline order.
import type { IL } from "../../src/il/define.js";

export const x86_64ILs: readonly IL[] = [];

// The aarch64 ILs, in pipeline order.
import type { IL } from "../../src/il/define.js";

export const aarch64ILs: readonly IL[] = [];

// The x86_64 ILs, in pipeline order.
import type { IL } from "../../src/il/define.js";
import { Lx86 } from "./lx86.js";
import { Lx86patched } from "./lx86patched.js";
import { Lx86slots } from "./lx86slots.js";
import { Lx86var } from "./lx86var.js";

export const x86_64ILs: readonly IL[] = [Lx86var, Lx86slots, Lx86patched, Lx86];

// The x86_64 ILs, in pipeline order.
import type { IL } from "../../il/define.js";
import { Lx86 } from "./lx86.js";
import { Lx86patched } from "./lx86patched.js";
import { Lx86coloured, Lx86costs, Lx86graph, Lx86homes, Lx86live } from "./lx86homes.js";
import { Lx86calls, Lx86select } from "./lx86calls.js";
import { Lx86var } from "./lx86var.js";

export const x86_64ILs: readonly IL[] = [Lx86select, Lx86calls, Lx86var, Lx86live, Lx86graph, Lx86costs, Lx86coloured, Lx86homes, Lx86patched, Lx86];

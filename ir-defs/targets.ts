// The machines qnano compiles for. The pipeline splits per target at
// instruction selection; each target's ILs, registers and calling convention
// live in ir-defs/<target>/.

export type Target = "x86_64" | "aarch64";

export const targets: readonly Target[] = ["x86_64", "aarch64"];

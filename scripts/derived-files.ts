// Every file that is derived from the IL definitions, the pipeline and the
// standard library's sources (core/*.qs: scripts/core-docs.ts), and the direct
// form of the interpreters (interp/generated/: scripts/direct-form.ts), and checked in. `npm run gen` writes them; a test of tests/il.test.ts fails when
// one is stale, so the checked-in copies always say what the code says.

import { allILs } from "../ir-defs/index.js";
import { passesOf } from "../passes/pipeline.js";
import { pipelineTable } from "../driver/pipeline-table.js";
import { specPage, typesModule } from "../il/generate.js";
import { coreDocPages } from "./core-docs.js";
import { directFormFiles } from "./direct-form.js";

export function derivedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const passes = passesOf();
  for (const il of allILs) {
    files.set(`ir-defs/generated/${il.name}.ts`, typesModule(il));
    const producedBy = passes.filter((p) => p.to === il).map((p) => p.name);
    const readBy = passes.filter((p) => p.from === il).map((p) => p.name);
    files.set(`spec/ils/${il.name}.md`, specPage(il, [...new Set(producedBy)], [...new Set(readBy)]));
  }
  files.set("spec/pipeline.md", pipelineTable("markdown"));
  for (const [path, page] of coreDocPages()) files.set(path, page);
  for (const [path, text] of directFormFiles()) files.set(path, text);
  return files;
}

// The explorer's screen in Ink: one text, the rows that rows.ts makes of the state.

import { Box, Text } from "ink";
import { screenRows } from "./rows.js";
import type { State } from "./state.js";

export function Screen({ s }: { s: State }) {
  return (
    <Box width={s.columns}>
      <Text wrap="truncate">{screenRows(s).join("\n")}</Text>
    </Box>
  );
}

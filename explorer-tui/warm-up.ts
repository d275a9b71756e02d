// Ink's drawing code (measuring and cutting coloured text into the screen's
// cells) runs several times slower the first few times it runs, before V8 has
// compiled it: a key pressed as the explorer opened took up to 60 ms to draw,
// against about 10 ms a few frames later. So before the explorer takes keys it
// draws a few frames of its first state, moved about by keys as a student
// would, to a stream that discards them (cli/explore.ts, while the worker
// compiles), a frame at a time, so that keys pressed meanwhile (read by
// early-keys.ts) are not held up. The bench (`npm run bench -- explore`) times it and the keys after it.

import { Writable } from "node:stream";
import { render } from "ink";
import { createElement } from "react";
import { reduce } from "./reducer.js";
import { Screen } from "./screen.js";
import type { State } from "./state.js";

/** The keys the warm-up presses, in a loop: moves and views, none that quits or reads a file. */
const warmingKeys = ["j", "pagedown", "d", "j", "a", "G", "p", "?", "escape", "w", "w", "g"];

/** Draws `frames` frames from `s` (keys moving it about) where nobody sees them, one a turn of the event loop (a key pressed meanwhile is read between two). */
export async function warmUp(s: State, frames = 16): Promise<void> {
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const stdout = Object.assign(discard, { columns: s.columns, rows: s.rows });
  const app = render(createElement(Screen, { s }), { stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false });
  let state = s;
  for (let k = 1; k < frames; k++) {
    await new Promise((turn) => setImmediate(turn));
    state = reduce(state, { kind: "key", key: warmingKeys[k % warmingKeys.length]! });
    app.rerender(createElement(Screen, { s: state }));
  }
  app.unmount();
  app.cleanup();
}

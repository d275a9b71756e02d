// `qnano explore FILE`: the full-screen explorer (explorer-tui/). The command
// has already compiled FILE (bad input got its diagnostics there); this builds
// the explorer's trace once, switches to the terminal's alternate screen, runs
// the Ink application, and always switches back: on `q`, Ctrl-C, SIGTERM or a
// crash. Without a terminal it says so and points at `qnano trace`.

import { existsSync } from "node:fs";
import { readRegularFile } from "../driver/files.js";
import type { render as inkRender } from "ink";
import { startMeaning, type MeaningListener } from "../explorer-tui/meaning.js";
import { initialState } from "../explorer-tui/state.js";
import { buildTrace, type Trace } from "../explorer-tui/trace.js";
import { compile, type Step } from "../driver/driver.js";
import type { Target } from "../ir-defs/targets.js";
import { printError } from "./output.js";
import { complaint } from "./usage.js";

const enterAlternateScreen = "\x1b[?1049h";
const leaveAlternateScreen = "\x1b[?1049l";

/** FILE.in beside FILE, the input its interpreters read, when there is one. */
function stdinFor(file: string): string {
  const input = file.replace(/\.qs$/, "") + ".in";
  return existsSync(input) ? readRegularFile(input).toString("utf8") : "";
}

export async function explore(file: string, source: string, target: Target, steps: readonly Step[]): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    printError(complaint(`explore needs a terminal (stdin and stdout); to print every pass instead, use \`qnano trace ${file}\``));
    return 1;
  }
  const stdin = stdinFor(file);
  // The interpreters of every IL run in a worker once the screen is up: a
  // program that loops a lot takes seconds at the machine level.
  const first = buildTrace(file, source, target, steps, stdin, "later");
  const load = (other: Target): Trace => buildTrace(file, source, other, compile(source, file, { target: other, check: true }), stdin, "later");
  const meaning = (trace: Trace, listener: MeaningListener) => startMeaning(trace, source, listener);

  // React's development build is several times slower per frame: load the
  // production one (React reads NODE_ENV once, when it is first imported).
  process.env.NODE_ENV ??= "production";
  const [{ createElement }, { render }, { App }] = await Promise.all([import("react"), import("ink"), import("../explorer-tui/app.js")]);

  let app: ReturnType<typeof inkRender> | null = null;
  let restored = false;
  // Ink draws its last frame when it is unmounted: that must happen on the
  // alternate screen, before leaving it.
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      app?.unmount();
    } catch {
      // a crashed app may not unmount; the screen is restored all the same
    }
    process.stdout.write(leaveAlternateScreen);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  };
  const onCrash = (e: unknown) => {
    restore();
    console.error(`qnano: internal error in explore: ${(e as Error).message}`);
    if (process.env.QNANO_DEBUG) console.error((e as Error).stack);
    process.exit(3);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  process.on("exit", restore);

  process.stdout.write(enterAlternateScreen);
  try {
    app = render(createElement(App, { initial: initialState(first, process.stdout.columns, process.stdout.rows), load, startMeaning: meaning }), { exitOnCtrlC: false, patchConsole: true });
    await app.waitUntilExit();
  } finally {
    restore();
  }
  return 0;
}

// `qnano explore FILE`: the full-screen explorer (explorer-tui/). It switches
// to the terminal's alternate screen and stops the terminal's echo at once
// (keys typed while it starts are the explorer's, not the shell's), opens the
// screen before any pass has run, and lets workers compile and interpret the
// program (the steps and marks fill in); it always switches back: on `q`,
// Ctrl-C (status 130), SIGTERM or a crash. It watches the file (and its
// modules' files) and compiles it again when one is saved. Without a terminal
// it says so and points at `qnano trace`.

import { existsSync, watch as watchFile } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { render as inkRender } from "ink";
import type { Target } from "../ir-defs/targets.js";
import type { OptLevel } from "../passes/pipeline.js";
import { readRegularFile } from "../driver/files.js";
import { printError } from "./output.js";
import { complaint } from "./usage.js";

const enterAlternateScreen = "\x1b[?1049h";
const leaveAlternateScreen = "\x1b[?1049l";

/** What the interpreters read: `--stdin FILE`, else FILE.in beside the program when there is one. */
export function inputFor(file: string, stdinFile: string | undefined): { stdin: string; input: string | null } {
  const input = stdinFile ?? file.replace(/\.qs$/, "") + ".in";
  if (stdinFile === undefined && !existsSync(input)) return { stdin: "", input: null };
  return { stdin: readRegularFile(input).toString("utf8"), input }; // a FileError: `cannot read IN: why`, status 1
}

export async function explore(file: string, source: string, target: Target | "both", stdinFile?: string, opt: OptLevel = 1): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    printError(complaint(`explore needs a terminal (stdin and stdout); to print every pass instead, use \`qnano trace ${file}\``));
    return 1;
  }
  const { stdin, input } = inputFor(file, stdinFile);
  // At once: the alternate screen, and no echo of keys typed meanwhile.
  process.stdout.write(enterAlternateScreen);
  process.stdin.setRawMode(true);

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
    process.stdin.setRawMode?.(false);
    process.stdout.write(leaveAlternateScreen);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
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

  // The first frame and the worker at once; Ink and React take a while to load.
  const [{ initialState }, { reduce }, { emptyTrace }, { startEarly }, { screenRows }, { earlyKeys }] = await Promise.all([
    import("../explorer-tui/state.js"),
    import("../explorer-tui/reducer.js"),
    import("../explorer-tui/trace.js"),
    import("../explorer-tui/trace-client.js"),
    import("../explorer-tui/rows.js"),
    import("../explorer-tui/early-keys.js"),
  ]);
  const first = target === "both" ? "x86_64" : target;
  const trace = emptyTrace(file, source, first, stdin, input, opt);
  const both = target === "both" ? emptyTrace(file, source, "aarch64", stdin, input, opt) : undefined;
  // Until Ink is there, the frames are drawn here, as the steps arrive.
  let state = initialState(trace, process.stdout.columns, process.stdout.rows, { both });
  const draw = () => process.stdout.write(`\x1b[H${screenRows(state).join("\n")}\x1b[H`);
  const early = startEarly(trace, (event) => {
    state = reduce(state, event);
    if (!restored) draw();
  });
  draw();
  // Keys pressed until Ink is there act on these frames (q and Ctrl-C too).
  const stopKeys = earlyKeys((key) => {
    state = reduce(state, { kind: "key", key });
    if (state.quit === null) return draw();
    restore();
    process.exit(state.quit);
  });
  // React's development build is several times slower per frame: load the
  // production one (React reads NODE_ENV once, when it is first imported).
  process.env.NODE_ENV ??= "production";
  const [{ createElement }, { render }, { App }, { warmUp }] = await Promise.all([import("react"), import("ink"), import("../explorer-tui/app.js"), import("../explorer-tui/warm-up.js")]);
  // Ink's code is slow until V8 has compiled it: a few frames drawn where nobody sees them (keys read between them) make its first keys quick.
  await warmUp(state);
  const readSource = () => readRegularFile(file).toString("utf8");
  // The input is read again with the program, and watched too: FILE.in may be written (or made) after the explorer starts.
  const inputFile = stdinFile ?? file.replace(/\.qs$/, "") + ".in";
  const readInput = () => {
    try {
      return inputFor(file, stdinFile);
    } catch {
      return undefined; // (gone for a moment while it is being replaced: the input stays as it was)
    }
  };
  // Editors save by writing the file or by renaming another over it: watch the folders of the
  // program's file and of its modules' files (those the worker read, which the app hands over).
  const watch = (files: readonly string[], changed: (source: string, module?: string) => void) => {
    let timer: NodeJS.Timeout | null = null;
    const folders = new Map<string, Set<string>>();
    for (const f of [...files, inputFile]) folders.set(dirname(f), (folders.get(dirname(f)) ?? new Set()).add(basename(f)));
    const watchers = [...folders].map(([folder, names]) =>
      watchFile(folder, (_, name) => {
        if (name === null || !names.has(name)) return;
        const saved = join(folder, name);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            changed(readSource(), resolve(saved) === resolve(file) ? undefined : saved);
          } catch {
            // gone for a moment while it is being replaced
          }
        }, 150);
      }),
    );
    return () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    };
  };
  let status = 0;
  try {
    stopKeys();
    early.hold();
    app = render(createElement(App, { initial: state, start: early.start, readSource, readInput, watch, onQuit: (s: number) => void (status = s) }), { exitOnCtrlC: false, patchConsole: true, maxFps: 60 });
    await app.waitUntilExit();
  } finally {
    restore();
  }
  return status;
}

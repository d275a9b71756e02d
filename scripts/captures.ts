// `npm run captures`: the README's frames of `qnano explore`, one per view,
// captured from a real terminal (tmux, 80x24) and written between the
// README's `<!-- captures -->` markers. Never pasted by hand: run this after a
// change to the explorer (a test fails while the README's frames are stale).
// The passes' times, which change from run to run, are masked (`··`).

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../driver/paths.js";

/** One frame of the README: what it shows, the command and keys that reach it. */
export interface Capture {
  readonly title: string;
  readonly command: string;
  readonly keys: readonly string[];
  /** The screen is ready when it shows this. */
  readonly ready: RegExp;
}

const gcd = "tests/programs/gcd.qs";

export const captures: readonly Capture[] = [
  { title: "the program after lower-division, the cursor on `let t = a % b` (j six times, then `:lower-di`): the instructions from that line are marked ┃", command: gcd, keys: ["j", "j", "j", "j", "j", "j", ":", ..."lower-di", "Enter"], ready: /┃\s+idivq/ },
  { title: "`d` on uniquify: each renamed line beside its old one (the changed words are drawn in inverse)", command: gcd, keys: [":", "u", "n", "i", "q", "Enter", "d"], ready: /diff check-types -> uniquify/ },
  { title: "`a`, the final assembly, on the same source line: emit-asm's comments name the lines", command: gcd, keys: ["j", "j", "j", "j", "j", "j", "a"], ready: /▸\s+# 8: let t = a % b/ },
  { title: "`o` after allocate-registers: what its interpreter printed beside the source's", command: gcd, keys: [":", "a", "l", "l", "o", "c", "Enter", "o"], ready: /output after allocate-registers/ },
  { title: "`b` after explicate-control: the grammar of Lcfg, + what it adds, ~ what it changes", command: gcd, keys: [":", ..."explicate-c", "Enter", "b"], ready: /grammar of Lcfg/ },
  { title: "`T` (or `--target both`) and `w` twice: the two targets side by side, without the pass list", command: `${gcd} --target both`, keys: ["w", "w", "j", "j", "j", "j", "j", "j", ":", ..."lower-di", "Enter"], ready: /┃\s+sdiv/ },
  { title: "a program that no longer compiles (after a save, or `r`): the diagnostic, over the passes before it", command: "broken.qs", keys: [":", "c", "h", "e", "c", "k", "Enter"], ready: /check-types failed:\s*$/m },
  { title: "`F` on a program of several modules: its functions under each module and its file (Enter shows one alone)", command: "tests/programs/modules_tree.qs", keys: ["F", "j", "j", "j", "j", "j", "j", "j", "j"], ready: /▸\s+area/ },
  { title: "`?`: every key, then what the marks mean (j and k scroll it)", command: gcd, keys: ["?"], ready: /keys and marks/ },
];

/** The passes' times (shown at 110 columns or more) masked, and trailing spaces dropped. */
export function masked(frame: string): string {
  return frame
    .split("\n")
    .map((line) => line.replace(/^([ ▸][✓✗·? ][• ] [a-z-]+\s+)(\d+(?:\.\d)?)(?=│)/, (_, head: string, ms: string) => head + "·".repeat(ms.length)).trimEnd())
    .join("\n");
}

/** Every capture's frame, from one tmux server at 80x24 (`broken.qs`: gcd with a type error, in a scratch folder). */
export async function captureFrames(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "qnano-captures-"));
  // A server of its own for each frame: one being killed is not one being started.
  let socket = "";
  const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  writeFileSync(join(dir, "broken.qs"), readFileSync(join(packageRoot, gcd), "utf8").replace("let t = a % b", "let t = a % b + true"));
  copyFileSync(join(packageRoot, "tests/programs/gcd.in"), join(dir, "broken.in"));
  const frames: string[] = [];
  try {
    for (const [k, c] of captures.entries()) {
      socket = `qnano-captures-${process.pid}-${k}`;
      const cwd = c.command.startsWith("tests/") ? packageRoot : dir;
      const started = tmux("new-session", "-d", "-s", "c", "-x", "80", "-y", "24", "-c", cwd, "env -i PATH=/usr/bin:/bin:/usr/local/bin HOME=/tmp TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile");
      if (started.status !== 0) throw new Error(`tmux: ${started.stderr}`);
      try {
        tmux("resize-window", "-t", "c", "-x", "80", "-y", "24");
        tmux("send-keys", "-t", "c", `${process.execPath} ${join(packageRoot, "bin", "qnano.js")} explore ${c.command}`, "Enter");
        const screen = () => tmux("capture-pane", "-p", "-t", "c").stdout;
        const until = async (ok: (t: string) => boolean, what: string) => {
          const end = Date.now() + 120_000;
          while (!ok(screen())) {
            if (Date.now() > end) throw new Error(`captures: timed out waiting for ${what}:\n${screen()}`);
            await sleep(100);
          }
        };
        // Every pass and every mark first, so that the frame is the same each time.
        await until((t) => /every pass agrees with the source|failed[ :]/.test(t) && !/running/.test(t), "the marks");
        for (const key of c.keys) {
          tmux("send-keys", "-t", "c", key);
          await sleep(80);
        }
        await until((t) => c.ready.test(t), c.title);
        await sleep(300);
        frames.push(masked(screen().replace(/\n+$/, "")));
        tmux("send-keys", "-t", "c", "q");
      } finally {
        tmux("kill-server");
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return frames;
}

const start = "<!-- captures: generated by `npm run captures` (scripts/captures.ts); do not edit -->";
const end = "<!-- end of captures -->";

/** The README's text with these frames between the markers. */
export function withCaptures(readme: string, frames: readonly string[]): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no captures section (${start} ... ${end})`);
  const body = captures.map((c, k) => [`${c.title}, in \`qnano explore ${c.command}\`:`, "", "```text", frames[k], "```", ""].join("\n")).join("\n");
  return readme.slice(0, from) + start + "\n\n" + body + "\n" + readme.slice(to);
}

/** The frames in the README now, in order. */
export function framesIn(readme: string): string[] {
  const section = readme.slice(readme.indexOf(start), readme.indexOf(end));
  return [...section.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

if (process.argv[1]?.endsWith("captures.js")) {
  const readmePath = join(packageRoot, "README.md");
  const frames = await captureFrames();
  writeFileSync(readmePath, withCaptures(readFileSync(readmePath, "utf8"), frames));
  console.log(`README.md: ${frames.length} frames of qnano explore at 80x24`);
}

// `qnano`: the command-line driver. Each command is a small function; the help
// texts are here so that `--help` answers without loading the compiler.

import { parseArgs, type ParseArgsConfig } from "node:util";
import { complaint, Reported, UsageError } from "./usage.js";
import { printError, printLine } from "./output.js";
import { FileError } from "../driver/files.js";
import { ToolchainError } from "../driver/toolchain.js";

/** Each command: its usage line, summary and options, and the one argument it takes, if any. */
const commands: Record<string, { usage: string; summary: string; options: string; takes: "FILE" | "FILE..." | "IL" | null }> = {
  build: {
    usage: "qnano build FILE [-o OUT] [--target x86_64|aarch64] [--emit asm] [--check] [--opt 0|1]",
    summary: "compile FILE to a static executable (or to assembly with --emit asm)",
    options: `  -o, --output OUT   where to write (default: the file's name without .qs, or NAME.s with --emit asm, in the current folder; with --emit asm, - for stdout)
  --target T         x86_64 or aarch64 (default: this machine's)
  --emit asm         write the assembly text instead of an executable
  --check            validate every pass's output against its IL
  --opt N            0: no optimisation (the pipeline without its [opt] passes); 1: optimised (the default)`,
    takes: "FILE",
  },
  run: {
    usage: "qnano run FILE [--target x86_64|aarch64] [--check] [--opt 0|1]",
    summary: "build FILE and run it; stdin, stdout and the exit status pass through",
    options: `  --target T         x86_64 or aarch64 (aarch64 runs under qemu-aarch64 on x86-64)
  --check            validate every pass's output against its IL
  --opt N            0: no optimisation; 1: optimised (the default)`,
    takes: "FILE",
  },
  test: {
    usage: "qnano test FILE... [--all] [--filter TEXT] [--target x86_64|aarch64]",
    summary: "run every fn test_NAME() of the files, each in a process of its own: ok NAME or FAIL NAME: why",
    options: `  --all              also the tests of every module the files use, directly or not
                     (not the shipped core.* modules: their tests are qnano's own)
  --filter TEXT      only the tests whose names contain TEXT
  --target T         x86_64 or aarch64 (aarch64 runs under qemu-aarch64 on x86-64)`,
    takes: "FILE...",
  },
  trace: {
    usage: "qnano trace FILE [--pass NAME] [--fn NAME] [--json] [--target x86_64|aarch64] [--opt 0|1]",
    summary: "print every intermediate program of FILE, pass by pass",
    options: `  --pass NAME        only the program after this pass
  --fn NAME          only the function NAME of each program
  --json             JSON instead of the printed form (integers as strings)
  --target T         which back end to follow (default: this machine's)
  --opt N            0: no optimisation; 1: optimised, each optimisation a step (the default)`,
    takes: "FILE",
  },
  explore: {
    usage: "qnano explore FILE [--target x86_64|aarch64|both] [--stdin IN] [--opt 0|1]",
    summary: "step through every intermediate program of FILE in a full-screen terminal view",
    options: `  --target T         the back end shown first (\`t\` toggles; default: this machine's);
                     both: the two side by side
  --stdin IN         what the interpreters read as input (default: FILE.in when there is one)
  --opt N            0: no optimisation; 1: optimised, each optimisation a step (the default)
  keys: n/N next/previous pass, d diff, o output, b grammar, a assembly, / search, ? all keys, q quit`,
    takes: "FILE",
  },
  passes: {
    usage: "qnano passes",
    summary: "the pipeline: every pass with its lines (its file and the helpers only it uses), contract (Lin -> Lout) and purpose",
    options: "",
    takes: null,
  },
  grammar: {
    usage: "qnano grammar [IL]",
    summary: "an IL's grammar in BNF and what it changes against its parent; without IL, the list of ILs",
    options: "",
    takes: "IL",
  },
  props: {
    usage: "qnano props [--runs N] [--seed S] [--pass NAME] [--target T] [--time 10m] [--path P] [--unions] [--until NAME] [--opt 0|1] [--verbose]",
    summary: "check every pass on generated programs (property-based); a failure is shrunk and saved",
    options: `  --runs N           how many generated programs (default: 1000; with --time: no limit)
  --seed S           the first seed (default: from the clock; printed)
  --pass NAME        check only this pass (the binaries too when NAME is emit-asm)
  --target T         only this back end (default: both); none: only the shared front end
  --time D           run for this long: 90s, 10m, 1h
  --path P           replay one failure: the seed and path it printed
  --unions           generate unions, match, generics, Option/Result and try too
  --until NAME       check only the shared front end's passes up to NAME (no back end, no binaries)
  --opt N            0: the pipeline without its optimisations; 1: with them, each checked (the default)
  --verbose          list the operand pairs not covered`,
    takes: null,
  },
  fuzz: {
    usage: "qnano fuzz [--time D] [--inputs N] [--seed S] [--target T] [--out DIR] [--budget D]",
    summary: "mutated programs through the whole compiler; each bad outcome minimised and saved",
    options: `  --time D           run for this long: 90s, 10m, 1h (default: 1m, or no limit with --inputs)
  --inputs N         stop after N inputs
  --seed S           the seed (default: from the clock; printed): the same seed, the same inputs
  --target T         only this back end (default: both); none: only the shared front end, no binaries
  --out DIR          where minimised findings are saved (default: tests/regressions); none: not saved
  --budget D         the wall time one pass or interpreter may take on one input before it is a hang (default: 10s); none`,
    takes: null,
  },
  bisect: {
    usage: "qnano bisect FILE [--target x86_64|aarch64]",
    summary: "find the first pass whose output is invalid or means something else (stdin: FILE.in)",
    options: `  --target T         only this back end (default: both)`,
    takes: "FILE",
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    "qnano: a nanopass compiler for Quastra, built to be read one pass at a time",
    "",
    "usage: qnano <command> [options]",
    "",
    "commands:",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "`qnano <command> --help` tells a command's options.",
  ].join("\n");
}

function commandHelp(name: string): string {
  const c = commands[name]!;
  return [`${c.summary}`, "", `usage: ${c.usage}`, ...(c.options ? ["", "options:", c.options] : [])].join("\n");
}


const optionSpec = {
  output: { type: "string", short: "o" },
  target: { type: "string" },
  emit: { type: "string" },
  check: { type: "boolean" },
  pass: { type: "string" },
  fn: { type: "string" },
  json: { type: "boolean" },
  runs: { type: "string" },
  seed: { type: "string" },
  time: { type: "string" },
  path: { type: "string" },
  stdin: { type: "string" },
  inputs: { type: "string" },
  out: { type: "string" },
  budget: { type: "string" },
  verbose: { type: "boolean" },
  unions: { type: "boolean" },
  until: { type: "string" },
  filter: { type: "string" },
  all: { type: "boolean" },
  opt: { type: "string" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsConfig["options"];

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    printLine(mainHelp());
    return command === undefined ? 2 : 0;
  }
  if (command === "--version") {
    printLine("qnano 0.1.0");
    return 0;
  }
  if (!(command in commands)) throw new UsageError(`unknown command \`${command}\` (try \`qnano --help\`)`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: optionSpec, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own words name the fix for another case ("place it at the end of the command after '--'"): say what is wrong, and where the options are.
    const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1];
    const unknown = (e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
    throw new UsageError(unknown && option ? `unknown option \`${option}\` (\`qnano ${command} --help\` lists its options)` : (e as Error).message);
  }
  if (parsed.values.help) {
    printLine(commandHelp(command));
    return 0;
  }
  const { takes, usage, options } = commands[command]!;
  // An option of another command (`run -o x`): said, not ignored.
  const foreign = Object.keys(parsed.values).find((name) => name !== "help" && !options.includes(`--${name}`) && !usage.includes(`--${name}`));
  if (foreign !== undefined) throw new UsageError(`\`--${foreign}\` is not an option of \`qnano ${command}\` (\`qnano ${command} --help\` lists its options)`);
  const extra = takes === "FILE..." ? undefined : parsed.positionals[takes === null ? 0 : 1];
  if (extra !== undefined) {
    throw new UsageError(`unexpected argument \`${extra}\`: \`qnano ${command}\` takes ${takes === null ? "no arguments" : `one ${takes}`}\nusage: ${usage}`);
  }
  // The explorer's keys are its own from now on: typed while it starts, they are not echoed by the terminal.
  if (command === "explore" && process.stdin.isTTY && process.stdout.isTTY) {
    process.stdin.setRawMode(true);
    process.on("exit", () => process.stdin.setRawMode(false));
  }
  const { runCommand } = await import("./commands.js");
  return runCommand(command, parsed.positionals, parsed.values, commands[command]!.usage);
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    if (e instanceof Reported) {
      process.exitCode = e.status;
    } else if (e instanceof FileError || e instanceof ToolchainError) {
      printError(complaint(e.message));
      process.exitCode = 1;
    } else if (e instanceof UsageError) {
      printError(complaint(e.message));
      process.exitCode = e.status;
    } else {
      const err = e as Error;
      printError(complaint(`internal error: ${err.message}`));
      if (process.env.QNANO_DEBUG) printError(String(err.stack));
      else printError("(this is a bug in qnano; set QNANO_DEBUG=1 to see where)");
      process.exitCode = 3;
    }
  },
);

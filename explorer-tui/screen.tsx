// The explorer's screen: components that render a State and nothing else.
// Layout: a header line, the pass list beside the current view, the source
// line of the top visible line, and a status line (or the line being typed).

import { Box, Text } from "ink";
import { memo } from "react";
import { highlight } from "./highlight.js";
import { keyHelp, listWidth, pendingOf, printedOf, stepOf, traceOf, viewHeight, viewLines, viewWidth, visibleLines, type State } from "./state.js";
import type { Trace } from "./trace.js";

const minColumns = 50;
const minRows = 10;

const fit = (text: string, width: number) => {
  const plain = text.replace(/\t/g, "        ");
  return plain.length > width ? plain.slice(0, Math.max(0, width - 1)) + "…" : plain.padEnd(width);
};

function Header({ s }: { s: State }) {
  const trace = traceOf(s);
  const fns = s.fn !== null ? `fn ${s.fn} (f: next)` : trace.functions.length === 1 ? `fn ${trace.functions[0]}` : `${trace.functions.length} fns (f: one)`;
  const text = ` qnano explore ${trace.file} │ ${fns} │ ${s.target} │ view: ${s.view} │ ? keys, q quit`;
  return (
    <Text inverse bold>
      {fit(text, s.columns)}
    </Text>
  );
}

// Memoised on what it shows, so that scrolling the view does not redraw it.
const PassList = memo(function PassList({ trace, pass, width, height }: { trace: Trace; pass: number; width: number; height: number }) {
  const nameWidth = width - 10;
  const n = trace.steps.length;
  const first = n <= height ? 0 : Math.max(0, Math.min(pass - Math.floor(height / 2), n - height));
  const shown = trace.steps.slice(first, first + height);
  const rows = shown.map((step, k) => {
    const i = first + k;
    const selected = i === pass;
    const v = step.verdict;
    const mark = v === null ? " " : v === "pending" ? "·" : v.agrees ? "✓" : "✗";
    const ms = step.ms < 100 ? step.ms.toFixed(1) : String(Math.round(step.ms));
    return (
      <Text key={i} inverse={selected} bold={selected}>
        {selected ? "▸" : " "}
        <Text color={v === null || v === "pending" ? undefined : v.agrees ? "green" : "red"}>{mark}</Text>
        <Text color="yellow">{step.changed ? "•" : " "}</Text> {fit(step.name, nameWidth)} <Text dimColor={!selected}>{ms.padStart(5)}</Text>
      </Text>
    );
  });
  const spare = height - shown.length;
  const legend = ["", fit(" ✓ same meaning as source", width), fit(" · interpreter running", width), fit(" ✗ meaning differs", width), fit(" • changed the program", width), fit(" ms: time of the pass", width)];
  return (
    <Box flexDirection="column" width={width}>
      {rows}
      {spare >= legend.length ? legend.map((l, k) => <Text key={`legend${k}`} dimColor>{l || " "}</Text>) : null}
    </Box>
  );
});

const Separator = memo(function Separator({ height }: { height: number }) {
  return (
    <Box flexDirection="column" width={1}>
      {Array.from({ length: height }, (_, k) => (
        <Text key={k} dimColor>
          │
        </Text>
      ))}
    </Box>
  );
});

function CodeLine({ text, width, inverse }: { text: string; width: number; inverse: boolean }) {
  const shown = fit(text, width);
  if (inverse) return <Text inverse>{shown}</Text>;
  return (
    <Text>
      {highlight(shown).map((seg, k) => (
        <Text key={k} color={seg.color}>
          {seg.text}
        </Text>
      ))}
    </Text>
  );
}

function markedLine(text: string, width: number, inverse: boolean, colors: Record<string, string>) {
  return (
    <Text inverse={inverse} color={colors[text[0] ?? " "]}>
      {fit(text, width)}
    </Text>
  );
}

function title(s: State): string {
  const trace = traceOf(s);
  const step = stepOf(s);
  const total = viewLines(s).length;
  const range = total === 0 ? "empty" : `lines ${s.scroll + 1}-${Math.min(total, s.scroll + viewHeight(s))} of ${total}`;
  switch (s.view) {
    case "program":
      return `after ${step.name}: ${step.from} -> ${step.to}  ${range}`;
    case "diff":
      return `diff ${s.pass === 0 ? "source" : trace.steps[s.pass - 1]!.name} -> ${step.name}  ${range}`;
    case "grammar":
      return `grammar of ${step.to} (+ added, ~ changed)  ${range}`;
    case "asm":
      return `final assembly (${s.target})  ${range} │ source`;
  }
}

function ViewPane({ s }: { s: State }) {
  const width = viewWidth(s);
  const lines = visibleLines(s);
  let body;
  if (s.view === "asm") {
    const asmWidth = Math.floor(width * 0.55);
    const srcWidth = width - asmWidth - 1;
    const trace = traceOf(s);
    const locs = printedOf(trace, trace.steps.length - 1, s.fn).locs;
    // Beside each instruction, the source line it came from (from emit-asm's comments).
    body = lines.map((line, k) => {
      const loc = locs[s.scroll + k];
      const text = loc ? trace.sourceLines[loc.line - 1] : undefined;
      const srcLine = loc && text !== undefined ? `${String(loc.line).padStart(3)} ${text.trim()}` : "";
      return (
        <Box key={k}>
          <CodeLine text={line} width={asmWidth} inverse={s.match === s.scroll + k} />
          <Text dimColor>│</Text>
          <CodeLine text={srcLine} width={srcWidth} inverse={false} />
        </Box>
      );
    });
  } else if (s.view === "diff") {
    body = lines.map((line, k) => <Box key={k}>{markedLine(line, width, s.match === s.scroll + k, { "+": "green", "-": "red" })}</Box>);
  } else if (s.view === "grammar") {
    body = lines.map((line, k) => <Box key={k}>{markedLine(line, width, s.match === s.scroll + k, { "+": "green", "~": "yellow" })}</Box>);
  } else {
    body = lines.map((line, k) => <CodeLine key={k} text={line} width={width} inverse={s.match === s.scroll + k} />);
  }
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color="cyan">
        {fit(title(s), width)}
      </Text>
      {body}
    </Box>
  );
}

function Help({ s, height }: { s: State; height: number }) {
  const keyWidth = Math.max(...keyHelp.map(([k]) => k.length)) + 2;
  return (
    <Box flexDirection="column" width={s.columns} height={height}>
      <Text bold color="cyan">
        {fit(" keys (any key closes this help)", s.columns)}
      </Text>
      {keyHelp.slice(0, height - 1).map(([keys, what]) => (
        <Text key={keys}>
          <Text bold>{` ${keys}`.padEnd(keyWidth + 1)}</Text>
          {fit(what, Math.max(0, s.columns - keyWidth - 1))}
        </Text>
      ))}
    </Box>
  );
}

function sourceLine(s: State): string {
  if (s.view !== "program") return "";
  const step = stepOf(s);
  const locs = printedOf(traceOf(s), s.pass, s.fn).locs;
  const loc = locs[s.match ?? s.scroll];
  if (!loc) return step.to === "assembly text" ? "" : locs.some((l) => l !== null) ? " source: -" : ` source: the nodes of ${step.to} carry no source position`;
  const text = traceOf(s).sourceLines[loc.line - 1] ?? "";
  return ` source line ${loc.line}: ${text.trim()}`;
}

function statusLine(s: State): string {
  if (s.input) return `${s.input.purpose === "search" ? "/" : ": pass "}${s.input.text}▏`;
  if (s.message) return ` ${s.message}`;
  const trace = traceOf(s);
  const step = stepOf(s);
  if (trace.meaningError) return ` ${trace.meaningError}`;
  const pending = pendingOf(trace);
  const bad =
    trace.firstBad !== null
      ? `first disagreement: ${trace.steps[trace.firstBad]!.name}`
      : pending > 0
        ? `running the interpreters: ${pending} to go`
        : "every pass agrees with the source";
  if (step.verdict === null) return ` ${step.name} writes assembly text; the meaning is checked on every IL before it · ${bad}`;
  if (step.verdict === "pending") return ` ${step.to} interpreter: running... · ${bad}`;
  return ` ${step.to} interpreter: ${step.verdict.outcome} ${step.verdict.agrees ? "✓" : "✗"} · ${bad}`;
}

/** The whole screen for a state: rows lines of at most columns characters. */
export function Screen({ s }: { s: State }) {
  if (s.columns < minColumns || s.rows < minRows) {
    return <Text>{fit(`qnano explore needs ${minColumns}x${minRows}; this terminal is ${s.columns}x${s.rows} (q quits)`, s.columns)}</Text>;
  }
  const bodyHeight = viewHeight(s) + 1;
  return (
    <Box flexDirection="column" width={s.columns} height={s.rows}>
      <Header s={s} />
      {s.help ? (
        <Help s={s} height={bodyHeight} />
      ) : (
        <Box height={bodyHeight}>
          <PassList trace={traceOf(s)} pass={s.pass} width={listWidth(s) - 1} height={bodyHeight} />
          <Separator height={bodyHeight} />
          <ViewPane s={s} />
        </Box>
      )}
      <Text color="gray">{fit(sourceLine(s), s.columns)}</Text>
      <Text color={s.input ? "yellow" : s.message ? "yellow" : traceOf(s).firstBad === null ? undefined : "red"}>{fit(statusLine(s), s.columns)}</Text>
    </Box>
  );
}


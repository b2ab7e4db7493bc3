/**
 * Control characters in a text hta prints, written visibly as `\x01`, `\x1b`, `\x7f`, `\x85`: a
 * name or value the user gave (`--csv $'x\x01.csv'`) or read from a file is quoted in messages, and
 * printed raw a control character is invisible (the user cannot see what is wrong) or acts on the
 * terminal (`ESC [2K` erases the line as it is printed; others move the cursor, retitle the
 * window). Used for every error message (errors.ts `formatError`), for names a check refuses, and
 * for everything hta writes on stderr — notes, warnings, commander's usage errors (`visibleStderr`,
 * src/cli/main.ts) — and the text it writes on stdout, with the bidi formatting characters written
 * `\u202e` too there (`terminalText`).
 */

/** C0 controls but tab and line feed (a message's own layout), DEL, and the C1 controls. */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/** Every control character, tab and line feed too: for one name, which holds neither rightly. */
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f]/g;

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** `text` with its control characters (but tab and line feed) written `\xNN`. */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, hex);
}

/** One name with every control character written `\xNN`, tab and line feed included. */
export function visibleName(name: string): string {
  return name.replace(ANY_CONTROL, hex);
}

/**
 * The bidi formatting characters: the embeddings and overrides LRE, RLE, PDF, LRO, RLO
 * (U+202A–U+202E), the isolates LRI, RLI, FSI, PDI (U+2066–U+2069) and the marks LRM, RLM
 * (U+200E, U+200F) and ALM (U+061C). Invisible, and an override left open reverses everything
 * after it up to the end of its paragraph: a label ending in U+202E made a page's "0.81 lower
 * (1.47 to 0.15)" read "18.0 … 74.1 … 51.0" (docs/output-safety.md#text-on-pages).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Whatever {@link pageText} changes: a control character but tab and line feed (carriage return
 * included) or a bidi formatting character. A text without one is its own page text.
 */
const PAGE_TEXT_CHANGES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/**
 * Text for a page hta writes (index.html, README.md, a chart's SVG, PNG and spec): the bidi
 * formatting characters dropped — Arabic or Hebrew letters keep their own direction without them,
 * and no label can turn the numbers after it around — a carriage return read as a line break (raw, it
 * would move `cat README.md`'s cursor back over the line), and every other control character
 * written `\x1b` as on stderr (visibleControls: an escape sequence in a label must not act on the
 * terminal of whoever `cat`s the page). The one function under the pages' escaping
 * (text-table.ts `escapeHtml`, `escapeMarkdown`) and the charts' text (`pageTextDeep`).
 */
export function pageText(text: string): string {
  // Most text has nothing to change: one test instead of three replaces (each chart spec's
  // thousands of strings, every table cell of every page).
  if (!PAGE_TEXT_CHANGES.test(text)) return text;
  return visibleControls(text.replace(BIDI_CONTROLS, '').replace(/\r\n?/g, '\n'));
}

/**
 * `value` with {@link pageText} applied to every string in it, keys too (a chart's spec), as a
 * copy. Every chart's spec goes through it: built by plain loops, not as entries mapped to new
 * pairs, which made most of the ~20 CPU-ms the 37 bundled specs took in a fresh process.
 */
export function pageTextDeep<T>(value: T): T {
  if (typeof value === 'string') return pageText(value) as T;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    // A hole stays a hole (as `map` left it).
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = pageTextDeep(value[i] as unknown);
    return out as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const key = pageText(k);
      const v = pageTextDeep((value as Record<string, unknown>)[k]);
      // A key "__proto__" is a property like any other (as Object.fromEntries made it), not the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
    }
    return out as T;
  }
  return value;
}

/** The first control character of `text` as `\x01, U+0001`, or undefined when it has none. */
export function firstControl(text: string): string | undefined {
  const c = /[\x00-\x1f\x7f-\x9f]/.exec(text)?.[0];
  return c === undefined ? undefined : `${hex(c)}, U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text for the terminal (a message, a summary on stdout): the control characters written as
 * visibleControls writes them, and the bidi formatting characters written `\u202e` — not dropped
 * as on a page: a message quotes a value to show what is wrong with it, and an arm cell `ap`, U+202E,
 * `p` printed without its U+202E would read "app", the value it is refused for not being; raw, an
 * override a column name left open reversed the rest of the message's line
 * (docs/output-safety.md). The one function every message passes through (src/cli/main.ts, errors.ts
 * `formatError`).
 */
export function terminalText(text: string): string {
  return visibleControls(text).replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One piece of stderr as {@link terminalText} writes it — but the carriage returns a progress line
 * is drawn with (a piece that starts with `\r`: the bar, `hta report`'s status line), which are
 * kept between its escaped parts.
 */
export function visibleStderr(text: string): string {
  return text.startsWith('\r') ? text.split('\r').map(terminalText).join('\r') : terminalText(text);
}

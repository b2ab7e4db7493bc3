/**
 * Control characters in a text hta prints, written visibly as `\x01`, `\x1b`, `\x7f`, `\x85`: a
 * name or value the user gave (`--csv $'x\x01.csv'`) or read from a file is quoted in messages, and
 * printed raw a control character is invisible (the user cannot see what is wrong) or acts on the
 * terminal (`ESC [2K` erases the line as it is printed; others move the cursor, retitle the
 * window). Used for every error message (errors.ts `formatError`), for names a check refuses, and
 * for everything hta writes on stderr — notes, warnings, commander's usage errors (`visibleStderr`,
 * src/cli/main.ts).
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

/** The first control character of `text` as `\x01, U+0001`, or undefined when it has none. */
export function firstControl(text: string): string | undefined {
  const c = /[\x00-\x1f\x7f-\x9f]/.exec(text)?.[0];
  return c === undefined ? undefined : `${hex(c)}, U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * One piece of stderr with its control characters written visibly — but tab and line feed, and
 * the carriage returns a progress line is drawn with (a piece that starts with `\r`: the bar,
 * `hta report`'s status line), which are kept between its escaped parts.
 */
export function visibleStderr(text: string): string {
  return text.startsWith('\r') ? text.split('\r').map(visibleControls).join('\r') : visibleControls(text);
}

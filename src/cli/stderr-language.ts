/**
 * The prefixes of what hta prints on standard error, in the language the user chose: under
 * `--lang da` "bemærk:", "advarsel:" and "fejl:" for "note:", "warning:" and "error:"
 * (docs/cli.md "Danish output"; docs/glossary-da.md). English stays the default; the exit codes
 * do not change. Done once, where every message passes (main.ts), so that no note printed by a
 * reader, a writer or commander itself is left with an English prefix on a Danish run. A refusal's
 * own lines are worded by the error printer (errors.ts formatError), each whole in one language.
 */
import type { Lang } from '../report/i18n.js';
import type { CliIo } from './io.js';

const PREFIX: Record<'note' | 'warning' | 'error', Record<Lang, string>> = {
  note: { en: 'note', da: 'bemærk' },
  warning: { en: 'warning', da: 'advarsel' },
  error: { en: 'error', da: 'fejl' },
};

/**
 * The language the command line asks for: `--lang da` or `--lang=da` before any `--` (what
 * commander reads); English otherwise — a bad value, and two different ones ("--lang en --lang
 * da", refused as a usage error) included.
 */
export function requestedLang(argv: readonly string[]): Lang {
  const given: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') given.push(argv[i + 1] ?? '');
    else if (a.startsWith('--lang=')) given.push(a.slice('--lang='.length));
  }
  return given.length > 0 && given.every((l) => l === 'da') ? 'da' : 'en';
}

/** Each line of `text` that starts with an English prefix, with the Danish one instead. */
export function danishPrefixes(text: string): string {
  return text.replace(/^(note|warning|error): /gm, (_m, kind: keyof typeof PREFIX) => `${PREFIX[kind].da}: `);
}

/** `io` with its standard error speaking `lang`'s prefixes (the same io for English). */
export function stderrIn(io: CliIo, lang: Lang): CliIo {
  if (lang === 'en') return io;
  return { ...io, stderr: (text) => io.stderr(danishPrefixes(text)) };
}

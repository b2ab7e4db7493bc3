/**
 * A plan-wide numeric missing-value code (`"missingCodes": [99]`) that is a value of a column of
 * numbers: the column holds other values on both sides of it (weights 49–115 around a 99 kg).
 * `plan init` drafts such a code from one column (SPSS's user-missing 99 of the NRS columns), and
 * plan-wide it applies to every column the tool reads, so each patient weighing exactly 99 kg
 * became "missing": they left the ANCOVA and Table 1's mean with no word, and validate said
 * "valid". Below or above every other value a code is a sentinel (999 among ages, −9 among
 * weights) and stays a code; inside them it is a value there, and which reading is meant the
 * export cannot say, so the plan must: refused, with the per-column codes to write, as a lone
 * letter that is a category is (letter-code-levels.ts; docs/plan-trial.md#value-codes).
 * Not refused when the column's own `columnCodes` list the code (the user said so).
 */
import type { Problem } from '../errors.js';
import { parseNumber } from '../io/parse-number.js';
import type { Plan } from '../plan/plan-schema.js';
import { scalesOff } from '../plan/scale-missing-codes.js';
import type { ColumnCoder, CodedCell } from './value-codes.js';

interface Hit {
  /** The code as the plan writes it, and the first cell it read as missing, as written. */
  code: string;
  text: string;
  value: number;
  /** Lines holding it (a wide line's cell is read once per visit: counted once). */
  cells: number;
  line: number;
  lastLine: number;
}

interface Seen {
  hits: Map<number, Hit>;
  /** The smallest and largest of the column's other numbers (after the plan's codes). */
  lo: number;
  hi: number;
}

export class NumberCodeValues {
  readonly #active: boolean;
  readonly #seen = new Map<number, Seen>();

  /** `columns`: the columns read (covariates, subgroup, population and auxiliary columns, Table 1's, resource use), by index into what `see` is given. */
  constructor(private readonly plan: Pick<Plan, 'missingCodes' | 'outcomes' | 'instruments'>, private readonly columns: readonly string[]) {
    this.#active = plan.missingCodes.some((c) => typeof c === 'number' || parseNumber(c.trim(), false) !== undefined || parseNumber(c.trim(), true) !== undefined);
  }

  /** Whether there is anything to check: a plan-wide code that reads as a number. */
  get active(): boolean {
    return this.#active;
  }

  /** Column `i`'s cell `text` (not empty) on `line`, as its `coder` read it (`coded`). */
  see(i: number, line: number, text: string, coded: CodedCell | undefined, coder: ColumnCoder | undefined, decimalComma: boolean): void {
    if (coded?.kind === 'missing') {
      const wide = coder?.planWideMissing(text);
      if (wide === undefined) return;
      const value = parseNumber(text, decimalComma);
      if (value === undefined) return;
      const seen = this.#of(i);
      const hit = seen.hits.get(value);
      if (!hit) seen.hits.set(value, { code: wide, text: text.trim(), value, cells: 1, line, lastLine: line });
      else if (hit.lastLine !== line) {
        hit.cells++;
        hit.lastLine = line;
      }
      return;
    }
    const value = coded?.kind === 'answer' ? coded.value : coded === undefined || coded.kind === 'text' ? parseNumber(text, decimalComma) : undefined;
    if (value === undefined) return;
    const seen = this.#of(i);
    if (value < seen.lo) seen.lo = value;
    if (value > seen.hi) seen.hi = value;
  }

  #of(i: number): Seen {
    let seen = this.#seen.get(i);
    if (!seen) this.#seen.set(i, (seen = { hits: new Map(), lo: Infinity, hi: -Infinity }));
    return seen;
  }

  /** A problem per column and code that lies inside the column's other values; `where(i)` gives the column's file index (1-based), what it is to the plan and what its patients would lose. */
  problems(file: string, where: (i: number) => { column: number; what: string; effect?: string }): Problem[] {
    const out: Problem[] = [];
    for (const [i, { hits, lo, hi }] of this.#seen) {
      const column = this.columns[i]!;
      for (const hit of hits.values()) {
        if (!(lo < hit.value && hit.value < hi)) continue;
        const { column: at, what, effect = 'would leave the analysis' } = where(i);
        const code = String(hit.value);
        const off = scalesOff(hit.value, this.plan).map((k) => JSON.stringify(k));
        const outcomes = off.length ? ` (${off.length > 1 ? `${off.slice(0, -1).join(', ')} or ${off[off.length - 1]}` : off[0]}, whose scale${off.length > 1 ? 's' : ''} it lies off)` : '';
        out.push({
          file,
          line: hit.line,
          column: at,
          field: column,
          value: hit.text,
          kind: `plan.code-value:${column}`,
          expected: `a value of ${what}, never a plan-wide missing-value code: "${column}" holds values from ${lo} to ${hi} on both sides of ${code} (${hit.cells} cell${hit.cells === 1 ? '' : 's'} hold${hit.cells === 1 ? 's' : ''} ${code}), so ${code} is a value there — the plan's "missingCodes" holds ${hit.code}, and read as missing every patient with ${code} ${effect}. Take ${code} out of the plan-wide "missingCodes" and write it where it means missing: an outcome's own "missingCodes"${outcomes}, or "columnCodes" for a column; if ${code} also means missing in "${column}", write "columnCodes": { ${JSON.stringify(column)}: { "missing": [${code}] } }`,
        });
      }
    }
    return out;
  }
}

/** What a column is to the plan, in Danish (docs/glossary-da.md); undefined for another wording. */
function whatDa(what: string): string | undefined {
  const m = /^(covariate|confounder|Table 1 characteristic|resource-use item) (".*")$/.exec(what) ?? /^column (".*") of the plan's subgroups, population or auxiliary variables$/.exec(what);
  if (!m) return undefined;
  if (m.length === 2) return `kolonnen ${m[1]} i planens subgrupper, population eller hjælpevariable`;
  const da = { covariate: 'kovariaten', confounder: 'den forstyrrende faktor', 'Table 1 characteristic': 'karakteristikken ved baseline', 'resource-use item': 'ressourceforbruget' }[m[1] as 'covariate'];
  return `${da} ${m[2]}${m[1] === 'Table 1 characteristic' ? ' (tabel 1)' : ''}`;
}

/** What a patient with the code would lose, in Danish, with the patient as its subject. */
const EFFECT_DA: Record<string, string> = {
  'would leave the analysis': 'falde ud af analysen',
  'would be counted as missing in Table 1': 'tælle som manglende i tabel 1',
  'would be missing in the cost-effectiveness analysis': 'mangle i omkostningseffektivitetsanalysen',
};

const EXPECTED = /^a value of (.*), never a plan-wide missing-value code: (".*") holds values from (\S+) to (\S+) on both sides of (\S+) \((\d+) cells? holds? \S+\), so \S+ is a value there — the plan's "missingCodes" holds (.*?), and read as missing every patient with \S+ (would .*?)\. Take \S+ out of the plan-wide "missingCodes" and write it where it means missing: an outcome's own "missingCodes"(?: \((.*), whose scales? it lies off\))?, or "columnCodes" for a column; if \S+ also means missing in (".*"), write ("columnCodes": .*)$/;

/** The refusal above in Danish (report/problem-text.ts), or undefined for another text. */
export function numberCodeExpectedDa(expected: string): string | undefined {
  const m = EXPECTED.exec(expected);
  if (!m) return undefined;
  const [, what, column, lo, hi, code, cells, planCode, effect, outcomes, again, columnCodes] = m;
  const whatText = whatDa(what!);
  const effectText = EFFECT_DA[effect!];
  if (whatText === undefined || effectText === undefined) return undefined;
  const off = outcomes === undefined ? '' : ` (${outcomes.replace(/ or (?=")/, ' eller ')}, hvis skala${outcomes.includes('", "') || outcomes.includes('" or "') ? 'er' : ''} den ligger uden for)`;
  return `en værdi af ${whatText}, aldrig planens fælles kode for manglende værdi: ${column} har værdier fra ${lo} til ${hi} på begge sider af ${code} (${cells} ${cells === '1' ? 'celle' : 'celler'} har ${code}), så ${code} er en værdi dér — planens "missingCodes" har ${planCode}, og læst som manglende ville hver patient med ${code} ${effectText}. Fjern ${code} fra planens fælles "missingCodes", og skriv den, hvor den betyder "mangler": i et effektmåls egne "missingCodes"${off} eller i "columnCodes" for en kolonne; betyder ${code} også "mangler" i ${again}, så skriv ${columnCodes}`;
}

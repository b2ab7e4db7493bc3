/**
 * What a plan-wide numeric missing-value code did to the outcomes whose scale holds it, for
 * `hta validate` (and analyze) to say: `"missingCodes": [9]`, written for EQ-5D's user-missing
 * 9,000, made 23 RMDQ and 43 NRS answers missing, and validate called the file valid. The note
 * names the cells changed and the columns where the code is off the scale, for "columnCodes"
 * (plan/scale-missing-codes.ts; docs/plan-trial.md#codes-order-and-scope).
 */
import { codeNumber, scalesHolding, scalesText } from '../plan/scale-missing-codes.js';
import type { TrialData } from './trial-data.js';

export function scaleCodeNotes(trial: Pick<TrialData, 'file' | 'plan' | 'sources' | 'recoded' | 'decimalComma'>, lang: 'en' | 'da' = 'en'): string[] {
  const notes: string[] = [];
  const plan = trial.plan;
  // Codes read as the reader matched them, with the file's decimal mark (plan/scale-missing-codes.ts).
  const dc = trial.decimalComma;
  for (const code of plan.missingCodes ?? []) {
    const value = codeNumber(code, dc);
    if (value === undefined) continue;
    const hits = scalesHolding(value, plan, dc);
    if (!hits.length) continue;
    // Cells the code made missing, per column; a column's own or its outcome's code is no plan-wide one.
    const own = (column: string) => (plan.columnCodes[column]?.missing ?? []).some((c) => codeNumber(c, dc) === value);
    const byColumn = new Map<string, number>();
    for (const r of trial.recoded) {
      if (r.to !== null || r.notApplicable || codeNumber(r.code, dc) !== value || own(r.column)) continue;
      byColumn.set(r.column, (byColumn.get(r.column) ?? 0) + r.count);
    }
    const counted = hits.flatMap((h) => {
      const source = trial.sources.find((s) => s.key === h.key);
      const outcome = plan.outcomes.find((o) => o.key === h.key);
      if (!source || (outcome?.missingCodes ?? []).some((c) => codeNumber(c, dc) === value)) return [];
      const n = source.columns.reduce((a, c) => a + (byColumn.get(c) ?? 0), 0);
      return n ? [{ hit: h, n }] : [];
    });
    if (!counted.length) continue;
    const onScale = new Set(counted.flatMap(({ hit }) => trial.sources.find((s) => s.key === hit.key)!.columns));
    const elsewhere = [...byColumn.keys()].filter((c) => !onScale.has(c));
    const cells = counted.map(({ hit, n }, i) => `${n} ${i === 0 ? `cell${n === 1 ? '' : 's'} ` : ''}of ${scalesText([hit])}`).join(counted.length > 2 ? ', ' : ' and ');
    const columnCodes = elsewhere.length
      ? `write it for ${elsewhere.length > 1 ? 'those' : 'that'} column${elsewhere.length > 1 ? 's' : ''} only: "columnCodes": { ${elsewhere.map((c) => `${JSON.stringify(c)}: { "missing": [${value}] }`).join(', ')} }`
      : `write it for those columns only: "columnCodes": { "<column>": { "missing": [${value}] } }`;
    if (lang === 'da') {
      // docs/glossary-da.md: "effektmål"; the plan's keys stay as written.
      const cellsDa = counted.map(({ hit, n }, i) => `${n} ${i === 0 ? `celle${n === 1 ? '' : 'r'} ` : ''}for effektmål "${hit.key}" (${hit.lo}–${hit.hi})`).join(counted.length > 2 ? ', ' : ' og ');
      const columnCodesDa = elsewhere.length
        ? `skriv den kun for ${elsewhere.length > 1 ? 'de kolonner' : 'den kolonne'}: "columnCodes": { ${elsewhere.map((c) => `${JSON.stringify(c)}: { "missing": [${value}] }`).join(', ')} }`
        : `skriv den kun for de kolonner: "columnCodes": { "<kolonne>": { "missing": [${value}] } }`;
      notes.push(`${trial.file}: planens fælles kode for manglende værdi ${JSON.stringify(code)} gjorde ${cellsDa} til manglende, hvor ${value} er et gyldigt svar — hvis ${value} kun betyder "mangler" i nogle kolonner${elsewhere.length ? ` (her ${elsewhere.map((c) => JSON.stringify(c)).join(', ')})` : ''}, så ${columnCodesDa}, og fjern ${value} fra "missingCodes" (docs/plan-trial.md#codes-order-and-scope)`);
      continue;
    }
    notes.push(`${trial.file}: the plan-wide missing-value code ${JSON.stringify(code)} made ${cells} missing, where ${value} is a valid answer — if ${value} means "missing" only in some columns${elsewhere.length ? ` (here ${elsewhere.map((c) => JSON.stringify(c)).join(', ')})` : ''}, ${columnCodes}, and take ${value} out of "missingCodes" (docs/plan-trial.md#codes-order-and-scope)`);
  }
  return notes;
}

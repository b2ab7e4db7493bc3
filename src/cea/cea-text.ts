/** The plain-text summary `hta cea` prints without --json (the numbers are in the JSON). */
import type { Lang } from '../report/i18n.js';
import type { CeaResult } from './cea-results-schema.js';
import { icerText, money, pctText, signedMoney } from './cea-phrases.js';

export function ceaSummaryText(r: CeaResult, lang: Lang): string {
  const cur = r.currency;
  const en = lang === 'en';
  const ci = (lo: number, hi: number, f: (x: number) => string) => `(95% CI ${f(lo)} ${en ? 'to' : 'til'} ${f(hi)})`;
  const m = (x: number) => money(x, cur, lang);
  const q = (x: number) => x.toFixed(4);
  const lines = [
    en
      ? `Cost-effectiveness, ${r.perspective} perspective, ${cur} ${r.priceYear} prices: ${r.patients.intervention} intervention and ${r.patients.control} control patients.`
      : `Omkostningseffektivitet, ${r.perspective === 'healthcare' ? 'sundhedssektorperspektiv' : 'begrænset samfundsperspektiv'}, ${cur} i ${r.priceYear}-priser: ${r.patients.intervention} patienter i interventionsgruppen og ${r.patients.control} i kontrolgruppen.`,
    `${en ? 'Incremental cost' : 'Meromkostning'}: ${signedMoney(r.incrementalCost.estimate, cur, lang)} ${ci(r.incrementalCost.ciLower, r.incrementalCost.ciUpper, m)}`,
    `${en ? 'Incremental QALYs' : 'Vundne QALY'}: ${q(r.incrementalQaly.estimate)} ${ci(r.incrementalQaly.ciLower, r.incrementalQaly.ciUpper, q)}`,
    `ICER: ${icerText(r.icer, cur, lang)}`,
    `${en ? 'CE plane' : 'CE-planen'}: NE ${pctText(r.quadrants.NE, lang)}, NW ${pctText(r.quadrants.NW, lang)}, SE ${pctText(r.quadrants.SE, lang)}, SW ${pctText(r.quadrants.SW, lang)}`,
  ];
  for (const t of r.thresholds) {
    lines.push(
      en
        ? `At ${m(t.threshold)} per QALY: NMB ${m(t.nmb.estimate)} ${ci(t.nmb.ciLower, t.nmb.ciUpper, m)}, probability cost-effective ${pctText(t.probabilityCostEffective, lang)}`
        : `Ved ${m(t.threshold)} pr. QALY: nettogevinst ${m(t.nmb.estimate)} ${ci(t.nmb.ciLower, t.nmb.ciUpper, m)}, sandsynlighed for omkostningseffektivitet ${pctText(t.probabilityCostEffective, lang)}`,
    );
  }
  for (const rs of r.responders) {
    lines.push(`${en ? 'Cost per extra responder' : 'Omkostning pr. ekstra responder'} (${rs.key}, ${rs.time}): ${icerText(rs.costPerExtraResponder, cur, lang, { en: 'extra responder', da: 'ekstra responder' })}`);
  }
  lines.push('', en ? 'One-way sensitivity' : 'Envejsfølsomhedsanalyse');
  for (const s of r.sensitivity) lines.push(`  ${s.changed}: ${signedMoney(s.incrementalCost, cur, lang)}, ${q(s.incrementalQaly)} QALY, ${icerText(s.icer, cur, lang)}; P(CE) ${s.thresholds.map((t) => pctText(t.probabilityCostEffective, lang)).join(', ')}`);
  lines.push('', r.method.regressionText + '.', r.method.missingText + '.');
  return lines.join('\n') + '\n';
}

/**
 * What was discounted, in words (docs/plan-cea.md#discounting): the CLI summary, results.json's
 * `method.discounting.text` (English) and the report page say it the same way.
 */
import type { Lang } from '../report/i18n.js';

export interface DiscountInForce {
  /** Annual rates applied after the first year (0: none). */
  costs: number;
  qalys: number;
  beyondFirstYear: boolean;
}

function pct(rate: number, lang: Lang): string {
  const n = String(Number((rate * 100).toFixed(2)));
  return lang === 'da' ? `${n.replace('.', ',')} %` : `${n}%`;
}

/** One sentence without a final full stop. */
export function discountSentence(d: DiscountInForce, lang: Lang): string {
  const en = lang === 'en';
  if (!d.beyondFirstYear) return en ? 'Follow-up within the first year: nothing discounted' : 'Opfølgning inden for det første år: ingen diskontering';
  if (d.costs === 0 && d.qalys === 0) return en ? 'Not discounted (the plan\'s "discountRate" is 0)' : 'Ikke diskonteret (planens "discountRate" er 0)';
  if (d.costs === d.qalys) return en ? `Costs and QALYs after the first year discounted at ${pct(d.costs, lang)} a year` : `Omkostninger og QALY efter det første år er diskonteret med ${pct(d.costs, lang)} om året`;
  if (d.costs === 0 || d.qalys === 0) {
    const [on, off] = d.costs ? [en ? 'costs' : 'omkostninger', 'QALY'] : ['QALY' + (en ? 's' : ''), en ? 'costs' : 'omkostninger'];
    const r = pct(d.costs || d.qalys, lang);
    return en ? `After the first year ${on} are discounted at ${r} a year, ${off} are not` : `Efter det første år er ${on} diskonteret med ${r} om året, ${off === 'QALY' ? 'QALY' : off} ikke`;
  }
  return en
    ? `After the first year costs are discounted at ${pct(d.costs, lang)} and QALYs at ${pct(d.qalys, lang)} a year`
    : `Efter det første år er omkostninger diskonteret med ${pct(d.costs, lang)} og QALY med ${pct(d.qalys, lang)} om året`;
}

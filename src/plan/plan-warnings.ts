/**
 * What a valid plan may still lack for a committee report (`hta plan check` prints these on
 * stderr; the plan is still valid). A critical outcome without a GRADE certainty would show
 * "Certainty not rated in the plan" in the summary of findings, where the committee weighs
 * exactly those outcomes (docs/plan-trial.md#certainty); so would the harms rows of the plan's
 * adverse events without their own certainty (docs/plan-trial.md#adverse-events). A yes/no outcome without a direction is judged by a default
 * that is backwards for a desirable event (docs/plan-trial.md#yesno-outcomes). A plan-wide
 * missing-value code that is an answer on an outcome's scale (9 on NRS) drops those answers
 * (scale-missing-codes.ts).
 */
import { twoReadingCodeWarnings } from './two-reading-codes.js';
import { binaryDirectionWarning } from './binary-outcome-checks.js';
import type { Plan } from './plan-schema.js';
import { isAppAgainstUsualCare } from './app-arms.js';
import { armKey } from '../trial/arm-spellings.js';
import { scaleCodeWarnings } from './scale-missing-codes.js';
import { REPORT_TEXT } from '../report/i18n.js';
import { primaryAdvice } from './primary-advice.js';

/**
 * A randomised plan without `armLabels` whose arms are something else than an app against usual
 * care: every table, chart and sentence calls the arms by neutral names, "Intervention" and
 * "Control" (src/report/arm-names.ts), not by what they were. (Before, they said "App + usual care"
 * and "Usual care": a tester's hand-written plan for "Selfback" against "Kontrol" did.)
 */
function armLabelsWarning(plan: Pick<Plan, 'arms' | 'armLabels' | 'design'>): string[] {
  if (plan.armLabels || plan.design === 'observational') return [];
  const [i, c] = [String(plan.arms.intervention).trim(), String(plan.arms.control).trim()];
  if (isAppAgainstUsualCare(plan.arms)) return [];
  return [`no "armLabels": the reports will call the arms "Intervention" and "Control", not "${i}" and "${c}" — add "armLabels": { "intervention": { "en": "…", "da": "…" }, "control": { "en": "…", "da": "…" } } (docs/plan-trial.md#arm-names)`];
}

/**
 * Arms that differ only in case or blanks (`SelfBACK`, `selfback `): one arm written two ways, as
 * an older plan init drafted from such an export — the other arm's rows are then all refused, and
 * with --exclude-invalid the app is compared with itself (trial/arm-spellings.ts).
 */
function sameArmWarning(plan: Pick<Plan, 'arms'>): string[] {
  const [i, c] = [String(plan.arms.intervention), String(plan.arms.control)];
  if (i === c || armKey(i) !== armKey(c)) return [];
  return [`"arms": ${JSON.stringify(i)} and ${JSON.stringify(c)} differ only in case or blanks — one arm written two ways? Name the two arms the trial compared (the export's other value is the control); hta reads the spellings of an arm as one (docs/input-trial-export.md#arm-values)`];
}

export function planWarnings(plan: Pick<Plan, 'outcomes' | 'adverseEvents' | 'arms' | 'armLabels' | 'design' | 'instruments' | 'missingCodes' | 'columnCodes' | 'decimalMark' | 'primary' | 'timepoints'>, options: { exportMark?: boolean } = {}): string[] {
  // An observational plan's certainty is computed (GRADE starts it at low), and its page has no
  // summary of findings to say "not rated" (docs/observational.md step 4): nothing to add.
  const certainty = plan.outcomes
    .filter((o) => plan.design !== 'observational' && o.importance === 'critical' && o.certainty === undefined)
    // The page's own words (the catalogue's), so a user who searches the report finds them.
    .map((o) => `outcome "${o.key}" is critical but has no "certainty": the summary of findings will say "${REPORT_TEXT.notAssessed.en}" (Danish pages "${REPORT_TEXT.notAssessed.da}") — add { "level": "high" | "moderate" | "low" | "very-low", "reasons": [...] }`);
  // The harms close the summary of findings, where the committee weighs them against the benefits.
  if (plan.design !== 'observational' && plan.adverseEvents && plan.adverseEvents.certainty === undefined) {
    certainty.push(`"adverseEvents" has no "certainty": the summary of findings shows the harms without a GRADE rating ("${REPORT_TEXT.notAssessed.en}"; Danish pages "${REPORT_TEXT.notAssessed.da}") — add "certainty": { "level": "high" | "moderate" | "low" | "very-low", "reasons": [...] } to "adverseEvents"`);
  }
  // The built-in `binary` is the only yes/no instrument (a plan may not redefine it; its own are continuous).
  const direction = plan.outcomes.filter((o) => o.instrument === 'binary').flatMap((o) => binaryDirectionWarning(o) ?? []);
  // A code such as "9,000" reads 9000 or 9 by the decimal mark: said, with the plan's mark when it declares one; with
  // --export (`exportMark`) the export's mark says it, after the export is read (two-reading-codes.ts).
  const declared = plan.decimalMark !== undefined ? { mark: plan.decimalMark, by: `the plan's "decimalMark" declares` } : undefined;
  const twoWays = declared || !options.exportMark ? twoReadingCodeWarnings(plan, declared) : [];
  return [...sameArmWarning(plan), ...primaryWarning(plan), ...certainty, ...direction, ...armLabelsWarning(plan), ...scaleCodeWarnings(plan), ...twoWays];
}

/**
 * A randomised plan without "primary": the report has no sensitivity analysis of the missing
 * follow-ups and its conclusion opens with the first critical outcome. `plan init` drafts none
 * (the protocol names it, not the export), so a new user's first report lacked both unwarned.
 */
function primaryWarning(plan: Pick<Plan, 'outcomes' | 'design' | 'primary' | 'timepoints'>): string[] {
  if (plan.design === 'observational' || plan.primary !== undefined || !plan.outcomes.length) return [];
  return [primaryAdvice(plan.outcomes[0]!.key, plan.timepoints[0] ?? '3m')];
}

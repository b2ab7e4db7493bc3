/**
 * The registry page's "Rows left out of the analysis": under the plan's `"invalidRows": "exclude"`
 * the export's rows with problems are left out, and the page says how many — a count only, masked
 * as `hta analyze --json` masks it (docs/observational.md, "Small counts", rule 13:
 * `publishedExclusion`). Never their lines, columns or values, which are the patients' own: the
 * trial page's table of problems and line ranges is not for a registry publication. The analyst
 * sees them with `hta validate` or `hta analyze --excluded-out`.
 */
import { countText } from '../observational/observational-text.js';
import { type ExclusionCounts, publishedExclusion } from '../observational/published-input.js';
import type { ObservationalResult } from '../observational/observational-results-schema.js';
import { fillPhrase, type Lang, REPORT_TEXT } from './i18n.js';
import type { PageSection } from './report-page.js';

const TEXT = {
  intro: {
    en: 'The plan leaves rows with problems out ("invalidRows": "exclude"). Rows of the export left out: {rows}. There is no imputation: an excluded row is read as absent{layout}.{patients} Which rows and why are not shown here (their line numbers and values are the patients\' own); the analyst sees them with hta validate or hta analyze --excluded-out.',
    da: 'Planen udelader rækker med fejl ("invalidRows": "exclude"). Udeladte rækker i udtrækket: {rows}. Der er ingen imputation: en udeladt række læses som fraværende{layout}.{patients} Hvilke rækker og hvorfor vises ikke her (deres linjenumre og værdier er patienternes egne); analytikeren ser dem med hta validate eller hta analyze --excluded-out.',
  },
  wide: {
    en: ' — with one row per patient, its patient is in no count, table or analysis of this report',
    da: ' — med én række pr. patient indgår patienten ikke i nogen optælling, tabel eller analyse i denne rapport',
  },
  long: {
    en: ' — a patient\'s other rows still count, in the group the exposure column gives them, and an analysis that needs a value of the excluded row leaves the patient out',
    da: ' — patientens andre rækker tæller stadig med, i den gruppe, eksponeringskolonnen angiver, og en analyse, der behøver en værdi fra den udeladte række, udelader patienten',
  },
  // A long export's patients every row of whom went: in no count of the page (not the flow's "Read from the export"), so counted here.
  patients: {
    en: ' Patients every row of whom was left out (in no other count of this report): {patients}.',
    da: ' Patienter med alle rækker udeladt (i ingen anden optælling i denne rapport): {patients}.',
  },
} as const;

/**
 * The section, or none when no row was left out; `hidden` counts its counts that read "suppressed"
 * (for the page's tally). A long export's patients every row of whom was left out are in no other
 * count (the flow starts at the patients read), so the page counts them as `hta analyze --json`'s
 * `input.excluded.patients`, masked alike; in a wide export every row left out is such a patient,
 * which the layout's words say.
 */
export function registryExcludedSection(ex: ExclusionCounts | undefined, layout: 'wide' | 'long', result: ObservationalResult, lang: Lang): { section: PageSection; hidden: number } | undefined {
  if (!ex || ex.rows === 0) return undefined;
  const shown = publishedExclusion(ex, result);
  const patients = layout === 'long' ? fillPhrase(TEXT.patients[lang], { patients: countText(shown.patients, lang) }) : '';
  return {
    section: {
      id: 'excluded-rows',
      title: REPORT_TEXT.excludedTitle[lang],
      intro: [fillPhrase(TEXT.intro[lang], { rows: countText(shown.rows, lang), layout: TEXT[layout][lang], patients })],
    },
    hidden: (shown.rows !== ex.rows ? 1 : 0) + (layout === 'long' && shown.patients !== (ex.withoutRows ?? 0) ? 1 : 0),
  };
}

/**
 * The colour plan (docs/colours.md): every colour a chart may draw, with its one meaning and the
 * report kinds that may use it. One meaning per colour across all reports: the arms keep blue
 * and vermillion; regions have their own set; verdicts (benefit, harm) theirs; methods,
 * estimators, funnel limits and flags, stages and scenarios are greys told apart by shape, line
 * style, position or label; ±MCID is dashed grey lines everywhere (MCID_RULE).
 * test/report/colour-plan.test.ts holds every bundled chart to this list and to WCAG 2.1 1.4.11
 * (≥ 3:1 on white for every colour that is not a background).
 */
import { ARM_COLOURS, CATEGORY_COLOURS, ESTIMATE_COLOUR, FLAG_COLOURS, GREY_SHADES, HARM_COLOUR, METHOD_STYLE, PALETTE } from './chart-style.js';

export type ColourRole = 'arm' | 'region' | 'verdict' | 'neutral' | 'background';
export type ReportKindName = 'trial' | 'meta' | 'uptake' | 'registry' | 'cea';

export interface PlannedColour {
  hex: string;
  role: ColourRole;
  /** What it means, in words (docs/colours.md repeats this). */
  meaning: string;
  /** Report kinds that may draw it; neutral and background colours: every kind. */
  kinds: readonly ReportKindName[];
}

const ALL: readonly ReportKindName[] = ['trial', 'meta', 'uptake', 'registry', 'cea'];
const greys = (hexes: readonly string[], meaning: string): PlannedColour[] => hexes.map((hex) => ({ hex, role: 'neutral', meaning, kinds: ALL }));

/** The plan's entries, a grey listed under two neutral uses kept once (its first). */
function once(entries: readonly PlannedColour[]): PlannedColour[] {
  const seen = new Set<string>();
  return entries.filter((c) => {
    const k = normalHex(c.hex);
    if (seen.has(k) && c.role === 'neutral') return false;
    seen.add(k);
    return true;
  });
}

export const COLOUR_PLAN: readonly PlannedColour[] = once([
  { hex: ARM_COLOURS.intervention, role: 'arm', meaning: 'the intervention arm (app), or app users', kinds: ['trial', 'cea', 'registry'] },
  { hex: ARM_COLOURS.control, role: 'arm', meaning: 'the control arm (usual care), or non-users', kinds: ['trial', 'cea', 'registry'] },
  ...CATEGORY_COLOURS.map((hex, i): PlannedColour => ({ hex, role: 'region', meaning: `region ${i + 1} in the region order`, kinds: ['uptake'] })),
  { hex: PALETTE.green, role: 'verdict', meaning: 'verdict: a (possibly) clinically relevant benefit', kinds: ['trial'] },
  { hex: HARM_COLOUR, role: 'verdict', meaning: 'verdict: harm', kinds: ['trial'] },
  ...greys([PALETTE.black, '#111111', '#222222', ESTIMATE_COLOUR, '#444444', '#555555', '#666666'], 'text, axes, zero lines, estimates that belong to no arm, box outlines'),
  ...greys([...GREY_SHADES, ...METHOD_STYLE.map((m) => m.colour), FLAG_COLOURS.within, PALETTE.grey, '#888888'], 'ordered stages and scenarios, methods, funnel flags, ±MCID lines: told apart by shape, dash or label'),
  { hex: '#FFFFFF', role: 'background', meaning: 'background, empty bars', kinds: ALL },
  { hex: '#E4E4E4', role: 'background', meaning: 'grid lines', kinds: ALL },
  { hex: '#F2F2F2', role: 'background', meaning: 'row stripes of the forests', kinds: ALL },
]);

/** `#abc` → `#AABBCC`; `#aabbcc` → `#AABBCC`. */
export function normalHex(hex: string): string {
  const h = hex.replace('#', '').toUpperCase();
  return `#${h.length === 3 ? [...h].map((c) => c + c).join('') : h}`;
}

const BY_HEX = new Map(COLOUR_PLAN.map((c) => [normalHex(c.hex), c]));

/** The planned meaning of a colour, or undefined when the plan does not list it. */
export function plannedColour(hex: string): PlannedColour | undefined {
  return BY_HEX.get(normalHex(hex));
}

/**
 * English words that have no place in Danish prose: a Danish page's failure reasons must not
 * contain them ("model", "patient", "intervention", "baseline", "data" are Danish too; the
 * technical loans the Danish pages use — confounder, propensity score, AIPW, raking, separation —
 * are allowed).
 */
export const ENGLISH_WORDS = /\b(the|and|or|of|with|without|patients|too|few|fewer|than|exposed|unexposed|only|among|estimate|rows|has|have|is|are|no|not|level|share|trial|arm|target|sample|margins?|outcome|column|covariate|singular|collinear|because|so|could|cannot|needs?|left|after|trimming|value|every|same|found|computed|et al)\b/i;

/**
 * The English of a chart's accessible text as vega writes it ("Title text '…'", "group mark
 * container", "X-axis titled '…' for a linear scale with values from …", "Symbol legend"): words a
 * Danish chart's labels and role descriptions never hold.
 */
export const ENGLISH_CHART_WORDS = /\b(title|subtitle|text|mark|container|graphics|axis|titled|legend|scale|values|from)\b/i;

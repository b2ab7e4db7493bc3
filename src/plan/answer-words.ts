/**
 * Words plan init reads in a column of answers (docs/plan-trial.md "What plan init recognises in
 * real exports"): a "don't know" word (`Ikke oplyst`, `Ved ikke`, `Unknown`) is a missing-value
 * code; the label of a scale's end (`Ingen smerte`, `Værst tænkelige smerte`, as SPSS writes a
 * labelled value when saved with its value labels) is that end's answer, never missing.
 */
import { nfc } from '../io/nfc.js';

/** A cell as the word lists read it: NFC, lower case, one straight apostrophe, single spaces, no final full stop or exclamation mark. */
export function wordForm(text: string): string {
  return nfc(text).toLowerCase().replace(/[’`´]/g, "'").replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '');
}

/**
 * A word, not a number or a system's code: starts with a letter, has no digit, three letters or
 * more, and is no "don't know" (`Helt sikker`, `Udgået`; not `999`, `#N/A`, `NA`, `1O`,
 * `##USER_MISSING_95##`, `Ved ikke`). What may be a scale's labelled answer rather than a code.
 */
export function isWordLabel(text: string): boolean {
  return /^\s*\p{L}/u.test(text) && !/\d/.test(text) && (text.match(/\p{L}/gu) ?? []).length >= 3 && !isDontKnowWord(text);
}

/** "Not known" in Danish, English, Swedish/Norwegian and German, as exports write it. */
const DONT_KNOW = new Set([
  'ikke oplyst', 'uoplyst', 'ved ikke', 'ukendt', 'ikke kendt', 'oplyses ikke', 'ønsker ikke at svare',
  'unknown', 'not known', 'not stated', "don't know", 'dont know', 'do not know', 'prefer not to say', 'not reported',
  'vet ej', 'vet ikke', 'vet inte', 'ukjent', 'okänd',
  // Norwegian and Swedish: would rather not answer, not answered, no answer.
  'ønsker ikke å svare', 'vil ikke svare', 'ikke besvart', 'ubesvart', 'ikke utfylt', 'ikke oppgitt', 'ikke svart',
  'vill inte svara', 'ej svar', 'inget svar', 'ej besvarad', 'obesvarad', 'ej ifylld', 'uppgift saknas', 'prefer not to answer',
  'weiß nicht', 'weiss nicht', 'unbekannt', 'keine angabe',
  // Not answered, not filled in, not applicable: no answer either.
  'ikke udfyldt', 'ikke besvaret', 'ubesvaret', 'ikke relevant', 'mangler', 'not answered', 'no answer', 'not applicable', 'missing',
]);

/**
 * The Nordic ways of not answering, in their word-order variants: would rather not answer or say
 * (Danish `Ønsker ikke at oplyse`, Norwegian `Ønsker ikke å oppgi`, Nynorsk `Ønsker ikkje å
 * svare`, Swedish `Vill ej svara`, `Önskar ej svara`), cannot answer (`Kan ikke svare`), do not
 * know (`Veit ikkje`, `Vet inte`, `Ved det ikke`), do not remember (`Husker ikke`, `Husker det ikke`,
 * `Minns inte`, `Kan ikke huske`,
 * `Kommer inte ihåg`) and not answered (`Ikkje svart`, `Ej besvarat`). Read as words
 * of an answer they were levels or unread labels; they say the answer is missing.
 */
const NORDIC_NON_ANSWER = /^(?:(?:ønsker|ønskjer|önskar|onskar|vil|vill|kan) (?:helst )?(?:ikke|ikkje|inte|ej) (?:å |at |att )?(?:svare|svara|oppgi|oplyse|uppge|besvare|besvara)|(?:vet|veit|ved) (?:det )?(?:ikke|ikkje|inte|ej)|(?:husker|huskar|hugsar|minns|minnes|mindes) (?:det )?(?:ikke|ikkje|inte|ej)(?: det)?|kan (?:ikke|ikkje|inte|ej) (?:huske|hugse|minnas|minde[sr]?)(?: det)?|(?:kommer|husker) (?:ikke|inte|ej) (?:i hu|ihåg|ihåg det)|(?:ikke|ikkje|inte|ej) (?:besvart|besvaret|besvarad|besvarat|svart|svarat|oppgitt|oplyst|angivet|angitt|angiven|utfylt|udfyldt|ifylld|ifyllt))$/u;

/** English "do not remember": a survey's recall question answered by nobody knowing. */
const NOT_REMEMBERED = /^(?:(?:i )?(?:don't|dont|do not|can't|cant|cannot|can not) (?:remember|recall)|not remembered)$/u;

/** One way of not answering (`Ved ikke`, `Husker ikke`, `Minns inte`, `Vil ikke svare`). */
function isOneNonAnswer(w: string): boolean {
  return DONT_KNOW.has(w) || NORDIC_NON_ANSWER.test(w) || NOT_REMEMBERED.test(w);
}

/**
 * Whether a cell says the answer is not known (`Ikke oplyst`, `Ved ikke`, `Don't know`, `Weiß
 * nicht`, `Vill ej svara`, `Husker ikke`), also as one answer option joining two of them, as
 * REDCap and SurveyXact write their combined non-answer (`Ved ikke / ønsker ikke at svare`,
 * `Vet ikke/vil ikke svare`, `Vet inte eller vill inte svara`, `Ved ikke – ønsker ikke at svare`,
 * `Ved ikke, ønsker ikke at svare`): every part a way of not answering. A dash joins only with a
 * space either side (`Ved ikke - …`), never inside a word.
 */
export function isDontKnowWord(text: string): boolean {
  const w = wordForm(text);
  if (isOneNonAnswer(w)) return true;
  const parts = w.split(/\s*[/,]\s*|\s+[-–—]\s+|\s+(?:eller|or|oder|el\.)\s+/u).map((p) => p.trim().replace(/[.!]+$/, ''));
  return parts.length > 1 && parts.every((p) => p !== '' && isOneNonAnswer(p));
}

/**
 * Wording of a scale's low end: no pain, none, not at all. A bare "ikke" or "not" is no end
 * (`Ikke målt`, `Not done` say the answer is missing): only `slet ikke`, `overhovedet ikke`,
 * `ikke noget`, `not at all` (also `not confident at all`); on a confidence scale (PSEQ's
 * `Slet ikke sikker` … `Helt sikker`) also `helt usikker`, `completely unsure`.
 */
const LOW_END = /(^|[^\p{L}])(ingen|intet|ingenting|slet ikke|overhovedet ikke|aldeles ikke|ikke noget|ikke ondt|no|none|not at all|not \p{L}+ at all|nothing|keine?|kein|gar nicht|(?:helt|fuldstændig|fuldstændigt) usikker|(?:completely|totally) (?:unsure|uncertain))(?=$|[^\p{L}])/u;
/**
 * Wording of a scale's high end: the worst imaginable, the strongest possible (`Stærkest mulige
 * smerte`, SPSS's label of NRS 10), unbearable, maximal, extreme; on a
 * confidence scale completely sure (`Helt sikker`, `Fuldstændig sikker`, `Completely confident`).
 * A bare `helt` or `completely` is no end: `Helt uenig`, `Completely disagree` are a low end.
 */
const HIGH_END = /(^|[^\p{L}])(værst\p{L}*|vaerst\p{L}*|worst|max|maks|maksimal\p{L}*|maximal|maximum|uudholdelig|unbearable|extreme|ekstrem\p{L}*|schlimmst\p{L}*|värst\p{L}*|stærkest\p{L}*|staerkest\p{L}*|sterkest\p{L}*|starkast\p{L}*|strongest|(?:helt|fuldstændig|fuldstændigt|fuldt ud|aldeles|absolut) sikker|(?:completely|totally|fully|extremely|absolutely) (?:confident|sure|certain))(?=$|[^\p{L}])/u;

/** A label about health (EQ-5D's `Fuldt helbred`, EQ VAS's `Bedst tænkelige helbred`): best is its high end, worst its low. */
const HEALTH = /(^|[^\p{L}])(helbred|helse|hälsa|health|gesundheit)(?=$|[^\p{L}])/u;
const BEST_HEALTH = /(^|[^\p{L}])(bedst\p{L}*|fuldt|fuld|full|perfect|perfekt|best)(?=$|[^\p{L}])/u;
const WORST_HEALTH = /(^|[^\p{L}])(værst\p{L}*|vaerst\p{L}*|verst\p{L}*|värst\p{L}*|dårligst\p{L}*|worst)(?=$|[^\p{L}])/u;

/**
 * Which end of a scale a label names (`Ingen smerte` → low, `Værst tænkelige smerte` → high), if
 * it names one only; never a word with a digit. On a health scale (EQ VAS 0–100, the EQ-5D index)
 * higher is better: `Bedst tænkelige helbred`, `Fuldt helbred` are its high end and `Værst
 * tænkelige helbred` its low one (100 and 0 on EQ VAS), unlike pain's `Værst tænkelige smerte` (10).
 */
export function scaleEndOf(text: string): 'low' | 'high' | undefined {
  const w = wordForm(text);
  if (/\d/.test(w) || isDontKnowWord(w)) return undefined;
  if (HEALTH.test(w)) {
    const best = BEST_HEALTH.test(w);
    const worst = WORST_HEALTH.test(w);
    return best === worst ? undefined : best ? 'high' : 'low';
  }
  const low = LOW_END.test(w);
  const high = HIGH_END.test(w);
  return low === high ? undefined : low ? 'low' : 'high';
}

/**
 * The labels of a scale's ends among a column's words, with the answer each stands for: a low-end
 * label is `lo` only when no cell holds `lo` as a digit, a high-end label `hi` only when none holds
 * `hi`, and the numbers fill the inside (at least three different ones within the scale). One
 * label per end; two low-end labels (or two high) say nothing for certain, and none is read.
 */
export function scaleEndAnswers(words: readonly string[], numbers: readonly number[], lo: number, hi: number): Map<string, number> {
  const out = new Map<string, number>();
  const inside = new Set(numbers.filter((n) => n >= lo && n <= hi));
  if (inside.size < 3) return out;
  const low = words.filter((w) => scaleEndOf(w) === 'low');
  const high = words.filter((w) => scaleEndOf(w) === 'high');
  if (low.length === 1 && !inside.has(lo)) out.set(low[0]!, lo);
  if (high.length === 1 && !inside.has(hi)) out.set(high[0]!, hi);
  return out;
}

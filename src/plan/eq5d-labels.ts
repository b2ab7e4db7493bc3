/**
 * EQ-5D answers written as their labels (a survey tool's choice text: `Ingen problemer`,
 * `Lette problemer`, … `Ekstreme problemer / ude af stand til`; `No problems` … `Unable to …`)
 * are the levels 1–5 (EQ-5D-5L) or 1–3 (EQ-5D-3L) in order. Drafted as missing-value codes they
 * emptied every EQ-5D cell ("not computed" at every visit), so plan init drafts them as the
 * outcome's "answers" (docs/plan-trial.md "What plan init recognises in real exports"). The
 * Norwegian and Swedish official wordings (`Jeg har middels store problemer med å gå omkring`,
 * `Jag har måttliga smärtor eller besvär`) are read as well. Pure.
 */
import { nfc } from '../io/nfc.js';
import { isDontKnowWord } from './answer-words.js';

/** Each level's words, worst last, as whole words of the label; the first level whose words it holds wins. */
type Level = [(t: ReadonlySet<string>) => boolean, number];
const any = (...ws: string[]) => (t: ReadonlySet<string>) => ws.some((w) => t.has(w));
const all = (...ws: string[]) => (t: ReadonlySet<string>) => ws.every((w) => t.has(w));
// Level 1 is a "no" with the dimension's own noun: the official wording says "ingen problemer",
// but also "ingen smerter eller ubehag" / "no pain or discomfort" and "ikke ængstelig eller
// deprimeret" / "not anxious or depressed"; Swedish "inga problem". A bare "ikke" ("Ved ikke") is
// no level, nor Swedish "inte", which is level 5 ("Jag kan inte gå omkring"). Norwegian and
// Swedish say "neither … nor" ("Jeg har verken smerter eller ubehag", "Jag är varken orolig eller
// nedstämd"), which only level 1 does.
// A Norwegian registry writes the older "hverken"; a Swedish form "svårigheter" (difficulties)
// for "problem", and the Swedish 3L "utan svårigheter" (without difficulties) and "inte orolig".
const NOUN = /^(problem|smerte|ubehag|pain|discomfort|ængstelig|aengstelig|deprimeret|anxious|depressed|smärt|besvär|orolig|nedstämd|engstelig|deprimert|svårighet|hjälp)/;
// The Swedish 3L says level 1 of usual activities without a "no": "Jag klarar av mina
// huvudsakliga aktiviteter" (I manage my main activities); level 3 is "klarar inte av".
const manages = (t: ReadonlySet<string>) => t.has('klarar') && !t.has('inte') && !t.has('ej');
const noProblems = (t: ReadonlySet<string>) =>
  ((t.has('ingen') || t.has('inga') || t.has('no') || t.has('ikke') || t.has('not') || t.has('utan') || t.has('inte')) && [...t].some((w) => NOUN.test(w))) || t.has('verken') || t.has('hverken') || t.has('varken') || manages(t);
// "Cannot": the Danish 3L's worst self-care and usual activities ("Jeg kan ikke vaske mig eller
// klæde mig på", "Jeg kan ikke udføre mine sædvanlige aktiviteter"), as the Swedish "kan inte".
// Only with the dimension's own verb (wash, dress, do/perform, walk): "Kan ikke vurderes",
// "Patienten kan ikke svare" say the answer is missing, never the worst level.
const OWN_VERB = any('vaske', 'klæde', 'klaede', 'klæ', 'kle', 'udføre', 'udfore', 'utføre', 'utfore', 'gå', 'gjøre', 'gjere', 'vaska', 'kläda', 'utföra', 'gå');
const cannot = (t: ReadonlySet<string>) => t.has('kan') && (t.has('ikke') || t.has('ikkje')) && OWN_VERB(t);
// Words of a non-answer (answer, be assessed/answered/filled in/stated): a cell holding one
// ("Kan ikke vurderes", "Patienten kan ikke svare", "Kan inte bedömas") is never a level but
// unread, for the user to give — read as "kan ikke"/"inte" it was the worst level, a wrong index.
const NON_ANSWER_WORD = any(
  'svare', 'svara', 'svar', 'besvare', 'besvara', 'vurderes', 'vurderas', 'vurderast', 'vurdere', 'besvares', 'besvaras', 'besvarast',
  'udfyldes', 'udfylde', 'utfylles', 'fylles', 'ifyllas', 'oplyses', 'oplyse', 'oppgis', 'oppgi', 'uppges', 'uppge', 'bedømmes', 'bedömas', 'bedöma',
  'answer', 'assessed', 'assess', 'answered', 'completed', 'stated',
);
// Per dimension, Danish then English (EQ-5D-5L): problems lette/lidt … store … ude af stand til;
// pain ingen/lette/moderate/stærke/ekstreme, no/slight/moderate/severe/extreme; anxiety
// ikke/lidt/moderat/meget/ekstremt, not/slightly/moderately/severely/extremely.
// Norwegian: problems ingen/litt/middels store/store/ute av stand til; pain verken/litt/middels
// sterke/sterke/svært sterke; anxiety verken/litt/middels/svært/ekstremt. Swedish: problems
// inga/lite/måttliga/stora/kan inte; pain varken/lätta/måttliga/svåra/extrema; anxiety
// varken/lite/ganska/mycket/extremt. The first level holding a word wins, so the Norwegian
// "middels store" and "middels sterke" are 3 (not the 4 of "store", "sterke"), and "svært sterke"
// (pain's worst) is 5, read before the "svært" of anxiety's 4.
const LEVELS_5L: Level[] = [
  [noProblems, 1],
  [all('svært', 'sterke'), 5],
  [any('lette', 'let', 'lidt', 'slight', 'slightly', 'små', 'mindre', 'litt', 'lite', 'lätta'), 2],
  [any('moderate', 'moderat', 'moderately', 'middels', 'måttliga', 'måttlig', 'ganska'), 3],
  [any('store', 'stor', 'svære', 'svaere', 'stærke', 'staerke', 'stærk', 'meget', 'severe', 'severely', 'sterke', 'sterk', 'svært', 'stora', 'svåra', 'mycket'), 4],
  [(t) => any('ekstreme', 'ekstrem', 'ekstremt', 'extreme', 'extremely', 'unable', 'stand', 'extrema', 'extremt', 'inte')(t) || cannot(t), 5],
];
// The 3L: mobility "nogle problemer" / "some problems", then "bundet til sengen" / "confined to
// bed"; pain and anxiety "moderate(ly)" in the middle, "ekstreme"/"stærke"/"extreme(ly)" last.
// Danish: nogle problemer, then bundet til sengen or "kan ikke" (self-care, usual activities).
// Norwegian: litt problemer / sengeliggende, ute av stand til; pain verken/moderate/sterke;
// anxiety ikke/noe/svært. Swedish: viss(a) svårighet/problem, sängliggande, kan/klarar inte; pain
// varken/måttliga/svåra; anxiety inte/"i viss utsträckning"/"i högsta grad"; usual activities
// "klarar av" (level 1).
const LEVELS_3L: Level[] = [
  [noProblems, 1],
  [any('nogle', 'some', 'moderate', 'moderat', 'moderately', 'noe', 'litt', 'viss', 'vissa', 'måttliga', 'måttlig'), 2],
  [(t) => any('ekstreme', 'ekstrem', 'ekstremt', 'extreme', 'extremely', 'unable', 'stand', 'confined', 'bundet', 'sengen', 'svære', 'svaere', 'stærke', 'staerke', 'meget', 'severe', 'sengeliggende', 'sängliggande', 'sterke', 'sterk', 'svært', 'svåra', 'högsta', 'inte')(t) || cannot(t), 3],
];
// Words only the 3L has: its middle answers ("nogle", "some", "noe", "viss"/"vissa") and bed
// ("sengeliggende", "sängliggande", "i högsta grad"). Norwegian "moderate" is the 3L's middle
// pain (the 5L says "middels sterke"), unlike the Danish 5L's "moderate smerter".
const THREE_LEVEL = any('nogle', 'some', 'noe', 'viss', 'vissa', 'sengeliggende', 'sängliggande', 'högsta');
const NORWEGIAN = any('å', 'engstelig', 'deprimert', 'verken', 'hverken', 'gjøremål', 'sterke', 'sterk', 'litt');

function tokens(word: string): Set<string> {
  return new Set(nfc(word).toLowerCase().split(/[^\p{L}]+/u).filter((w) => w !== ''));
}

function levelOf(word: string, levels: readonly Level[]): number | undefined {
  const t = tokens(word);
  if (NON_ANSWER_WORD(t)) return undefined;
  return levels.find(([holds]) => holds(t))?.[1];
}

/**
 * The answers for EQ-5D dimension words that read as one level of one version, when at least
 * three levels are named (a lone `Ingen problemer` may be no level set), else undefined. "Don't
 * know" words (`Ikke utfylt`, `Vet ej`) are `nonAnswers`, missing; a word read as no level is
 * `unread` (a wording not listed here), for the user to give its level — never a missing code.
 */
export function eq5dLevelLabels(words: readonly string[]): { version: 'eq5d5l' | 'eq5d3l'; answers: Record<string, number>; nonAnswers: string[]; unread: string[] } | undefined {
  const all3 = [...new Set(words)];
  const nonAnswers = all3.filter((w) => isDontKnowWord(w)).sort();
  const distinct = all3.filter((w) => !isDontKnowWord(w));
  if (!distinct.length) return undefined;
  // "Nogle"/"some"/"noe"/"viss" name the 3L's middle level, "sengeliggende" its bed; the 5L has no such word.
  const norwegian = distinct.some((w) => NORWEGIAN(tokens(w)));
  const threeLevel = distinct.some((w) => THREE_LEVEL(tokens(w)) || (norwegian && any('moderate', 'moderat')(tokens(w))));
  const levels = threeLevel ? LEVELS_3L : LEVELS_5L;
  const answers: Record<string, number> = {};
  const unread: string[] = [];
  for (const w of distinct) {
    const level = levelOf(w, levels);
    if (level === undefined) unread.push(w);
    else answers[w] = level;
  }
  // Most words unread: not an EQ-5D wording this reads.
  if (unread.length > Object.keys(answers).length) return undefined;
  const seen = new Set(Object.values(answers));
  if (seen.size < 3) return undefined;
  // Read as the 5L with neither middle level (only 1, 2 and 5 seen): more likely a 3L whose
  // wording is not listed here (one whose middle answer is the 5L's "litt"/"lite"), whose worst
  // level read as 5 would be a wrong number — not read (the user writes "answers").
  if (!threeLevel && !seen.has(3) && !seen.has(4)) return undefined;
  // Listed by level, so the plan reads as the questionnaire does.
  const byLevel = Object.fromEntries(Object.entries(answers).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)));
  return { version: threeLevel ? 'eq5d3l' : 'eq5d5l', answers: byLevel, nonAnswers, unread: unread.sort() };
}

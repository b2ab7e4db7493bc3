/**
 * The warnings of `hta meta` in Danish, for a Danish meta report page and `hta meta --lang da`
 * (docs/input-studies.md, "Warnings in Danish"). Warnings are made in English (results.json keeps
 * them so); this catalogue words the known ones in the Danish of docs/glossary-da.md, numbers
 * with a decimal comma. A warning the catalogue does not know is shown as made, in English.
 */

/** A number as a Danish page writes it: decimal comma, true minus. */
const dn = (s: string): string => s.replace(/(\d)\.(\d)/g, '$1,$2').replace(/-(?=\d)/g, '\u2212');

const MODEL: Record<string, string> = { fixed: 'fast effekt', random: 'tilfældige effekter', 'single-study': 'enkelt studie' };
const FORM: Record<string, string> = {
  'arm summaries': 'armvise gennemsnit og SD',
  events: 'hændelser',
  'estimate and 95% CI': 'estimat og 95 %-KI',
  'estimate and SE': 'estimat og SE',
  'events and group sizes': 'hændelser og gruppestørrelser',
};
const UNIT: Record<string, string> = { days: 'dage', weeks: 'uger', months: 'måneder', day: 'dag', week: 'uge', month: 'måned' };
/** A follow-up label written out in Danish, for the example of an unread label (`"3 months" or "3m"`). */
const unitsDa = (s: string): string => s.replace(/"(\d+) (days?|weeks?|months?)"/, (_, n: string, u: string) => `"${n} ${UNIT[u]}"`);

/** interval-centre.ts's sentence on the shape of a measure's interval. */
const SHAPE: Record<string, string> = {
  "a mean difference's interval is symmetric": 'en gennemsnitlig forskels interval er symmetrisk',
  "a standardised mean difference's interval is symmetric": 'en standardiseret gennemsnitlig forskels interval er symmetrisk',
  "a risk ratio's interval is symmetric on the log scale": 'en relativ risikos interval er symmetrisk på log-skalaen',
  "an odds ratio's interval is symmetric on the log scale": 'en oddsratios interval er symmetrisk på log-skalaen',
  "a risk difference's Wald interval is symmetric, a Newcombe or exact one need not be": 'en risikodifferences Wald-interval er symmetrisk, et Newcombe- eller eksakt interval behøver ikke være det',
};

type Rule = [RegExp, (m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^(.+) is given whole \(line (\d+)\) and by subgroup \((.+): lines? ([\d, ]+)\); the pool across trials uses its whole-trial row, so the trial counts once; its subgroup rows are used only within their subgroups$/,
    (m) => `${m[1]} er angivet samlet (linje ${m[2]}) og pr. subgruppe (${m[3]}: linje ${m[4]}); den samlede metaanalyse bruger forsøgets samlede række, så forsøget tælles én gang; subgrupperækkerne bruges kun inden for deres subgrupper`],
  [/^(.+) is given only for one subgroup \((.+): line (\d+)\), beside whole trials \((.+)\); the pool across trials takes that subgroup's result for the whole trial: if the paper reports the whole trial, add that row, or leave this row out of the file if a subgroup does not answer the question$/,
    (m) => `${m[1]} er kun angivet for én subgruppe (${m[2]}: linje ${m[3]}) ved siden af hele forsøg (${m[4]}); den samlede metaanalyse bruger subgruppens resultat for hele forsøget: angiver artiklen hele forsøget, så tilføj den række, eller udelad rækken, hvis en subgruppe ikke besvarer spørgsmålet`],
  [/^(.+) is given only by subgroup \((.+): lines? ([\d, ]+)\); the pool across trials uses their fixed-effect \(inverse-variance\) combination, so the trial counts once(?:; if it is a secondary analysis of a trial given whole here \((.+)\), name its rows after that trial \(study = the trial's name, citation = the secondary paper\), or the trial counts twice)?$/,
    (m) => `${m[1]} er kun angivet pr. subgruppe (${m[2]}: linje ${m[3]}); den samlede metaanalyse bruger deres kombination med fast effekt (invers varians), så forsøget tælles én gang` +
      (m[4] === undefined ? '' : `; er det en sekundær analyse af et forsøg, der er angivet samlet her (${m[4]}), så navngiv rækkerne efter forsøget (study = forsøgets navn, citation = den sekundære artikel), ellers tælles forsøget dobbelt`)],
  [/^(.+) \(line (\d+), (.+?)\) and (.+) \(line (\d+), (.+?)\) give the same estimate and SE once each is converted \((.+), SE ([\d.]+) and (.+), SE ([\d.]+), equal within the rounding of the digits given\): if they are one trial, keep one row — pooled as two, it counts twice$/,
    (m) => `${m[1]} (linje ${m[2]}, ${FORM[m[3]!] ?? m[3]}) og ${m[4]} (linje ${m[5]}, ${FORM[m[6]!] ?? m[6]}) giver samme estimat og SE, når hver er omregnet (${dn(m[7]!)}, SE ${dn(m[8]!)} og ${dn(m[9]!)}, SE ${dn(m[10]!)}, ens inden for afrundingen af de angivne cifre): er de ét forsøg, så behold én række — poolet som to tælles det dobbelt`],
  [/^(.+) \(line (\d+)\) and (.+) \(line (\d+)\) give the same (.+) \(to the digits given\): if they are one trial, keep one row — pooled as two, it counts twice$/,
    (m) => `${m[1]} (linje ${m[2]}) og ${m[3]} (linje ${m[4]}) giver samme ${FORM[m[5]!] ?? m[5]} (til de angivne cifre): er de ét forsøg, så behold én række — poolet som to tælles det dobbelt`],
  [/^(.+) \(line (\d+)\), sd_(intervention|control) ([\d.]+) is below a quarter of the other studies' median SD of this outcome and time \(([\d.]+)\); if it is the standard error of the mean, the SD is SE × √n = ([\d.]+) × √(\d+) = ([\d.]+) — an SE read as an SD gives the study far too much weight$/,
    (m) => `${m[1]} (linje ${m[2]}), sd_${m[3]} ${dn(m[4]!)} er under en fjerdedel af de andre studiers median-SD for dette effektmål og tidspunkt (${dn(m[5]!)}); er det middelværdiens standardfejl, er SD = SE × √n = ${dn(m[6]!)} × √${m[7]} = ${dn(m[8]!)} — en SE læst som SD giver studiet alt for stor vægt`],
  [/^follow-ups (\S+) \((\d+) (days?|weeks?)\) and (\S+) \((\d+) (weeks?|months?)\) are pooled apart, but may be the same follow-up \((\d+) (?:days?|weeks?) ≈ (\d+) (?:weeks?|months?)\): if the papers mean one time point, write it one way in the time column$/,
    (m) => `opfølgningerne ${m[1]} (${m[2]} ${UNIT[m[3]!]}) og ${m[4]} (${m[5]} ${UNIT[m[6]!]}) pooles hver for sig, men kan være samme opfølgning (${m[7]} ${UNIT[m[3]!]} ≈ ${m[8]} ${UNIT[m[6]!]}): mener artiklerne samme tidspunkt, så skriv det ens i tidskolonnen`],
  [/^(.+) \(line (\d+)\), (.+?): (.+) \[(.+?)(?:, |; )(.+?)\] is (off the centre of its 95% CI|nearly at an end of its 95% CI, most likely a typo): (\S+) from the lower bound and (\S+) from the upper( on the log scale)? \(rounding to the digits given explains up to (\S+)\); (.+?); check the estimate and the bounds against the paper; if the paper's interval is asymmetric by construction .*$/,
    (m) => `${m[1]} (linje ${m[2]}), ${m[3]}: ${dn(m[4]!)} (${dn(m[5]!)} til ${dn(m[6]!)}) ${m[7]!.startsWith('off') ? 'ligger ikke midt i sit 95 %-KI' : 'ligger næsten ved en ende af sit 95 %-KI, sandsynligvis en tastefejl'}: ${dn(m[8]!)} fra den nedre grænse og ${dn(m[9]!)} fra den øvre${m[10] ? ' på log-skalaen' : ''} (afrunding til de angivne cifre forklarer op til ${dn(m[11]!)}); ${SHAPE[m[12]!] ?? m[12]}; kontrollér estimatet og grænserne mod artiklen; er artiklens interval asymmetrisk af konstruktion (bootstrap-, Newcombe/Wilson- eller eksakt interval), så angiv metoden i en ci_method-kolonne (bootstrap, newcombe, exact, …): rækken pooles da med SE = (øvre − nedre) / 3,92 som ethvert interval`],
  [/^follow-up "(.+)" \(line (\d+)\) is not read as a number and a unit, so it is pooled on its own beside (.+): if it is (that follow-up|one of those follow-ups), write it so in the time column \(as (".+?" or ".+?")\)(; it looks like a date Excel made of what was typed .*)?$/,
    (m) => `opfølgning "${m[1]}" (linje ${m[2]}) er ikke læst som et tal og en enhed, så den pooles for sig ved siden af ${m[3]!.replace(/ and /, ' og ')}: er det ${m[4] === 'that follow-up' ? 'den opfølgning' : 'en af de opfølgninger'}, så skriv den sådan i tidskolonnen (som ${unitsDa(m[5]!).replace(' or ', ' eller ')})${m[6] ? '; den ligner en dato, som Excel har lavet af det indtastede (3-6 eller 3/6 bliver 3. juni): formatér tidskolonnen som Tekst i regnearket, før der tastes' : ''}`],
  [/^(.+) \(line (\d+)\), (.+?): the (risk|odds) ratio's 95% CI \[(.+?), (.+?)\] reaches ((?:below|above) .+?): possible for a trial with very few events, but check the bounds against the paper \(a decimal mark lost, 1\.420 typed as 1420\)$/,
    (m) => `${m[1]} (linje ${m[2]}), ${m[3]}: ${m[4] === 'risk' ? 'den relative risikos' : 'oddsratioens'} 95 %-KI (${dn(m[5]!)} til ${dn(m[6]!)}) går ${m[7]!.replace(/(below|above) (\S+) \((ci_lower|ci_upper)\)/g, (_, w: string, v: string, b: string) => `${w === 'below' ? 'under' : 'over'} ${dn(v)} (${b})`).replace(' and ', ' og ')}: muligt i et forsøg med meget få hændelser, men kontrollér grænserne mod artiklen (et decimaltegn tabt, 1,420 skrevet som 1420)`],
  [/^(.+) \(line (\d+)\), sd_(intervention|control) ([\d.]+) is below half the other studies' median SD of this outcome and time \(([\d.]+)\), and read as a standard error it fits them better: SE × √n = ([\d.]+) × √(\d+) = ([\d.]+) — check the paper; an SE read as an SD gives the study far too much weight$/,
    (m) => `${m[1]} (linje ${m[2]}), sd_${m[3]} ${dn(m[4]!)} er under halvdelen af de andre studiers median-SD for dette effektmål og tidspunkt (${dn(m[5]!)}), og læst som standardfejl passer den bedre: SE × √n = ${dn(m[6]!)} × √${m[7]} = ${dn(m[8]!)} — kontrollér artiklen; en SE læst som SD giver studiet alt for stor vægt`],
  [/^(.+) \(line (\d+)\), sd_(intervention|control) ([\d.]+) is above (\d+) times the other studies' median SD of this outcome and time \(([\d.]+)\); if it is the variance, the SD is √([\d.]+) = ([\d.]+) — a variance read as an SD takes the study's weight away$/,
    (m) => `${m[1]} (linje ${m[2]}), sd_${m[3]} ${dn(m[4]!)} er over ${m[5]} gange de andre studiers median-SD for dette effektmål og tidspunkt (${dn(m[6]!)}); er det variansen, er SD = √${dn(m[7]!)} = ${dn(m[8]!)} — en varians læst som SD tager studiets vægt`],
  [/^(.+) \(line (\d+)\), sd_(intervention|control) ([\d.]+) is above the largest SD possible on the scale (.+), \(max − min\) \/ 2 = ([\d.]+); if it is the variance, the SD is √([\d.]+) = ([\d.]+)$/,
    (m) => `${m[1]} (linje ${m[2]}), sd_${m[3]} ${dn(m[4]!)} er over den største mulige SD på skalaen ${m[5]}, (maks − min) / 2 = ${dn(m[6]!)}; er det variansen, er SD = √${dn(m[7]!)} = ${dn(m[8]!)}`],
  [/^(.+) \(SMD\): the means of (.+) are negative and those of (.+) positive — if some are changes from baseline and others final values, an SMD cannot pool them \(their SDs differ: Cochrane Handbook v6, §10\.5\.2\): enter all one way, or pool a mean difference$/,
    (m) => `${m[1]} (SMD): gennemsnittene i ${m[2]!.replace(/\(line /g, '(linje ')} er negative og i ${m[3]!.replace(/\(line /g, '(linje ')} positive — er nogle ændringer fra baseline og andre slutværdier, kan de ikke pooles i én SMD (deres SD'er er forskellige: Cochrane Handbook v6, §10.5.2): angiv alle på samme måde, eller pool en gennemsnitlig forskel`],
  [/^(.+) \(line (\d+)\), (.+) on the scale (.+), which starts at 0: the data are skewed, or the cells hold a median and IQR \(Altman–Bland; Cochrane Handbook v6 §10\.5\.3\) — check the paper; a mean difference of skewed data is pooled with less certainty than it shows$/,
    (m) => `${m[1]} (linje ${m[2]}), ${dn(m[3]!).replace(/ and /g, ' og ')} på skalaen ${m[4]}, som starter ved 0: data er skæve, eller cellerne indeholder median og IQR (Altman–Bland; Cochrane Handbook v6 §10.5.3) — kontrollér artiklen; en gennemsnitlig forskel af skæve data pooles med mindre sikkerhed, end den viser`],
  [/^column (\d+) "(.+)" \(not read\) says "(.+)" on line (\d+) \((.+)\): if that row's numbers are a median and IQR, SEs or changes from baseline, they are not what their columns say — check the row against the paper$/,
    (m) => `kolonne ${m[1]} "${m[2]}" (ikke læst) siger "${m[3]}" i linje ${m[4]} (${m[5]}): er rækkens tal median og IQR, SE'er eller ændringer fra baseline, er de ikke, hvad kolonnerne angiver — kontrollér rækken mod artiklen`],
  [/^no study has an interval, so nothing was pooled$/, () => 'intet studie har et interval, så intet er poolet'],
  [/^only one subgroup has a poolable study; no test for subgroup differences$/, () => 'kun én subgruppe har et studie, der kan pooles; ingen test for forskel mellem subgrupper'],
  [/^Study (.+): no interval reported; shown but not pooled$/, (m) => `Studie ${m[1]}: intet interval angivet; vist, men ikke poolet`],
  [/^Study (.+): (no events in either arm|events in every participant of both arms): not estimable, left out of the model \(preset revman5, as RevMan 5; Cochrane Handbook §10\.4\.4\)$/,
    (m) => `Studie ${m[1]}: ${m[2] === 'no events in either arm' ? 'ingen hændelser i nogen af armene' : 'hændelser hos alle deltagere i begge arme'}: kan ikke estimeres, udeladt af modellen (forindstilling revman5, som RevMan 5; Cochrane Handbook §10.4.4)`],
  [/^Study (.+): no estimate reported; shown but not pooled$/, (m) => `Studie ${m[1]}: intet estimat angivet; vist, men ikke poolet`],
  [/^Mantel–Haenszel needs a 2×2 table for every study; some report only an effect, so the fixed-effect model uses inverse-variance weights$/,
    () => 'Mantel–Haenszel kræver en 2×2-tabel for hvert studie; nogle angiver kun en effekt, så modellen med fast effekt bruger invers-varians-vægte'],
  [/^direction not known from a plan or instrument; (higher-is-better|lower-is-better) assumed \(set --direction, or "direction" under "outcomes" in a report's meta entry\)$/,
    (m) => `retningen kendes ikke fra en plan eller et instrument; ${m[1] === 'higher-is-better' ? 'højere er bedre' : 'lavere er bedre'} er antaget (angiv --direction eller "direction" under "outcomes" i rapportens meta-post)`],
  [/^the plan's MCID ([\d.]+) is used; --mcid ([\d.]+) applies only to outcomes the plan does not cover$/,
    (m) => `planens MKRF ${dn(m[1]!)} er brugt; --mcid ${dn(m[2]!)} gælder kun effektmål, planen ikke dækker`],
  [/^--mcid ([\d.]+) replaces the instrument's MCID ([\d.]+) \((.+)\); leave --mcid out, or give a plan, to judge it against ([\d.]+)$/,
    (m) => `--mcid ${dn(m[1]!)} erstatter instrumentets MKRF ${dn(m[2]!)} (${m[3]}); udelad --mcid, eller angiv en plan, for at vurdere mod ${dn(m[4]!)}`],
  [/^--mcid ([\d.]+) is used for outcomes of different measures \((.+)\): one number in instrument units, SD units and as a ratio is seldom meant; set each outcome's MCID in a plan or a report's meta entry$/,
    (m) => `--mcid ${dn(m[1]!)} er brugt for effektmål med forskellige mål for effekten (${m[2]}): ét tal i instrumentets enheder, i SD-enheder og som ratio er sjældent ment; angiv hvert effektmåls MKRF i en plan eller i rapportens meta-post`],
  [/^MCID ([\d.]+) is not a ratio > 1; no relevance judgement$/, (m) => `MKRF ${dn(m[1]!)} er ikke en ratio > 1; ingen vurdering af klinisk relevans`],
  [/^MCID ([\d.]+) is not a difference of proportions below 1 \(0\.1 = 10 percentage points\); no relevance judgement$/,
    (m) => `MKRF ${dn(m[1]!)} er ikke en forskel i andele under 1 (0,1 = 10 procentpoint); ingen vurdering af klinisk relevans`],
  [/^(.+) did not converge after (\d+) iterations?; (.+) used instead$/, (m) => `${m[1]} konvergerede ikke efter ${m[2]} iterationer; ${m[3]} brugt i stedet`],
  [/^Hartung–Knapp–Sidik–Jonkman interval narrower than the DerSimonian–Laird interval: IQWiG 6's variance correction applied \(SE = √\(1\/Σw\), t on k − 1 df\)$/,
    () => 'Hartung–Knapp–Sidik–Jonkman-intervallet er smallere end DerSimonian–Laird-intervallet: IQWiG 6’s varianskorrektion er brugt (SE = √(1/Σw), t med k − 1 fg)'],
  [/^the Hartung–Knapp–Sidik–Jonkman 95% CI is narrower than the fixed-effect 95% CI \(the studies agree more closely than their SEs imply\); read the uncertainty as at least the fixed-effect CI$/,
    () => 'Hartung–Knapp–Sidik–Jonkman-95 %-KI er smallere end 95 %-KI for fast effekt (studierne stemmer bedre overens, end deres SE tilsiger); læs usikkerheden som mindst KI for fast effekt'],
  [/^the prediction interval is narrower than the fixed-effect 95% CI \(Hartung–Knapp–Sidik–Jonkman, the studies agreeing more closely than their SEs imply\); it understates how the effect may vary between settings$/,
    () => 'prædiktionsintervallet er smallere end 95 %-KI for fast effekt (Hartung–Knapp–Sidik–Jonkman; studierne stemmer bedre overens, end deres SE tilsiger); det undervurderer, hvor meget effekten kan variere mellem sammenhænge'],
  [/^([^:]+) has (no events in either arm|every patient with the event in both arms): it adds nothing to the Mantel–Haenszel estimate and is left out of that model's own Q \(df = (\d+), in the JSON's fixed-effect row\); the random-effects model and the heterogeneity shown \(Q, df = (\d+)\) include it, with ½ added to each cell$/,
    (m) => `${m[1]} har ${m[2] === 'no events in either arm' ? 'ingen hændelser i nogen af grupperne' : 'hændelsen hos alle patienter i begge grupper'}: studiet bidrager ikke til Mantel–Haenszel-estimatet og er udeladt af den models egen Q (fg = ${m[3]}, i JSON-filens række for fast effekt); modellen med tilfældige effekter og den viste heterogenitet (Q, fg = ${m[4]}) medtager det med ½ lagt til hver celle`],
  [/^Hartung–Knapp–Sidik–Jonkman scale factor is 0 \(all study estimates identical\); the z interval is shown instead$/,
    () => 'Hartung–Knapp–Sidik–Jonkman-skaleringsfaktoren er 0 (alle studiers estimater er ens); z-intervallet vises i stedet'],
];

/** `rmdq 3m (RD), subgroup women, random effect: …`: the where and model before a warning's text. */
const PREFIX = /^(.+?)(, subgroup (.+?))?(, (fixed|random|single-study) effect)?: (.*)$/s;

function body(text: string): string | null {
  for (const [re, da] of RULES) {
    const m = re.exec(text);
    if (m) return da(m);
  }
  return null;
}

export function warningDa(warning: string): string {
  const whole = body(warning);
  if (whole !== null) return whole;
  const p = PREFIX.exec(warning);
  if (p) {
    const rest = body(p[6] as string);
    if (rest !== null) return `${p[1]}${p[3] ? `, subgruppe ${p[3]}` : ''}${p[5] ? `, ${MODEL[p[5]] ?? p[5]}` : ''}: ${rest}`;
  }
  return warning;
}

export function warningsIn(warnings: readonly string[], lang: 'en' | 'da'): string[] {
  return lang === 'da' ? warnings.map(warningDa) : [...warnings];
}

/**
 * `hta meta --lang da`'s notes on how the sheet was read (study-columns.ts, read-studies.ts): the
 * columns not read, a column read under another name, a follow-up read as a time — as the Danish
 * page's "Om data" words them (study-read-notes.ts). A note the catalogue does not know is shown as
 * made, in English, whole.
 */
const NOTE_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  // A footnote under the rows, left out (io/footnote-lines.ts footnoteLinesNote).
  [/^(.+): lines? ([\d, ]+) after the last row (?:is a footnote|are footnotes) \(a line of text, such as "Kilde: …"\): left out, no row$/,
    (m) => `${m[1]}: ${m[2]!.includes(',') ? `linjerne ${m[2]} efter den sidste række er fodnoter` : `linje ${m[2]} efter den sidste række er en fodnote`} (en tekstlinje, fx "Kilde: …"): udeladt, ingen række`],
  [/^(.+): ignored columns \(not read\): ((?:\d+ "[^"]*"(?:, )?)+)$/, (m) => `${m[1]}: kolonner, der ikke er læst: ${m[2]}`],
  [/^(.+): column (\d+) ("[^"]*") read as (\S+)$/, (m) => `${m[1]}: kolonne ${m[2]} ${m[3]} er læst som ${m[4]}`],
  [/^(.+): follow-up ("[^"]*") \(line (\d+)\) read as (\S+)$/, (m) => `${m[1]}: opfølgning ${m[2]} (linje ${m[3]}) er læst som ${m[4]}`],
  // A Danish sheet's one "95% CI" column (study-columns.ts, read-studies.ts): "95 %-KI" as docs/glossary-da.md words it.
  [/^(.+): the 95% CI in column (\d+) ("[^"]*") read as ci_lower and ci_upper on (\d+) row\(s\) \(line (\d+): ("[^"]*") as (\S+) and (\S+)\)$/,
    (m) => `${m[1]}: 95 %-KI i kolonne ${m[2]} ${m[3]} er læst som ci_lower og ci_upper i ${m[4]} række(r) (linje ${m[5]}: ${m[6]} som ${m[7]} og ${m[8]})`],
  // "1,375" read as thousands in a comma file (read-studies.ts decimalMarkOf), with the evidence that decided it.
  [/^(.+): column ("[^"]*"): values with one comma and three digits after it, such as ("[^"]*"), were read as thousands \((\S+)\), as a comma-separated file writes them: (.*)\. If they are decimals written with a decimal comma \((\S+) = (\S+), as a Danish paper prints them\), write them with a decimal point$/,
    (m) => {
      const why = thousandsEvidenceDa(m[5]!);
      return why === undefined
        ? m[0]
        : `${m[1]}: kolonne ${m[2]}: værdier med ét komma og tre cifre efter det, som ${m[3]}, er læst som tusinder (${m[4]}), sådan som en kommasepareret fil skriver dem: ${why}. Er de decimaltal skrevet med decimalkomma (${m[6]} = ${m[7]}, som en dansk artikel trykker dem), så skriv dem med decimalpunktum`;
    }],
];

/** The evidence a thousands note gives (read-studies.ts studyVote), in Danish; undefined when unknown (the note then stays English whole). */
function thousandsEvidenceDa(evidence: string): string | undefined {
  const bare = /^the column writes other whole numbers without a separator ("[^"]*"), as English Excel does below 1,000$/.exec(evidence);
  if (bare) return `kolonnen skriver andre hele tal uden skilletegn (${bare[1]}), som engelsk Excel gør under 1.000`;
  const two = /^the column's ("[^"]*") has two thousands commas$/.exec(evidence);
  if (two) return `kolonnens ${two[1]} har to tusindtalskommaer`;
  const point = /^the study columns show the decimal point(?: \(("[^"]*")\))?$/.exec(evidence);
  if (point) return `studiekolonnerne viser decimalpunktum${point[1] ? ` (${point[1]})` : ''}`;
  return undefined;
}

export function studyNoteDa(note: string): string {
  for (const [re, da] of NOTE_RULES) {
    const m = re.exec(note);
    if (m) return da(m);
  }
  return note;
}

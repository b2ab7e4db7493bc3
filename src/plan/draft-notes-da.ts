/**
 * `hta plan init --lang da`: what the draft guessed and what to check, in Danish. The draft words
 * them in English (draft-plan.ts); this catalogue words the common ones in the Danish of
 * docs/glossary-da.md, as warnings-da.ts does for `hta meta`'s warnings. A line it does not know is
 * shown as made, in English — whole: a rule translates a line only when every word it keeps from it
 * is a name, a code or a number (a rule returns undefined for a part it cannot word), so no line is
 * half Danish, half English. The plan file itself keeps its documented keys ("arms", "outcomes"…),
 * quoted as written in both languages (docs/plan-trial.md, "plan init in Danish").
 */
import { consentCheck, consentGuess } from './consent-draft.js';
import { visitDateCheck } from './visit-date-check.js';
import { leavingVisitsCheck, leavingVisitsGuess, quotedVisits } from './leaving-visits.js';
import { pivotDraftWarningDa } from '../uptake/pivot-blanks-words.js';
import { pandasLayoutWhatDa } from './export-layouts-da.js';
import { utcOffsetNote } from '../uptake/registry-read-notes.js';
import { castorCodesCheck, CASTOR_CODES } from './negative-codes.js';
import { specialMissingText } from '../trial/special-missing.js';
import { numberWord } from '../report/count-words.js';

type Rule = [RegExp, (m: RegExpExecArray) => string | undefined];

/** `text` as a pattern that matches it exactly. */
const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "items rmdq_1…rmdq_24", "column "pain"", "mo = eq5d_mo, …": where an outcome was drafted from; undefined for any other wording. */
const fromDa = (s: string): string | undefined => {
  // Item columns by the first and last name only: "items X…Y with answer codes …" is another rule's (answerCodesDa).
  if (s.startsWith('items ')) return s.includes(' with ') ? undefined : `spørgsmålene ${s.slice('items '.length)}`;
  if (/^column "[^"]*"$/.test(s)) return `kolonnen ${s.slice('column '.length)}`;
  // EQ-5D's dimensions by their columns: codes only.
  return /^[\w.-]+ = /.test(s) && !/\b(?:column|items?|from|and)\b/.test(s) ? s : undefined;
};
/** `"Ja" → 1, "Nej" → 0`: answer codes and their numbers only; undefined for any other wording. */
const answerCodesDa = (s: string): string | undefined => (/^"(?:[^"\\]|\\.)*" → -?[\d.]+(?:, "(?:[^"\\]|\\.)*" → -?[\d.]+)*$/.test(s) ? s : undefined);
/** `columns PSEQ_1…PSEQ_10`, `column "smerte"` (draft-plan.ts codesFor's `where`) in Danish; undefined for any other wording. */
const whereDa = (s: string): string | undefined => {
  const m = /^(?:columns (\S+…\S+)|column ("[^"]*"))$/.exec(s);
  return m ? (m[1] !== undefined ? `kolonnerne ${m[1]}` : `kolonnen ${m[2]}`) : undefined;
};
/** `8`, `8 and 9`: numbers only, in Danish. */
const numbersDa = (s: string): string => s.replaceAll(' and ', ' og ');

/** "alder (column "Alder"), koen (column "Køn"), bmi": the covariates and the columns they were renamed from; undefined for any other wording. */
const covariatesDa = (s: string): string | undefined => {
  const parts = s.split(/, (?=[^"]*(?:"[^"]*"[^"]*)*$)/);
  const da = parts.map((part) => {
    const m = /^([^\s(),"]+)(?: \(column ("[^"]*")\))?$/.exec(part);
    return m ? `${m[1]}${m[2] !== undefined ? ` (kolonnen ${m[2]})` : ''}` : undefined;
  });
  return da.every((d) => d !== undefined) ? da.join(', ') : undefined;
};
/** `"Control group" for "Kontrol"`: the English names to write, each for the export's name; undefined for any other wording. */
const namesForDa = (s: string): string | undefined => (/^"[^"]*" for "[^"]*"(?:, "[^"]*" for "[^"]*")*$/.test(s) ? s.replaceAll('" for "', '" i stedet for "') : undefined);

/** Zero to ten in words (docs/glossary-da.md: a count up to ten in words in running text), else digits. */
const countDa = (n: number): string => ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti'][n] ?? String(n);
/** `_opf3 the follow-up number 3, _opf6 the follow-up number 6`: each suffix and its count; undefined for any other wording. */
const followUpNumbersDa = (s: string): string | undefined => {
  const parts = s.split(', ').map((p) => /^(\S+) the follow-up number (\d+)$/.exec(p));
  return parts.every((p) => p !== null) ? parts.map((p) => `${p![1]} opfølgning nummer ${p![2]}`).join(', ') : undefined;
};
/** `serious "ae_serious", related "ae_related"`: the adverse-event fields found, in Danish; undefined for any other wording. */
const AE_FIELDS: Record<string, string> = { serious: 'alvorlig', related: 'relateret', soc: 'systemorganklasse', term: 'term' };
const aeFieldsDa = (s: string): string | undefined => {
  const parts = s.split(/, (?=(?:serious|related|soc|term) ")/).map((p) => /^(serious|related|soc|term) ("[^"]*")$/.exec(p));
  return parts.every((p) => p !== null) ? `; ${parts.map((p) => `${AE_FIELDS[p![1]!]} ${p![2]}`).join(', ')}` : undefined;
};
/** A KOOS or HOOS scale as named-scales.ts names it (family, 4/5, subscale or the column), in Danish. */
const KOOS_SUBSCALES: Record<string, string> = { pain: 'smerte', symptoms: 'symptomer', ADL: 'ADL', 'sport/rec': 'sport og fritid', QOL: 'livskvalitet' };
const koosDa = (m: readonly (string | undefined)[]): string =>
  m[4] !== undefined ? `${m[2]} ${KOOS_SUBSCALES[m[4]]}` : m[5] !== undefined ? `${m[2]} (delskalaen ${m[5]})` : `${m[2]}${m[3]} (hvilken delskala, eller et gennemsnit af dem? eksporten siger det ikke)`;

/** What draft-plan.ts says a cell that is no code is (notACodeWhat), in Danish. */
const NOT_A_CODE_DA: Record<string, string> = {
  "a number behind Excel's text apostrophe": 'et tal bag Excels tekstapostrof',
  'a date Excel made of a typed number such as 3-6': 'en dato, Excel har lavet af et indtastet tal som 3-6',
};
/** `"'7" (column "RMDQ", a number behind Excel's text apostrophe), "1O" (column "RMDQ")`: the cells that are no codes; undefined for any other wording. */
const notCodesDa = (s: string): string | undefined => {
  const item = /("(?:[^"\\]|\\.)*") \(column ("[^"]*")(?:, ([^()]*))?\)(?:, |$)/gy;
  let out = '';
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = item.exec(s)) !== null) {
    const what = m[3] === undefined ? '' : NOT_A_CODE_DA[m[3]];
    if (what === undefined) return undefined;
    out += `${out ? ', ' : ''}${m[1]} (kolonnen ${m[2]}${what ? `, ${what}` : ''})`;
    at = item.lastIndex;
  }
  return at === s.length && out ? out : undefined;
};

/** arm-column.ts's ITT sentence, as the English line has it, and in Danish. */
const ARM_ITT = 'the primary analysis is intention to treat, every patient in the arm they were randomised to, whatever they received (docs/plan-trial.md "Per-protocol and ITT")';
const ARM_ITT_DA = 'den primære analyse er intention-to-treat, hver patient i den gruppe, patienten blev randomiseret til, uanset hvilken behandling patienten fik (docs/plan-trial.md "Per-protocol and ITT")';
/** What an arm-like column's name says (arm-column.ts SAYS), in Danish. */
const ARM_SAYS_DA: Record<string, string> = {
  'named for the randomisation or allocation': 'navngivet efter randomiseringen eller allokeringen',
  'named as the arm': 'navngivet som gruppen',
  'named for the treatment, which may be the treatment received': 'navngivet efter behandlingen, som kan være den modtagne behandling',
  'named for the treatment received': 'navngivet efter den modtagne behandling',
};
const ARM_SAYS_RE = Object.keys(ARM_SAYS_DA).map(escapeRe).join('|');
/** `"a" is named for …, "b" named for …` or `the first of the two, both named …` (arm-column.ts why); undefined for any other wording. */
const armWhyDa = (s: string): string | undefined => {
  const both = new RegExp(`^the first of the two, both (${ARM_SAYS_RE})$`).exec(s);
  if (both) return `den første af de to, begge ${ARM_SAYS_DA[both[1]!]}`;
  const pair = new RegExp(`^("(?:[^"\\\\]|\\\\.)*") is (${ARM_SAYS_RE}), ("(?:[^"\\\\]|\\\\.)*") (${ARM_SAYS_RE})$`).exec(s);
  return pair ? `${pair[1]} er ${ARM_SAYS_DA[pair[2]!]}, ${pair[3]} ${ARM_SAYS_DA[pair[4]!]}` : undefined;
};
/** draft-plan.ts userMissingHint (`— but 9, apart from 1 and 2, looks like SPSS's user-missing code …`) in Danish; '' for none, undefined for any other wording. */
const userMissingHintDa = (s: string): string | undefined => {
  if (s === '') return '';
  const m = /^ — but (-?\d+), apart from (-?\d+(?: and -?\d+)*), looks like SPSS's user-missing code \("unknown"\), not a (third sex|third category): if so, write ("columnCodes": \{ "(?:[^"\\]|\\.)*": \{ "missing": \[-?\d+\] \} \})(?: \(not a plan-wide "missingCodes" \1: (outcomes? ((?:"[^"]*"(?:, )?)+) answers? \1 on (?:their scales|its scale))\)|( or add it to "missingCodes"))$/.exec(s);
  if (!m) return undefined;
  const many = m[5] !== undefined && m[5].startsWith('outcomes ');
  const on = m[5] === undefined ? ' eller føj den til "missingCodes"' : ` (ikke en "missingCodes" ${m[1]} for hele planen: ${many ? `effektmålene ${m[6]} har svaret ${m[1]} på deres skalaer` : `effektmålet ${m[6]} har svaret ${m[1]} på sin skala`})`;
  return ` — men ${m[1]}, ud over ${numbersDa(m[2]!)}, ligner SPSS' kode for en brugerdefineret manglende værdi ("ukendt"), ikke ${m[3] === 'third sex' ? 'et tredje køn' : 'en tredje kategori'}: skriv i så fald ${m[4]}${on}`;
};
/** `"Bedst tænkelige helbred" (the labelled top, 100) and …`: a VAS's labelled ends (draft-plan.ts vasOutcome) in Danish; undefined for any other wording. */
const vasEndsDa = (s: string): string | undefined => {
  const parts = s.split(/ and (?=")/).map((p) => /^("(?:[^"\\]|\\.)*") \(the labelled (bottom, 0|top, 100)\)$/.exec(p));
  return parts.every((p) => p !== null) ? parts.map((p) => `${p![1]} (den mærkede ${p![2] === 'bottom, 0' ? 'bund, 0' : 'top, 100'})`).join(' og ') : undefined;
};

const RULES: Rule[] = [
  [/^(.+): not numbers, and not drafted as missing-value codes \(a typo, a failed Excel formula or a per-cent sign would hide a real answer\) — correct them in the export; `hta validate` names their lines\. Add one to "missingCodes" only if it means "unknown"$/,
    (m) => {
      const cells = notCodesDa(m[1]!);
      return cells === undefined ? undefined : `${cells}: ikke tal, og ikke i udkastet som koder for manglende værdier (en tastefejl, en fejlet Excel-formel eller et procenttegn ville skjule et rigtigt svar) — ret dem i eksporten; \`hta validate\` angiver deres linjer. Tilføj kun en af dem til "missingCodes", hvis den betyder "ukendt"`;
    }],
  [/^patient id column: (".*")$/, (m) => `kolonne med patient-id: ${m[1]}`],
  [/^long layout: visits from column ("(?:[^"\\]|\\.)*")( \(its values are visit labels\))?( \(event names without their REDCap arm\))?: (.*)$/,
    (m) => `langt format: besøg fra kolonnen ${m[1]}${m[2] ? ' (dens værdier er besøgsnavne)' : ''}${m[3] ? ' (hændelsesnavne uden deres REDCap-gruppe)' : ''}: ${m[4]}`],
  // The suffixes and the visits they are read as (`_baseline, _3mdr → 3m`): codes only.
  [/^wide layout: visits from column suffixes ([^A-Za-z]*(?:[\w"]+[^A-Za-z]*)*)$/, (m) => (/\b(?:from|and|or|column)\b/.test(m[1]!) ? undefined : `bredt format: besøg fra kolonnernes endelser ${m[1]}`)],
  [/^wide layout, visits written after "\." as SPSS's Restructure \(CASESTOVARS\) and R's reshape\(\) name them: (.*)$/, (m) => `bredt format, besøg skrevet efter "." som SPSS' Restructure (CASESTOVARS) og R's reshape() navngiver dem: ${m[1]}`],
  [/^wide layout, visit numbers written straight after the name as Stata's reshape wide writes them \((.*?)\): (.*)$/, (m) => `bredt format, besøgsnumre skrevet lige efter navnet, som Statas reshape wide skriver dem (${m[1]}): ${m[2]}`],
  [/^(arm|REDCap arm)(s?) not compared \("otherArms"\): (".*")$/, (m) => `${m[1] === 'arm' ? 'gruppe' : 'REDCap-gruppe'}${m[2] ? 'r' : ''}, der ikke indgår i denne sammenligning ("otherArms"): ${m[3]}`],
  [/^SAS special missing values? ((?:\.[A-Z](?:, )?)+) written without (?:its dot|their dots) \(((?:"[A-Z]"(?:, )?)+), (\d+) cells? of (column "[^"]*"|columns \S+…\S+), as PROC EXPORT writes (?:it|them)\): drafted as (?:outcome ("[^"]*")'s own "missingCodes"|("columnCodes": .*)), not plan-wide — a lone letter is a value in other columns \(site "A", sex "M"\)$/,
    (m) => {
      const many = m[1]!.includes(',');
      const cells = Number(m[3]);
      const where = m[5] !== undefined ? `effektmålets egne "missingCodes" (effektmål ${m[5]})` : m[6]!;
      const cols = m[4]!.startsWith('column ') ? `kolonnen ${m[4]!.slice('column '.length)}` : `kolonnerne ${m[4]!.slice('columns '.length)}`;
      return `${many ? 'særlige manglende værdier' : 'særlig manglende værdi'} ${m[1]} fra SAS skrevet uden punktum (${m[2]}, ${cells} ${cells === 1 ? 'celle' : 'celler'} i ${cols}, som PROC EXPORT skriver ${many ? 'dem' : 'den'}): i udkastet som ${where}, ikke for hele planen — et enkelt bogstav er en værdi i andre kolonner (center "A", køn "M")`;
    }],
  // A number code that is a value of another column, drafted where it is a code (number-code-places.ts).
  [/^missing-value code (-?[\d.]+): (?:drafted as (.*), not plan-wide|not drafted) — column ("[^"]*") holds values from (\S+) to (\S+), on both sides of \S+, so plan-wide it would read those values as missing$/,
    (m) => {
      const places = m[2] === undefined ? [] : m[2].split(' and ').map((p) => {
        const outcome = /^outcome ("[^"]*")'s own "missingCodes"$/.exec(p);
        return outcome ? `effektmålets egne "missingCodes" (effektmål ${outcome[1]})` : /^"columnCodes": \{.*\}$/.test(p) ? p : undefined;
      });
      if (places.some((p) => p === undefined)) return undefined;
      return `kode for manglende værdi ${m[1]}: ${places.length ? `i udkastet som ${places.join(' og ')}, ikke for hele planen` : 'ikke i udkastet'} — kolonnen ${m[3]} har værdier fra ${m[4]} til ${m[5]} på begge sider af ${m[1]}, så for hele planen ville den læse de værdier som manglende`;
    }],
  [/^missing-value codes: check that none of them is a real answer$/, () => 'koder for manglende værdier: tjek, at ingen af dem er et rigtigt svar'],
  // SAS/Stata special missing values and Castor's codes (trial/special-missing.ts describe), in the page's words.
  [/^missing by definition: (.*), read as missing in every column \(no "missingCodes" needed\)$/,
    (m) => {
      const parts = m[1]!.split(/ and (?=\d+ cells? written as )/).map((part) => {
        const p = /^(\d+) cells? written as (a SAS\/Stata special missing value|SAS\/Stata special missing values|a Castor EDC user-missing code|Castor EDC user-missing codes) \(([^()]*)\)$/.exec(part);
        if (!p) return undefined;
        return specialMissingText({ kind: p[2]!.includes('SAS') ? 'sas-stata' : 'castor', cells: Number(p[1]), codes: p[3]!.split(', ') }, 'da');
      });
      return parts.every((p) => p !== undefined) ? `manglende pr. definition: ${parts.join(' og ')}, læst som manglende i alle kolonner (ingen "missingCodes" nødvendig)` : undefined;
    }],
  // Text codes quoted, numbers as they are ("NA", -95, 999).
  [/^missing-value codes: ((?:(?:"[^"]*"|-?\d+(?:\.\d+)?)(?:, )?)+)$/, (m) => `koder for manglende værdier: ${m[1]}`],
  // Castor EDC's codes drafted as missing (negative-codes.ts castorCodesCheck), each column's where in Danish.
  [new RegExp(`^Castor EDC's numeric user-missing codes drafted as missing-value codes, not values: (.*) — ${escapeRe(castorCodesCheck([]).replace(/^.* — /, ''))}$`),
    (m) => {
      const drafted = m[1]!.split(/; (?=columns? )/).map((part) => {
        const p = /^(column "[^"]*"|columns \S+…\S+) (-\d+ \([^()]*\)(?:, -\d+ \([^()]*\))*)$/.exec(part);
        const where = p ? whereDa(p[1]!) : undefined;
        return where === undefined ? undefined : { where, codes: p![2]!.split(', ').map((c) => Number(c.split(' ')[0])) };
      });
      return drafted.every((d) => d !== undefined && d.codes.every((c) => CASTOR_CODES.has(c))) ? castorCodesCheck(drafted as { where: string; codes: number[] }[], 'da') : undefined;
    }],
  [/^arm column (".*?"): (".*?") = intervention, (".*?") = control$/, (m) => `gruppekolonne ${m[1]}: ${m[2]} = interventionsgruppe, ${m[3]} = kontrolgruppe`],
  [/^arm names for the reports \("armLabels"\): intervention (".*?") \(from (".*?")\), control (".*?") \(from (".*?")\)$/, (m) => `gruppernes navne i rapporterne ("armLabels"): interventionsgruppe ${m[1]} (fra ${m[2]}), kontrolgruppe ${m[3]} (fra ${m[4]})`],
  [/^not drafted: outcome (".*?") \(([\w.-]+)\) from (.*), which needs an MCID$/, (m) => ((from) => from && `ikke i udkastet: effektmål ${m[1]} (${m[2]}) fra ${from}, som kræver en MCID`)(fromDa(m[3]!))],
  [/^outcome (".*?") \(([\w.-]+)\) from items (\S+…\S+) with answer codes (.*)$/, (m) => ((codes) => codes && `effektmål ${m[1]} (${m[2]}) fra spørgsmålene ${m[3]} med svarkoderne ${codes}`)(answerCodesDa(m[4]!))],
  [/^outcome (".*?") \(([\w.-]+)\) from (.*)$/, (m) => ((from) => from && `effektmål ${m[1]} (${m[2]}) fra ${from}`)(fromDa(m[3]!))],
  [/^covariates: keep only those the trial protocol pre-specified for adjustment$/, () => 'kovariater: behold kun dem, forsøgets protokol på forhånd har angivet til justering'],
  [/^covariates: (.*)$/, (m) => ((list) => list && `kovariater: ${list}`)(covariatesDa(m[1]!))],
  // The columns not used, by their names only (a line that says more about one stays English: "column 1, which has no name: …", a REDCap checkbox field).
  [/^not used: ([^:"]*)$/, (m) => (/\b(?:column|which|field|and)\b/.test(m[1]!) ? undefined : `ikke brugt: ${m[1]}`)],
  // A survey's response id, not taken as the patient's (response-ids.ts).
  [/^not the id: (".*?"), a different value on every row while (".*?") has several visits: each row would count as a patient$/, (m) => `ikke patient-id: ${m[1]}, en ny værdi i hver række, mens ${m[2]} har flere besøg: hver række ville tælle som en patient`],
  [/^not the id: (".*?"), a survey's id of each response, not of the patient$/, (m) => `ikke patient-id: ${m[1]}, et spørgeskemas id for hver besvarelse, ikke for patienten`],
  [/^outcome (".*?"): "maxMissingItems": (\d+) lets up to \2 missing items be prorated; set 0 to require every item$/, (m) => `effektmål ${m[1]}: "maxMissingItems": ${m[2]} lader scoren opskalere fra de besvarede spørgsmål, når op til ${m[2]} mangler; angiv 0 for at kræve svar på hvert spørgsmål`],
  [/^items (\S+…\S+) are coded 1\/2: read as 1 = yes, 2 = no \("answers": \{ "1": 1, "2": 0 \}\); swap if the questionnaire codes them the other way$/, (m) => `spørgsmålene ${m[1]} er kodet 1/2: læst som 1 = ja, 2 = nej ("answers": { "1": 1, "2": 0 }); byt om, hvis spørgeskemaet koder dem omvendt`],
  // A scale's labelled ends read as its answers (draft-plan.ts codesFor).
  [/^(columns? .+?): ((?:"[^"]*" read as -?[\d.]+(?: and )?)+), the labelled ends? of the (\S+ scale|index \(at most \S+\)) \(the numbers fill the inside; no cell holds (\S+(?: or \S+)?) as a number\): check (?:them|it) in "answers" — written as missing-value codes they would drop the best and worst answers$/,
    (m) => ((where) => where && `${where}: ${m[2]!.replaceAll(' read as ', ' læst som ').replaceAll(' and ', ' og ')}, skalaens ${/ and /.test(m[2]!) ? 'mærkede ender' : 'mærkede ende'} (${m[3]!.startsWith('index') ? m[3]!.replace('index (at most', 'indekset (højst') : `skalaen ${m[3]!.slice(0, -' scale'.length)}`}; tallene fylder midten ud, og ingen celle har ${m[4]!.replace(' or ', ' eller ')} som tal): tjek ${/ and /.test(m[2]!) ? 'dem' : 'den'} i "answers" — skrevet som koder for manglende værdier ville de udelade de bedste og dårligste svar`)(whereDa(m[1]!))],
  [/^(columns? .+?): ((?:"[^"]*"(?:, )?)+) drafted as missing-value codes? \("don't know"\): check that none is an answer$/,
    (m) => ((where) => where && `${where}: ${m[2]} i udkastet som ${m[2]!.includes('", "') ? 'koder' : 'kode'} for manglende værdi ("ved ikke"): tjek, at ${m[2]!.includes('", "') ? 'ingen af dem er et svar' : 'den ikke er et svar'}`)(whereDa(m[1]!))],
  [/^EQ-5D: the answers are written as their labels, read as the EQ-5D-(5L levels 1–5|3L levels 1–3): (.*) — check them in the outcome's "answers"$/,
    (m) => ((codes) => codes && `EQ-5D: svarene er skrevet som deres tekst, læst som EQ-5D-${m[1]!.replace('levels', 'niveauerne').replace('L niveauerne', 'L-niveauerne')}: ${codes} — tjek dem i effektmålets "answers"`)(answerCodesDa(m[2]!))],
  // A scale exported as option numbers counted from 1 (one-based-codes.ts).
  [/^(columns? .+?) hold 1–(\d+) and never 0: read as answer options numbered from 1 \(SurveyXact's and SPSS's codes\), "1" → 0 … "\2" → (\d+) in the outcome's "answers"(?:, and (.+?), the options? after the scale, as missing \("don't know" or refused: the outcome's "missingCodes"\))? — check them against the questionnaire's codebook: read as written, every answer would be a point too high \((docs\/plan-trial\.md#one-based-codes)\)$/,
    (m) => ((where) => where && `${where} har 1–${m[2]} og aldrig 0: læst som svarmuligheder nummereret fra 1 (SurveyXacts og SPSS' koder), "1" → 0 … "${m[2]}" → ${m[3]} i effektmålets "answers"${m[4] ? `, og ${numbersDa(m[4])}, svarmuligheden efter skalaen, som manglende ("ved ikke" eller "ønsker ikke at svare": effektmålets "missingCodes")` : ''} — tjek dem mod spørgeskemaets kodebog: læst som de står, ville hvert svar være et point for højt (${m[5]})`)(whereDa(m[1]!))],
  [/^(columns? .+?): no cell holds 0, the bottom of the 0–(\d+) scale, and (.+?) lies? above its top — if the answers are option numbers counted from 1 \(SurveyXact's and SPSS's codes\), \3 (?:is the option|are the options) after the scale \("don't know" or refused\) and every answer reads a point too high\. Check the questionnaire's codebook: if 1 is the scale's 0, write ("answers": \{ .* \}) and ("missingCodes": \[.*?\]) in outcome (".*?"); if the scale runs 0–\2 as written, add \3 to its "missingCodes" alone\. Not drafted: `hta validate` names the lines until then \((docs\/plan-trial\.md#one-based-codes)\)$/,
    (m) => ((where) => where && `${where}: ingen celle har 0, bunden af skalaen 0–${m[2]}, og ${numbersDa(m[3]!)} ligger over toppen — er svarene svarmulighedernes numre talt fra 1 (SurveyXacts og SPSS' koder), så er ${numbersDa(m[3]!)} svarmuligheden efter skalaen ("ved ikke" eller "ønsker ikke at svare"), og hvert svar læses et point for højt. Tjek spørgeskemaets kodebog: er 1 skalaens 0, så skriv ${m[4]} og ${m[5]} i effektmål ${m[6]}; går skalaen fra 0 til ${m[2]}, som tallene står, så føj kun ${numbersDa(m[3]!)} til dets "missingCodes". Ikke i udkastet: \`hta validate\` angiver linjerne indtil da (${m[7]})`)(whereDa(m[1]!))],
  [/^give the plan a "title" \(the trial's name, in "en" and "da"\): it heads every report page$/, () => 'giv planen en "title" (forsøgets navn på "en" og "da"): den står øverst på hver rapportside'],
  [/^the export's file name holds a personal identity number's shape: /, () => 'eksportens filnavn har et personnummers form: den foreslåede titel viser det maskeret (DDMMYY-XXXX), som rapportsiderne gør — giv forsøgets eget navn, og omdøb filen, hvis nummeret er en persons'],
  [/^no "\$schema" line: /, () => 'ingen "$schema"-linje: hta\'s skema ligger uden for denne mappes projekt, og en sti dertil ville kun gælde på denne maskine — vil du have editorens tjek, så skriv det ved siden af planen (hta plan schema > plan.schema.json) og tilføj "$schema": "plan.schema.json"'],
  [/^check which arm value is the intervention \("arms"\): (".*?") was taken as the intervention, (".*?") as the control$/, (m) => `tjek, hvilken gruppeværdi der er interventionsgruppen ("arms"): ${m[1]} er taget som interventionsgruppen, ${m[2]} som kontrolgruppen`],
  [/^check the arm names in "armLabels": every table, chart and sentence of the reports calls the arms by them; a Danish report uses "en" where there is no "da"$/, () => 'tjek gruppernes navne i "armLabels": hver tabel, figur og sætning i rapporterne kalder grupperne ved dem; en dansk rapport bruger "en", hvor der ikke er noget "da"'],
  // Each part optional: the names "en" repeats, and the Danish names that keep the export's capital (draft-plan.ts capitalNote).
  [/^check the arm names in "armLabels": every table, chart and sentence of the reports calls the arms by them(?:; "en" repeats the export's own names? \(((?:"[^"]*"(?:, )?)+)\): write (?:them|it) in English for English reports(?: \(("[^"]*" for "[^"]*"(?:, "[^"]*" for "[^"]*")*)\))?)?(?:; "da" ((?:"[^"]*"(?: and )?)+) keeps? the export's capital, so the pages write (them|it) so mid-sentence \("til fordel for ([^"]*)"\): write "da" in lower case if it is a common noun, not a name \(docs\/plan-trial\.md#arm-names\))?$/, (m) => {
    const hints = m[2] === undefined ? '' : namesForDa(m[2]);
    if (hints === undefined) return undefined;
    const repeats = m[1] === undefined ? '' : `; "en" gentager eksportens egne navne (${m[1]}): skriv dem på engelsk til engelske rapporter${hints ? ` (${hints})` : ''}`;
    const capital = m[3] === undefined ? '' : `; "da" ${m[3].replaceAll('" and "', '" og "')} beholder eksportens store begyndelsesbogstav, så siderne skriver ${m[4] === 'them' ? 'dem' : 'det'} sådan midt i en sætning ("til fordel for ${m[5]}"): skriv "da" med små bogstaver, hvis det er et fællesnavn og ikke et navn (docs/plan-trial.md#arm-names)`;
    return `tjek gruppernes navne i "armLabels": hver tabel, figur og sætning i rapporterne kalder grupperne ved dem${repeats}${capital}`;
  }],
  [/^("[^"]*") has decimals \(an average\?\): read with the plan instrument ("[\w.-]+") \(([-–\d.]+), MCID ([\d.]+)\): check range and MCID$/, (m) => `${m[1]} har decimaler (et gennemsnit?): læst med planens instrument ${m[2]} (${m[3]}, MCID ${m[4]}): tjek skalaens spænd og MCID`],
  [/^every outcome is "critical" \(no "importance" given\): the summary of findings and the conclusion weigh them alike as critical, and each needs a GRADE "certainty" — give the secondary ones "importance": "important" \(medication use and adverse events usually are(?:: ((?:"[^"]*"(?:, )?)+)\?)?\), and each outcome its "certainty" \(docs\/plan-trial\.md#certainty\)$/,
    (m) => `hvert effektmål er "critical" (intet "importance" angivet): evidensprofilen og konklusionen vægter dem ens som kritiske effektmål, og hvert kræver en GRADE-"certainty" — giv de sekundære "importance": "important" (det er medicinforbrug og uønskede hændelser som regel${m[1] ? `: ${m[1]}?` : ''}), og hvert effektmål sin "certainty" (docs/plan-trial.md#certainty)`],
  [/^EQ-5D: check the version \(eq5d5l or eq5d3l\) and the value set \("valueSet"\)$/, () => 'EQ-5D: tjek versionen (eq5d5l eller eq5d3l) og værdisættet ("valueSet")'],
  [/^(.+) has no published MCID, so (".*?") is not among the drafted outcomes: add (\{.*\}) to "outcomes", with the MCID your protocol names$/, (m) => `${m[1]} har ingen publiceret MCID, så ${m[2]} er ikke blandt udkastets effektmål: tilføj ${m[3]} til "outcomes" med den MCID, jeres protokol angiver`],
  [/^outcome (".*?") \(yes\/no, column (".*?")\): drafted "direction": "lower-is-better" \(fewer "yes" answers is the good result\): check it$/, (m) => `effektmål ${m[1]} (ja/nej, kolonnen ${m[2]}): udkastet har "direction": "lower-is-better" (færre "ja"-svar er det gode resultat): tjek det`],
  [/^no "primary" outcome: the report then has no sensitivity analysis of the missing follow-ups \(complete-case ANCOVA, MMRM and multiple imputation, with a tipping point\) and its conclusion opens with the first critical outcome — set the protocol's primary outcome and follow-up, e\.g\. ("primary": \{ "outcome": "[^"]*", "time": "[^"]*" \}) \(docs\/plan-trial\.md#fields\)$/,
    (m) => `intet primært effektmål ("primary"): rapporten har så ingen følsomhedsanalyse af de manglende opfølgninger (ANCOVA, patienter med komplette data, MMRM og multipel imputation med vippepunkt), og dens konklusion begynder med det første kritiske effektmål — angiv protokollens primære effektmål og opfølgning, f.eks. ${m[1]} (docs/plan-trial.md#fields)`],
  [/^check the outcome names \("label" of each outcome\): every table, chart and sentence of the reports names the outcomes by them$/, () => 'tjek effektmålenes navne ("label" for hvert effektmål): hver tabel, figur og sætning i rapporterne nævner effektmålene ved dem'],
  // Rarer lines that user-shaped exports meet (test/cli/plan-init-lang-rare-lines.test.ts).
  [/^outcome "eq5d" \((EQ-5D-5L, Danish value set|EQ-5D-3L, Danish 3L value set)\) from (.*)$/, (m) => ((from) => from && `effektmål "eq5d" (${m[1]!.startsWith('EQ-5D-5L') ? 'EQ-5D-5L, dansk værdisæt' : 'EQ-5D-3L, dansk 3L-værdisæt'}) fra ${from}`)(fromDa(m[2]!))],
  [/^no column is named like a patient id; (".*?") \((the first column|the first column holding more than one value)\) was taken: set "columns": \{ "id": … \}$/,
    (m) => `ingen kolonne hedder som et patient-id; ${m[1]} (${m[2] === 'the first column' ? 'den første kolonne' : 'den første kolonne med mere end én værdi'}) er taget: angiv "columns": { "id": … }`],
  [/^not used: (".*?"), (the same value in every row|no value in any row): no covariate \(there is nothing to adjust for\)$/,
    (m) => `ikke brugt: ${m[1]}, ${m[2] === 'the same value in every row' ? 'samme værdi i alle rækker' : 'ingen værdi i nogen række'}: ingen kovariat (der er intet at justere for)`],
  // Visits held when a patient leaves the study, drafted in "ignoreTimepoints" (leaving-visits.ts words both languages).
  [/^left out \("ignoreTimepoints"\): ((?:"(?:[^"\\]|\\.)*"(?:, )?)+), named as (?:a visit|visits) at leaving the study$/, (m) => ((v) => v && leavingVisitsGuess(v, 'da'))(quotedVisits(m[1]!))],
  [/^((?:"(?:[^"\\]|\\.)*"(?:, )?)+) (?:was|were) taken as (?:a visit|visits) held when a patient leaves the study /, (m) => ((v) => v && leavingVisitsCheck(v, 'da'))(quotedVisits(m[1]!))],
  // Visit dates beside the visit labels (visit-date-check.ts words both languages).
  [/^((?:"(?:[^"\\]|\\.)*"(?:, )?)+) holds? dates that change from visit to visit of one patient, and hta reads no dates: visits are taken by their label in "([^"]*)", /, (m) => ((v) => v && visitDateCheck(v, m[2]!, 'da'))(quotedVisits(m[1]!))],
  // A column of withdrawn consent (consent-draft.ts words both languages): line ranges only when all are shown (no "… (n more)").
  [/^consent withdrawn: column "([^"]*)" \("columns": \{ "consentWithdrawn" \}\) marks (\d+) patients?$/, (m) => consentGuess(m[1]!, Number(m[2]), 'da')],
  [/^"([^"]*)" is named for withdrawn consent: drafted as "columns": \{ "consentWithdrawn": "\1" \}, so (?:a patient it marks \(none in this export\)|the patient it marks|the (\d+) patients it marks) .*?(?:; (?:a cell|(\d+) cells) \((?:line|lines) ([\d–, ]+)\) says? neither yes nor no: .*)? — if the consent form lets the data collected before the withdrawal be used, write "consentWithdrawn": null instead \(docs\/plan-trial\.md#consent-withdrawn\)$/,
    (m) => {
      const patients = m[2] !== undefined ? Number(m[2]) : m[0].includes('(none in this export)') ? 0 : 1;
      const unread = m[4] !== undefined ? { n: m[3] !== undefined ? Number(m[3]) : 1, lines: m[4] } : undefined;
      return consentCheck(m[1]!, patients, unread, 'da');
    }],
  // A status column's values (flow-draft.ts): left the study, and did not withdraw.
  [/^withdrawal reason: status column (".*?"): ((?:"[^"]*"(?:, )?)+) = left the study \("flow\.withdrawalReasons"\)(?:, ((?:"[^"]*"(?:, )?)+) = did not withdraw \("flow\.notWithdrawn"\))?$/,
    (m) => `frafaldsårsag: statuskolonnen ${m[1]}: ${m[2]} = forlod forsøget ("flow.withdrawalReasons")${m[3] ? `, ${m[3]} = faldt ikke fra ("flow.notWithdrawn")` : ''}`],
  [/^check the status values in "flow": (.*?); give each reason a "label" for the participant flow$/, (m) => {
    // Each run of values and how it was taken, as flow-draft.ts takenAs words it; a part no pattern knows leaves the line English.
    const TAKEN: Record<string, string> = {
      'died (counted among the losses to follow-up, as CONSORT does, and named "Died" / "Død")': 'som død (talt blandt de tabte til opfølgning, som CONSORT gør, og kaldt "Died" / "Død")',
      'discontinued the intervention': 'som afbrudt intervention',
      'lost to follow-up (left the study)': 'som tabt til opfølgning (forlod forsøget)',
      'not withdrawn': 'som ikke frafaldet',
    };
    const alternatives = Object.keys(TAKEN).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
    const part = new RegExp(`((?:"[^"]*"(?:, "[^"]*")*)) (?:taken )?as (${alternatives})(?:, |$)`, 'y');
    const da: string[] = [];
    let at: RegExpExecArray | null;
    while (part.lastIndex < m[1]!.length && (at = part.exec(m[1]!))) da.push(`${at[1]} ${TAKEN[at[2]!]}`);
    return part.lastIndex === m[1]!.length && da.length ? `kontrollér statusværdierne i "flow": ${da.join(', ')}; giv hver årsag et "label" til flowdiagrammet` : undefined;
  }],
  [/^not used: (".*?"), a REDCap form status \(0 Incomplete, 1 Unverified, 2 Complete\), not an answer$/, (m) => `ikke brugt: ${m[1]}, en REDCap-skemastatus (0 Incomplete, 1 Unverified, 2 Complete), ikke et svar`],
  [/^not used: (".*?"), a REDCap survey timestamp \(when the survey was completed\), not an answer$/, (m) => `ikke brugt: ${m[1]}, et REDCap-tidsstempel for spørgeskemaet (hvornår det blev udfyldt), ikke et svar`],
  [/^(column "[^"]*"|columns \S+…\S+): (a value is a date|(\d+) different values are dates) \(not quoted: a date is a patient's\): (?:not a number, and not drafted as a missing-value code|not numbers, and not drafted as missing-value codes) — correct the export \(a shifted line, or the wrong column\?\); `hta validate` names (?:its line|their lines)$/,
    (m) => ((where) => where && (m[3] === undefined
      ? `${where}: en værdi er en dato (ikke citeret: en dato er en patients): ikke et tal, og ikke i udkastet som kode for manglende værdi — ret eksporten (en forskudt linje eller den forkerte kolonne?); \`hta validate\` angiver dens linje`
      : `${where}: ${m[3]} forskellige værdier er datoer (ikke citeret: en dato er en patients): ikke tal, og ikke i udkastet som koder for manglende værdier — ret eksporten (en forskudt linje eller den forkerte kolonne?); \`hta validate\` angiver deres linjer`))(whereDa(m[1]!))],
  [/^not used: column 1, which has no name: row names, as R's write\.csv and pandas write them$/, () => 'ikke brugt: kolonne 1, som ikke har noget navn: rækkenavne, som R\'s write.csv og pandas skriver dem'],
  [/^(column ".*?"|EQ-5D): ((?:"[^"]*"(?:, )?)+) drafted as missing-value codes? \("don't know"\)(, not a category of its own in the ANCOVA and Table 1)?: check that none is an answer$/,
    (m) => `${m[1]!.startsWith('column ') ? `kolonnen ${m[1]!.slice('column '.length)}` : m[1]}: ${m[2]} er i udkastet ${m[2]!.includes('", "') ? 'koder' : 'en kode'} for manglende værdi ("ved ikke")${m[3] ? ', ikke en kategori for sig i ANCOVA og tabel 1' : ''}: tjek, at ${m[2]!.includes('", "') ? 'ingen af dem' : 'den ikke'} er et svar`],
  [/^not drafted as an outcome: (".*?") holds whole numbers ([\d–-]+), a count rather than yes\/no — the plan instrument (".*?") is drafted for it$/,
    (m) => `ikke i udkastet som effektmål: ${m[1]} indeholder hele tal ${m[2]}, et antal snarere end ja/nej — planens instrument ${m[3]} er lavet til den`],
  [/^(".*?") holds numbers ([\d–-]+), not yes\/no answers: drafted the instrument (".*?") \(range ([\d–-]+)( as observed|, the days of the period its name gives \(a week when it gives none\)), (lower-is-better|higher-is-better); (widen the range to the scale's if a value could lie beyond it|the range is only what this file holds: set it to what the outcome can take \(a sum of DDD or of contacts has no fixed top, e\.g\. 0–1000\), or the next extract with a larger value is refused|check the range)\) — add (\{.*\}) to "outcomes", with the MCID your protocol names$/,
    (m) => `${m[1]} indeholder tallene ${m[2]}, ikke ja/nej-svar: udkastet har instrumentet ${m[3]} (spænd ${m[4]}${m[5] === ' as observed' ? ' som observeret' : ', dagene i den periode, navnet angiver (en uge, når det ikke angiver nogen)'}, ${m[6]}; ${m[7]!.startsWith('widen') ? 'udvid spændet til skalaens, hvis en værdi kan ligge uden for det' : m[7]!.startsWith('the range is only') ? 'spændet er kun det, denne fil indeholder: sæt det til det, effektmålet kan antage (en sum af DDD eller kontakter har ingen fast øvre grænse, fx 0–1000), ellers afvises det næste udtræk med en større værdi' : 'tjek spændet'}) — tilføj ${m[8]} til "outcomes" med den MCID, jeres protokol angiver`],
  // A sex column of bare codes (draft-plan.ts): Table 1 names them only from the manifest.
  [/^(".*?") holds the codes ([\d, -]+), not words: Table 1 shows them as codes until you name them in the report manifest's entry: ("characteristics": \[.*\]) \(docs\/manifest\.md, "characteristics"\)$/,
    (m) => `${m[1]} indeholder koderne ${m[2]}, ikke ord: tabel 1 viser dem som koder, indtil I navngiver dem i rapportmanifestets post: ${m[3]} (docs/manifest.md, "characteristics")`],
  [/^the arm (values (".*?") and (".*?") are codes, not names|value (".*?") is a code, not a name): the reports will call the arms ("App \+ usual care" and "Usual care"|"Intervention" and "Control") until you name them\. Add to the plan: ("armLabels": \{.*\})$/,
    (m) => `${m[2] !== undefined ? `gruppeværdierne ${m[2]} og ${m[3]} er koder, ikke navne` : `gruppeværdien ${m[4]} er en kode, ikke et navn`}: rapporterne kalder grupperne ${m[5]!.replace('" and "', '" og "')}, indtil I navngiver dem. Tilføj i planen: ${m[6]}`],
  // Lines of exports from REDCap, SPSS and Excel that session 29 left English (test/cli/plan-init-lang-export-lines.test.ts).
  // Visits whose number says no unit: read as months or weeks (draft-plan.ts guessedUnitCheck).
  [/^(visit suffixes ([^"]*?) say no unit|visits ((?:"[^"]*"(?:, )?)+) are bare numbers): read as (months|weeks) \(([\dmw, ]+)\)(, as 26 and 52 are a half-year and a year in weeks)?\. If they are (weeks|months), write (\{.*?\}) in "timeLabels" \(and the same labels in "timepoints" and "allTimepoints"\)(?:; if a number counts the follow-ups \((.*)\), give each its time in "timeLabels" instead)?$/,
    (m) => {
      const counted = m[10] === undefined ? '' : followUpNumbersDa(m[10]);
      if (counted === undefined) return undefined;
      const what = m[2] !== undefined ? `besøgsendelserne ${m[2]} angiver ingen enhed` : `besøgene ${m[3]} er tal uden enhed`;
      return `${what}: læst som ${m[4] === 'months' ? 'måneder' : 'uger'} (${m[5]})${m[6] ? ', da 26 og 52 er et halvt år og et år i uger' : ''}. Er de ${m[7] === 'weeks' ? 'uger' : 'måneder'}, så skriv ${m[8]} i "timeLabels" (og de samme betegnelser i "timepoints" og "allTimepoints")${counted ? `; tæller et tal opfølgningerne (${counted}), så angiv i stedet hvert besøgs tid i "timeLabels"` : ''}`;
    }],
  // Visit numbers with no unit at all (draft-plan.ts bareVisitsCheck).
  [/^(visits ((?:"[^"]*"(?:, )?)+) are bare numbers|visit suffixes ([^"]*?) are visit( \(follow-up\))? numbers without a unit): say their time in "timeLabels" \(e\.g\. \{ ("[^"]*"): "(\d+)w" \} if visit (\S+) is \d+ weeks? after the baseline, "(\d+)m" for \d+ months?; then write those labels in "timepoints" and "allTimepoints"\), so reports can say when each visit was and draw time to scale$/,
    (m) => `${m[2] !== undefined ? `besøgene ${m[2]} er tal uden enhed` : `besøgsendelserne ${m[3]} er ${m[4] ? 'opfølgningsnumre' : 'besøgsnumre'} uden enhed`}: angiv deres tid i "timeLabels" (fx { ${m[5]}: "${m[6]}w" }, hvis besøg ${m[7]} er ${m[6]} ${m[6] === '1' ? 'uge' : 'uger'} efter baseline, "${m[8]}m" for ${m[8]} ${m[8] === '1' ? 'måned' : 'måneder'}; skriv derefter de betegnelser i "timepoints" og "allTimepoints"), så rapporterne kan sige, hvornår hvert besøg var, og tegne tiden i rette skala`],
  // Visits named with no time at all ("T1", "T2"), placed by their order.
  [/^(visits?) ((?:"[^"]*"(?:, )?)+) (?:says|say) no time hta can read: placed by the order of each patient's (rows|columns) \((.*)\) — check the order of "timepoints" and "allTimepoints" \(the first critical outcome at the first follow-up leads the report's conclusion when no "primary" is set\), and give (?:its|their) time in "timeLabels" \(e\.g\. \{ ("[^"]*"): "6m" \} if it is 6 months after the baseline; then that label in "timepoints" and "allTimepoints"\), so reports can say when each visit was and draw time to scale$/,
    (m) => `${m[1] === 'visit' ? 'besøget' : 'besøgene'} ${m[2]} angiver ingen tid, som hta kan læse: placeret efter rækkefølgen af hver patients ${m[3] === 'rows' ? 'rækker' : 'kolonner'} (${m[4]}) — tjek rækkefølgen i "timepoints" og "allTimepoints" (det første kritiske effektmål ved første opfølgning fører rapportens konklusion, når intet "primary" er angivet), og angiv ${m[1] === 'visit' ? 'dets' : 'deres'} tid i "timeLabels" (fx { ${m[5]}: "6m" }, hvis besøget er 6 måneder efter baseline; derefter den betegnelse i "timepoints" og "allTimepoints"), så rapporterne kan sige, hvornår hvert besøg var, og tegne tiden i rette skala`],
  // The decimal mark the file shows, kept in the plan (decimal-mark-draft.ts draftedMarkGuess); the example in Danish notation.
  [/^decimal mark: "decimalMark": "([.,])" — column (".*?") shows it, and (\d+) number\(s\) read either way \(the first in column (".*?"); 1,250 = (?:1250|1\.25)\): the plan keeps the mark for a later export that shows none$/,
    (m) => `decimaltegn: "decimalMark": "${m[1]}" — kolonnen ${m[2]} viser det, og ${m[3]} tal kan læses begge veje (det første i kolonnen ${m[4]}; 1,250 = ${m[1] === ',' ? '1,25' : '1250'}): planen gemmer tegnet til en senere eksport, der ikke viser det`],
  // Cells with the other decimal mark (draft-plan.ts mixedMarks).
  [/^values such as ((?:"[^"]*"(?:, )?)+) have a decimal (comma|point) while the file's other numbers have a decimal (comma|point): hta reads one decimal mark per file, so these are not numbers — export the file again with one decimal mark \(docs\/input-trial-export\.md#dialects\)$/,
    (m) => `værdier som ${m[1]} har decimal${m[2] === 'comma' ? 'komma' : 'punktum'}, mens filens andre tal har decimal${m[3] === 'comma' ? 'komma' : 'punktum'}: hta læser ét decimaltegn pr. fil, så disse er ikke tal — eksportér filen igen med ét decimaltegn (docs/input-trial-export.md#dialects)`],
  // Rows the draft's own check refuses (cli/plan.ts): the validate command to list them.
  [/^(\d+) row\(s\) of (.+) have values the draft cannot read \(lines ([^()]*?)(?:, … \((\d+) more ranges\))?\): (`hta validate .*`) lists them and what each needs — correct them in the export, or the plan as it says$/,
    (m) => `${m[1]} række(r) i ${m[2]} har værdier, udkastet ikke kan læse (linjer ${m[3]}${m[4] ? `, … (${m[4]} intervaller mere)` : ''}): ${m[5]} viser dem, og hvad hver kræver — ret dem i eksporten, eller ret planen, som den siger`],
  // An export of three or more arms (draft-plan.ts draftOtherArms).
  [/^(column (".*?") has|the events of (".*?") have) (\d+) (arm|REDCap arm)s \(((?:"[^"]*"(?:, )?)+)\); the plan compares two: (".*?") \(intervention\) with (".*?") \(control\), and lists ((?:"[^"]*"(?:, )?)+) in "otherArms" — rows not analysed, patients counted as randomised in the participant flow\. To compare another pair, swap the values between "arms" and "otherArms" \(and "armLabels"\), one plan per comparison \(docs\/plan-trial\.md#other-arms\)$/,
    (m) => `${m[2] !== undefined ? `kolonnen ${m[2]}` : `hændelserne i ${m[3]}`} har ${countDa(Number(m[4]))} ${m[5] === 'arm' ? 'grupper' : 'REDCap-grupper'} (${m[6]}); planen sammenligner to: ${m[7]} (intervention) med ${m[8]} (kontrol) og angiver ${m[9]} i "otherArms" — rækkerne analyseres ikke, patienterne tælles som randomiserede i patientflowet. Vil I sammenligne et andet par, så byt værdierne mellem "arms" og "otherArms" (og "armLabels"), én plan pr. sammenligning (docs/plan-trial.md#other-arms)`],
  // REDCap (and Castor) checkbox fields: one column per option (draft-plan.ts).
  [/^not used: (REDCap|Castor EDC|Castor) checkbox field (".*?")( at ([^(]*?))? \((.*): one (Checked\/Unchecked|0\/1) column per option( and visit)?\)$/,
    (m) => `ikke brugt: ${m[1]}-afkrydsningsfeltet ${m[2]}${m[3] ? ` ved ${m[4]}` : ''} (${m[5]}: én ${m[6]}-kolonne pr. svarmulighed${m[7] ? ' og besøg' : ''})`],
  [/^(REDCap|Castor EDC|Castor) checkbox (".*?"): add an option's column( \(named without its visit: "column": (".*?") reads (.*) at (.*?)\))? as a "binary" outcome or a covariate if the protocol analyses it(, with "answers": \{ "Checked": 1, "Unchecked": 0 \})?$/,
    (m) => `${m[1]}-afkrydsningsfeltet ${m[2]}: tilføj en svarmuligheds kolonne${m[3] ? ` (navngivet uden sit besøg: "column": ${m[4]} læser ${m[5]} ved ${m[6]})` : ''} som et "binary"-effektmål eller en kovariat, hvis protokollen analyserer den${m[7] ? ', med "answers": { "Checked": 1, "Unchecked": 0 }' : ''}`],
  // Adverse events from a REDCap repeating instrument (adverse-events-draft.ts).
  [/^adverse events \("adverseEvents"\): the (\d+) rows of REDCap repeating instrument (".*?"), one event each((?:; |, )(?:serious|related|soc|term) ".*")?$/,
    (m) => ((read) => read === undefined ? undefined : `uønskede hændelser ("adverseEvents"): de ${m[1]} rækker i det gentagne REDCap-skema ${m[2]}, én hændelse pr. række${read}`)(m[3] === undefined ? '' : aeFieldsDa(m[3].slice(2)))],
  [/^adverse events: check the columns of "adverseEvents" \((.*) are the instrument's\); a seriousness or relatedness cell reads Ja\/Nej, Yes\/No, Y\/N or 1\/0, and "Ved ikke" as unknown — give other codes their meaning in "columnCodes", and once a column has answer codes list every number in it \(a REDCap 0\/1\/2 column: "2": 1 with "0": 0, "1": 1, never "2": 1 alone, which refuses every 1 and 0\) \(docs\/plan-trial\.md#adverse-events\)$/,
    (m) => `uønskede hændelser: tjek kolonnerne i "adverseEvents" (${m[1] === 'none' ? 'ingen' : m[1]} er skemaets); en celle for alvorlighed eller relation læses som Ja/Nej, Yes/No, Y/N eller 1/0, og "Ved ikke" som ukendt — giv andre koder deres betydning i "columnCodes", og har en kolonne svarkoder, så angiv hvert tal i den (en REDCap-kolonne med 0/1/2: "2": 1 sammen med "0": 0, "1": 1, aldrig "2": 1 alene, som afviser hvert 1 og 0) (docs/plan-trial.md#adverse-events)`],
  // Ids and cells shaped like CPR numbers (trial/patient-ids.ts cprIdNote; draft-plan.ts cprCellChecks): never quoted.
  [/^the patient ids in column (".*?") look like CPR numbers \((all (\d+) ids|(\d+) of (\d+) ids) have the shape DDMMYY-NNNN, or ten digits with a real day and month, or the shape of a Swedish personnummer or a Norwegian fødselsnummer\)\. hta uses them only to link a patient's rows and never puts them in a message, report or result, but a trial export should hold pseudonymous study ids: replace them with study numbers \(keep the key apart from the export\) before the file is shared or stored beside the reports$/,
    (m) => `patient-id'erne i kolonnen ${m[1]} ligner CPR-numre (${m[3] !== undefined ? `alle ${m[3]} id'er` : `${m[4]} af ${m[5]} id'er`} har formen DDMMYY-NNNN, ti cifre med en gyldig dag og måned eller formen af et svensk personnummer eller et norsk fødselsnummer). hta bruger dem kun til at forbinde en patients rækker og skriver dem aldrig i en meddelelse, en rapport eller et resultat, men forsøgets eksport bør indeholde pseudonyme studie-id'er: erstat dem med studienumre (opbevar nøglen adskilt fra eksporten), før filen deles eller gemmes ved siden af rapporterne`],
  [/^(.+?):(?:(\d+):(\d+)|lines (.+), column (\d+)) \((.*)\): (a cell looks|(\d+) cells look) like a CPR number \(DDMMYY-NNNN\), a Swedish personnummer or a Norwegian fødselsnummer, outside the id column (".*?"): not quoted, and not drafted as a visit, arm, level or missing-value code — hta validate and analyze refuse such a cell in any column the plan reads \(a shifted line, or the wrong column\): correct the export$/,
    (m) => `${m[1]}:${m[2] !== undefined ? `${m[2]}:${m[3]}` : `linjer ${m[4]!.replace(/\((\d+) more ranges\)/, '($1 intervaller mere)')}, kolonne ${m[5]}`} (${m[6]}): ${m[8] === undefined ? 'en celle ligner' : `${m[8]} celler ligner`} et CPR-nummer (DDMMYY-NNNN), et svensk personnummer eller et norsk fødselsnummer uden for id-kolonnen ${m[9]}: ikke citeret og ikke i udkastet som besøg, gruppe, niveau eller kode for manglende værdi — hta validate og analyze afviser en sådan celle i enhver kolonne, planen læser (en forskudt linje eller den forkerte kolonne): ret eksporten`],
  // OpenClinica 3's removed subjects (oc3-events.ts), by line.
  [/^(.+?):(?:(\d+)|lines (.+?)) \((.*?)\): (a line says|(\d+) lines say) ((?:"[^"]*"(?: or )?)+) — OpenClinica 3's subject removed from the study, its data invalidated; hta reads no subject status, so (?:it is|they are) analysed as the others: delete (?:the line|those lines) from the export if (?:the subject is|the subjects are) to be left out$/,
    (m) => {
      const one = m[6] === undefined;
      return `${m[1]}:${m[2] !== undefined ? m[2] : `linjer ${m[3]!.replace(/\((\d+) more ranges\)/, '($1 intervaller mere)')}`} (${m[4]}): ${one ? 'en linje siger' : `${m[6]} linjer siger`} ${m[7]!.replaceAll('" or "', '" eller "')} — en patient fjernet fra forsøget i OpenClinica 3, data ugyldiggjort; hta læser ingen patientstatus, så ${one ? 'den analyseres' : 'de analyseres'} som de andre: slet ${one ? 'linjen' : 'de linjer'} fra eksporten, hvis ${one ? 'patienten' : 'patienterne'} skal udelades`;
    }],
  // Lines that user-shaped exports (SPSS, REDCap, cluster and partial designs) met in English in session 34
  // (test/cli/plan-init-lang-design-lines.test.ts), most frequent first.
  // Three or four whole numbers of a covariate drafted as categories (draft-plan.ts userMissingHint).
  [/^("(?:[^"\\]|\\.)*") has only the values (-?\d+(?:, -?\d+)+): drafted as (\w+) categories \("covariateTypes": "categorical"\); if they are a scale \(one slope in the ANCOVA\), write "numeric"(.*)$/,
    (m) => {
      const n = m[2]!.split(', ').length;
      if (m[3] !== numberWord(n, 'en')) return undefined;
      const hint = userMissingHintDa(m[4]!);
      return hint === undefined ? undefined : `${m[1]} har kun værdierne ${m[2]}: i udkastet som ${countDa(n)} kategorier ("covariateTypes": "categorical"); er de en skala (én hældning i ANCOVA), så skriv "numeric"${hint}`;
    }],
  [/^ODI: the draft uses MCID 10 points \(Ostelo et al\. 2008\)(?: for the (\d+) ODI columns \(((?:"(?:[^"\\]|\\.)*"(?:, )?)+)\), one instrument)?: check "instruments\.odi"$/,
    (m) => `ODI: udkastet bruger en MKRF på 10 point (Ostelo m.fl. 2008)${m[1] ? ` for de ${countDa(Number(m[1]))} ODI-kolonner (${m[2]}), ét instrument` : ''}: tjek "instruments.odi"`],
  // A 0–100 visual analogue scale left out (draft-plan.ts vasOutcome): EQ-5D's, or one the export does not say the meaning of.
  [/^not drafted: ("(?:[^"\\]|\\.)*") \((EQ-5D's visual analogue scale, 0–100, which needs an MCID|a 0–100 visual analogue scale of what the export does not say)\)$/,
    (m) => `ikke i udkastet: ${m[1]} (${m[2]!.startsWith('EQ-5D') ? 'EQ-5D\'s visuelle analogskala, 0–100, som kræver en MCID' : 'en visuel analogskala 0–100, hvor eksporten ikke siger, hvad den måler'})`],
  [/^("(?:[^"\\]|\\.)*") is not among the drafted outcomes: (EQ-5D's visual analogue scale \(0–100, higher is better\)|a 0–100 visual analogue scale, which may be pain \(lower is better\) or health \(higher is better\),) has no instrument in hta and no published MCID: add ("[\w.-]+": \{.*\}) to "instruments" and (\{ "key": .*\}) to "outcomes", with the MCID your protocol names(?: — its cells hold (.*) beside the numbers: "answers" reads (them|it), with every number the column holds as itself \(the "…"\), since answer codes refuse any other value)?$/,
    (m) => {
      const ends = m[5] === undefined ? '' : vasEndsDa(m[5]);
      if (ends === undefined) return undefined;
      const what = m[2]!.startsWith('EQ-5D') ? 'EQ-5D\'s visuelle analogskala (0–100, højere er bedre)' : 'en visuel analogskala 0–100, som kan måle smerte (lavere er bedre) eller helbred (højere er bedre),';
      const labelled = ends ? ` — dens celler har ${ends} ved siden af tallene: "answers" læser ${m[6] === 'them' ? 'dem' : 'den'} sammen med hvert tal, kolonnen har, som sig selv ("…"), da svarkoder afviser enhver anden værdi` : '';
      return `${m[1]} er ikke blandt udkastets effektmål: ${what} har intet instrument i hta og ingen publiceret MCID: tilføj ${m[3]} til "instruments" og ${m[4]} til "outcomes" med den MCID, jeres protokol angiver${labelled}`;
    }],
  // A covariate of places (place-covariates.ts placeReason): categories, never one number.
  [/^("(?:[^"\\]|\\.)*") (?:names a place and holds (\d+) different numbers( \(so many levels cost the ANCOVA one degree of freedom each: consider grouping them, e\.g\. into regions\))?: codes of places|holds DAGI region codes \((\d+(?:, \d+)*)\): regions), not a quantity: drafted as categories \(("covariateTypes": \{ "(?:[^"\\]|\\.)*": "categorical" \})\), one level per place in the ANCOVA and a count per place in Table 1$/,
    (m) => `${m[1]} ${m[2] !== undefined ? `hedder som et sted og har ${countDa(Number(m[2]))} forskellige tal${m[3] ? ' (så mange niveauer koster ANCOVA én frihedsgrad hver: overvej at samle dem, fx i regioner)' : ''}: koder for steder` : `har DAGI-regionskoder (${m[4]}): regioner`}, ikke en mængde: i udkastet som kategorier (${m[5]}), ét niveau pr. sted i ANCOVA og et antal pr. sted i tabel 1`],
  // A stratification factor or a randomisation block (stratum-names.ts), drafted as a categorical covariate.
  [/^("(?:[^"\\]|\\.)*") names a (randomisation block|stratification factor): drafted as a categorical covariate \(("covariateTypes": \{ "(?:[^"\\]|\\.)*": "categorical" \})(, "stratificationFactors": \["(?:[^"\\]|\\.)*"\])?\), since the analysis should adjust for the factors the randomisation was stratified by \(ICH E9\)( — for the blocks of permuted-block randomisation, keep it only if the protocol adjusts for them \(each block costs the ANCOVA a degree of freedom\))?$/,
    (m) => `${m[1]} hedder som ${m[2] === 'randomisation block' ? 'en randomiseringsblok' : 'en stratifikationsfaktor'}: i udkastet som en kategorisk kovariat (${m[3]}${m[4] ?? ''}), da analysen bør justere for de faktorer, randomiseringen blev stratificeret efter (ICH E9)${m[5] ? ' — for blokkene i en randomisering med permuterede blokke: behold den kun, hvis protokollen justerer for dem (hver blok koster ANCOVA en frihedsgrad)' : ''}`],
  // An outcome with no value at a visit, drafted at its own visits (cli/plan.ts).
  [/^outcome ("(?:[^"\\]|\\.)*") has no value in (.+) at ([^:]+): drafted as measured at ([^:]+) only \(its own "timepoints"\), so it has no rows there — if the protocol measures it at (those visits|that visit) and the values are missing, remove its "timepoints" \(docs\/plan-trial\.md#outcome-timepoints\)$/,
    (m) => `effektmålet ${m[1]} har ingen værdi i ${m[2]} ved ${m[3]}: i udkastet som målt ved ${m[4]} alene (dets egne "timepoints"), så det har ingen rækker dér — måler protokollen det ved ${m[5] === 'those visits' ? 'de besøg' : 'det besøg'}, og mangler værdierne, så fjern dets "timepoints" (docs/plan-trial.md#outcome-timepoints)`],
  // Arm-like columns beside the arm column (arm-column.ts otherArmColumnNotes).
  [/^not the arm: ("(?:[^"\\]|\\.)*"), beside the arm column ("(?:[^"\\]|\\.)*") \((.*)\)$/,
    (m) => ((why) => why && `ikke gruppen: ${m[1]}, ved siden af gruppekolonnen ${m[2]} (${why})`)(armWhyDa(m[3]!))],
  [new RegExp(`^("(?:[^"\\\\]|\\\\.)*") and ("(?:[^"\\\\]|\\\\.)*") name different arms for (\\d+) of (\\d+) patients: the plan analyses them by \\1 \\((.*)\\) — check that it holds the arm each patient was randomised to: ${escapeRe(ARM_ITT)}; the treatment received belongs in a per-protocol sensitivity analysis(; if \\2 holds the arm as randomised, write "columns": \\{ "arm": \\2 \\})?$`),
    (m) => ((why) => why && `${m[1]} og ${m[2]} angiver forskellige grupper for ${m[3]} af ${m[4]} patienter: planen analyserer dem efter ${m[1]} (${why}) — tjek, at den indeholder den gruppe, hver patient blev randomiseret til: ${ARM_ITT_DA}; den modtagne behandling hører til i en per-protokol-følsomhedsanalyse${m[6] ? `; indeholder ${m[2]} gruppen som randomiseret, så skriv "columns": { "arm": ${m[2]} }` : ''}`)(armWhyDa(m[5]!))],
  [new RegExp(`^the arm column ("(?:[^"\\\\]|\\\\.)*") is named for the treatment received: ${escapeRe(ARM_ITT)} — if the export has the randomised arm in another column, write "columns": \\{ "arm": <that column> \\}$`),
    (m) => `gruppekolonnen ${m[1]} er ${ARM_SAYS_DA['named for the treatment received']}: ${ARM_ITT_DA} — har eksporten den randomiserede gruppe i en anden kolonne, så skriv "columns": { "arm": <den kolonne> }`],
  // Unscheduled visits left out (draft-plan.ts).
  [/^left out \("ignoreTimepoints"\): ((?:"(?:[^"\\]|\\.)*"(?:, )?)+), named as unscheduled$/,
    (m) => `udeladt ("ignoreTimepoints"): ${m[1]}, navngivet som ${m[1]!.includes('", "') ? 'uplanlagte besøg' : 'et uplanlagt besøg'}`],
  [/^((?:"(?:[^"\\]|\\.)*"(?:, )?)+) (was|were) taken as unscheduled and drafted in "ignoreTimepoints": (?:its|their) rows are in no analysis, and the MMRM models the scheduled visits only — if the protocol analyses (?:it|one), move it to "timepoints" and "allTimepoints" \(docs\/plan-trial\.md#visits-left-out\)$/,
    (m) => {
      const many = m[2] === 'were';
      return `${m[1]} er taget som ${many ? 'uplanlagte besøg' : 'et uplanlagt besøg'} og er i udkastet i "ignoreTimepoints": ${many ? 'deres' : 'dets'} rækker indgår ikke i nogen analyse, og MMRM modellerer kun de planlagte besøg — analyserer protokollen ${many ? 'et af dem' : 'det'}, så flyt det til "timepoints" og "allTimepoints" (docs/plan-trial.md#visits-left-out)`;
    }],
  // Arms from REDCap's event names (draft-plan.ts, "armSource": "redcap-event").
  [/^arms from the REDCap arms in the event names of ("(?:[^"\\]|\\.)*") \(no arm column; "armSource": "redcap-event"\): ("(?:[^"\\]|\\.)*") = intervention, ("(?:[^"\\]|\\.)*") = control$/,
    (m) => `grupper fra REDCap-grupperne i hændelsesnavnene i ${m[1]} (ingen gruppekolonne; "armSource": "redcap-event"): ${m[2]} = interventionsgruppe, ${m[3]} = kontrolgruppe`],
  [/^check which REDCap arm is the intervention \("arms"\): arm (\d+) \(("(?:[^"\\]|\\.)*")\) was taken as the intervention and arm (\d+) \(("(?:[^"\\]|\\.)*")\) as the control( — REDCap numbers arms in the order they were set up, not by group|, from its name)$/,
    (m) => `tjek, hvilken REDCap-gruppe der er interventionsgruppen ("arms"): gruppe ${m[1]} (${m[2]}) er taget som interventionsgruppen og gruppe ${m[3]} (${m[4]}) som kontrolgruppen${m[5]!.startsWith(',') ? ', ud fra dens navn' : ' — REDCap nummererer grupperne i den rækkefølge, de blev oprettet, ikke efter hvad de er'}`],
  // A cluster-randomised trial (draft-plan.ts, trial/cluster-signature.ts).
  [/^clusters: ("(?:[^"\\]|\\.)*") — its (\d+) values (?:each lie wholly in one arm \(|lie nearly wholly in one arm \((\d+) of \2 wholly; (?:1 patient|(\d+) patients) in their value's other arm — check their arm; )(\d+) intervention, (\d+) control\): a cluster-randomised trial, analysed with cluster-robust standard errors \("clusters": \1\)$/,
    (m) => {
      const near = m[3] === undefined ? '' : m[4] === undefined ? `${m[3]} af ${m[2]} helt; 1 patient i sin værdis anden gruppe — tjek patientens gruppe; ` : `${m[3]} af ${m[2]} helt; ${m[4]} patienter i deres værdis anden gruppe — tjek deres gruppe; `;
      return `klynger: ${m[1]} — dens ${countDa(Number(m[2]))} værdier ligger ${near ? 'næsten helt' : 'hver helt'} i én gruppe (${near}${m[5]} intervention, ${m[6]} kontrol): et klyngerandomiseret forsøg, analyseret med klyngerobuste standardfejl ("clusters": ${m[1]})`;
    }],
  [/^"clusters": ("(?:[^"\\]|\\.)*"): check that whole groups \(practices, wards\) were randomised by \1; if patients were randomised one by one, replace it by "notClusters": \[\1\] \(docs\/plan-trial\.md#cluster-randomised-trials\)$/,
    (m) => `"clusters": ${m[1]}: tjek, at hele grupper (praksisser, afdelinger) blev randomiseret efter ${m[1]}; blev patienterne randomiseret enkeltvis, så erstat det med "notClusters": [${m[1]}] (docs/plan-trial.md#cluster-randomised-trials)`],
  [/^not used: ("(?:[^"\\]|\\.)*"), whose values also each lie wholly in one arm \(another name of the clusters\?\)$/,
    (m) => `ikke brugt: ${m[1]}, hvis værdier også hver ligger helt i én gruppe (et andet navn for klyngerne?)`],
  // Fractions of 1 under a 0–100 (or other) scale (draft-plan.ts draftFractions).
  [/^("(?:[^"\\]|\\.)*") is drafted as a (-?[\d.]+)–(-?[\d.]+) scale, but every one of its (\d+) values lies from 0 to 1, (\d+) of them with decimals \(line (\d+): ([^()]*)\): fractions of 1, not scores — (?:Excel percentage cells \(44 % saved as 0\.44\)\? Multiply the column by 100 \(([^()]*) → ([^()]*)\) or format it as numbers in the spreadsheet|(Excel percentage cells, or scores divided by the scale's top\? Put the scores on the \2–\3 scale in the export)), export again and draft again; hta validate and analyze refuse the export as it is \(docs\/plan-trial\.md#fractions-of-one\)$/,
    (m) => {
      const fix = m[10] !== undefined ? `Excel-procentceller eller scorer divideret med skalaens top? Sæt scorerne på skalaen ${m[2]}–${m[3]} i eksporten` : `Excel-procentceller (44 % gemt som 0,44)? Gang kolonnen med 100 (${m[8]} → ${m[9]}), eller formatér den som tal i regnearket`;
      return `${m[1]} er i udkastet skalaen ${m[2]}–${m[3]}, men alle dens ${m[4]} værdier ligger fra 0 til 1, ${m[5]} af dem med decimaler (linje ${m[6]}: ${m[7]}): brøkdele af 1, ikke scorer — ${fix}, eksportér igen, og lav udkastet igen; hta validate og analyze afviser eksporten, som den er (docs/plan-trial.md#fractions-of-one)`;
    }],
  [/^items (\S+…\S+) were taken as ([\w.-]+) from their count \((\d+)\) and answers: check$/,
    (m) => `spørgsmålene ${m[1]} er taget som ${m[2]} ud fra deres antal (${m[3]}) og svar: tjek`],
  // KOOS and HOOS (0–100, higher is better): not drafted, the paste given (named-scales.ts).
  [/^not drafted: (".*?"), (KOOS|HOOS)(\d?)(?: (pain|symptoms|ADL|sport\/rec|QOL))?(?: \(which subscale, or an average of them\? the export does not say\)| \(subscale (".*?")\))?, 0–100, higher is better$/,
    (m) => `ikke i udkastet: ${m[1]}, ${koosDa(m)}, 0–100, højere er bedre`],
  [/^(".*?") is not among the drafted outcomes: (KOOS|HOOS)(\d?)(?: (pain|symptoms|ADL|sport\/rec|QOL))?(?: \(which subscale, or an average of them\? the export does not say\)| \(subscale (".*?")\))? is a (knee|hip) score of 0–100 where higher is better \(0 = extreme problems, 100 = none\): not a pain VAS, whose lower is better\. Published minimal important changes of the (?:KOOS|HOOS) vary with the subscale, the treatment and the method \(from about 8 to 18 points\), so the draft names none: add (".*?": \{.*\}) to "instruments" and (\{.*\}) to "outcomes", with the MCID your protocol names$/,
    (m) => `${m[1]} er ikke blandt udkastets effektmål: ${koosDa([m[0], m[1], m[2], m[3], m[4], m[5]])} er en ${m[6] === 'knee' ? 'knæscore' : 'hoftescore'} fra 0 til 100, hvor højere er bedre (0 = ekstreme problemer, 100 = ingen): ikke en smerte-VAS, hvor lavere er bedre. Publicerede mindste klinisk relevante ændringer for ${m[2]} varierer med delskalaen, behandlingen og metoden (fra ca. 8 til 18 point), så udkastet angiver ingen: tilføj ${m[7]} til "instruments" og ${m[8]} til "outcomes" med den MCID, jeres protokol angiver`],
];

/** A guess or check of the draft in Danish, or as made when the catalogue does not know it. */
export function draftLineDa(line: string): string {
  // A layout plan init refuses, as its guess (plan/export-layouts-da.ts): worded whole there.
  const layout = pandasLayoutWhatDa(line);
  if (layout !== undefined) return layout;
  for (const [re, da] of RULES) {
    const m = re.exec(line);
    // A rule that cannot word the whole line leaves it whole in English.
    if (m) return da(m) ?? line;
  }
  return line;
}

/** The headings and the closing line of `hta plan init`'s listing, in each language. */
export const DRAFT_TEXT = {
  guessed: { en: 'guessed:', da: 'gættet:' },
  check: { en: 'check before analysing:', da: 'tjek før analysen:' },
  wrote: { en: (out: string, then: string) => `wrote ${out}; then: ${then}`, da: (out: string, then: string) => `skrev ${out}; derefter: ${then}` },
} as const;

/** `1,234` (English thousands) as Danish writes it: `1.234`. */
const thousandsDa = (n: string): string => n.replaceAll(',', '.');

/** The registry's date columns as the exportDate note names them (uptake/draft-uptake-plan.ts lastDateOf). */
const DATE_COLUMN_DA: Record<string, string> = { 'referral date': 'henvisningsdatoen', 'activation date': 'aktiveringsdatoen', 'last-active date': 'datoen for sidste aktivitet' };

/**
 * `hta plan init --uptake --lang da`: the uptake draft's common notes (uptake/draft-uptake-plan.ts)
 * in Danish, each whole or not at all, as the trial draft's lines are (`draftLineDa`).
 */
const UPTAKE_RULES: Rule[] = [
  [/^priceModel and scenarios are placeholders \(listed in "placeholders"\): replace them with the supplier's price model and the evaluation's scenarios, then remove "placeholders" — until then every output says its budget is not real$/,
    () => 'priceModel og scenarios er pladsholdere (nævnt i "placeholders"): erstat dem med leverandørens prismodel og evalueringens scenarier, og fjern så "placeholders" — indtil da siger hvert output, at dets budget ikke er reelt'],
  [/^the eligible file needs columns region, year and eligible \(one row per region and year\): if it names them otherwise, map them in columns\.eligible \(e\.g\. (\{ "region": "Region", "year": "År", "eligible": "Antal" \})\), or give it with --eligible to have the mapping drafted$/,
    (m) => `filen med antal berettigede skal have kolonnerne region, year og eligible (én række pr. region og år): hedder de andet, så angiv dem i columns.eligible (fx ${m[1]}), eller giv filen med --eligible, så udkastet angiver dem`],
  [/^firstYear (\d{4}): next calendar year, as no referral date could be read — set it to the calendar year of scenario year 1$/,
    (m) => `firstYear ${m[1]}: næste kalenderår, da ingen henvisningsdato kunne læses — sæt det til kalenderåret for scenariets år 1`],
  [/^firstYear (\d{4}): the year after the export date's \(([\d-]+)\), as no referral date could be read — set it to the calendar year of scenario year 1$/,
    (m) => `firstYear ${m[1]}: året efter eksportdatoens (${m[2]}), da ingen henvisningsdato kunne læses — sæt det til kalenderåret for scenariets år 1`],
  [/^firstYear (\d{4}): scenario year 1 is the first year after the export's last referral year \((\d{4})\), so the scenarios project (\d{4})–(\d{4}) and the eligible file needs every region's count for those years too \(or "eligibleFill": "carry-forward"\); set firstYear to (\d{4}) to start the scenarios in the export's own last year$/,
    (m) => `firstYear ${m[1]}: scenariets år 1 er det første år efter eksportens sidste henvisningsår (${m[2]}), så scenarierne fremskriver ${m[3]}–${m[4]}, og filen med antal berettigede skal også have hver regions antal for de år (eller "eligibleFill": "carry-forward"); sæt firstYear til ${m[5]} for at lade scenarierne begynde i eksportens eget sidste år`],
  [/^exportDate (\d{4}-\d{2}-\d{2}) drafted from the latest date in the file \(the (referral date|activation date|last-active date) on line (\d+)\): the registry ends within (\d{4}); if the export was made later, set the day it was made — retention is censored at the export date, and no date after it is accepted$/,
    (m) => `exportDate ${m[1]}: udkastet har filens seneste dato (${DATE_COLUMN_DA[m[2]!]} på linje ${m[3]}): registret slutter inden for ${m[4]}; blev udtrækket lavet senere, så angiv den dag, det blev lavet — fastholdelsen censureres ved udtrækkets dato, og ingen dato efter den accepteres`],
  // registry-read-notes.ts utcOffsetNote, worded there in both languages: its counts read back.
  [/^(.+): (?:a date is|(\d+) distinct dates are) written with a UTC offset \(Z, \+00:00, \+01:00 …\): each is read on its calendar day in Danish time \(Europe\/Copenhagen\), as a Parquet TIMESTAMP WITH TIME ZONE is — (none of them|it|all of them|(\d+) of them) thereby falls? on another day than the date written \(2025-10-14T22:00:00Z, as R's readr writes midnight of 15 October, is 15 October\) \(docs\/input-registry\.md "Dates"\)$/,
    (m) => {
      const n = m[2] === undefined ? 1 : Number(m[2]);
      const moved = m[3] === 'none of them' ? 0 : m[3] === 'it' ? 1 : m[3] === 'all of them' ? n : Number(m[4]);
      return utcOffsetNote(m[1]!, n, moved, 'da');
    }],
  [/^regions seen in (all|the first) ([\d,]+) rows: (.*) — the eligible file must name each \(or map a spelling with "regions"\)$/,
    (m) => `regioner set i ${m[1] === 'all' ? 'alle' : 'de første'} ${thousandsDa(m[2]!)} rækker: ${m[3]} — filen med antal berettigede skal nævne hver af dem (eller en stavemåde kan angives i "regions")`],
  [/^the registry is small \(([\d,]+) rows, under 2,000\): the draft leaves the monthly series, the clinic funnel and the equity breakdowns out (\("publish": \{ "months": false, "clinics": false, "equity": \[\] \}\)) so that the regions' and the country's totals are not suppressed with the small counts around them — switch one back on (\("months": true, "clinics": true, "equity": \["sex"\]\)) and rerun to see what it costs$/,
    (m) => `registret er lille (${thousandsDa(m[1]!)} rækker, under 2.000): udkastet udelader den månedlige serie, klinikkernes tragtplot og opdelingerne ${m[2]}, så regionernes og landets totaler ikke diskretioneres sammen med de små antal omkring dem — slå en af dem til igen ${m[3]}, og kør igen for at se, hvad det koster`],
];

/** A note of the uptake draft in Danish, or as made (whole, in English) when the catalogue does not know it. */
export function uptakeDraftLineDa(line: string): string {
  // A column of pivot blanks (uptake/pivot-blanks-words.ts): worded whole there.
  const pivot = pivotDraftWarningDa(line);
  if (pivot !== undefined) return pivot;
  for (const [re, da] of UPTAKE_RULES) {
    const m = re.exec(line);
    if (m) return da(m) ?? line;
  }
  return line;
}

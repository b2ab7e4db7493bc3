/**
 * `hta plan init --lang da`: what the draft guessed and what to check, in Danish. The draft words
 * them in English (draft-plan.ts); this catalogue words the common ones in the Danish of
 * docs/glossary-da.md, as warnings-da.ts does for `hta meta`'s warnings. A line it does not know is
 * shown as made, in English. The plan file itself keeps its documented keys ("arms", "outcomes"…),
 * quoted as written in both languages (docs/plan-trial.md, "plan init in Danish").
 */

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** "items rmdq_1…rmdq_24", "column "pain"", "mo = eq5d_mo, …": where an outcome was drafted from. */
const fromDa = (s: string): string => s.replace(/^items /, 'spørgsmålene ').replace(/^column /, 'kolonnen ');

const RULES: Rule[] = [
  [/^patient id column: (".*")$/, (m) => `kolonne med patient-id: ${m[1]}`],
  [/^long layout: visits from column (".*?"): (.*)$/, (m) => `langt format: besøg fra kolonnen ${m[1]}: ${m[2]}`],
  [/^wide layout: visits (.*)$/, (m) => `bredt format: besøg ${m[1]}`],
  [/^arm column (".*?"): (".*?") = intervention, (".*?") = control$/, (m) => `gruppekolonne ${m[1]}: ${m[2]} = interventionsgruppe, ${m[3]} = kontrolgruppe`],
  [/^arm names for the reports \("armLabels"\): intervention (".*?") \(from (".*?")\), control (".*?") \(from (".*?")\)$/, (m) => `gruppernes navne i rapporterne ("armLabels"): interventionsgruppe ${m[1]} (fra ${m[2]}), kontrolgruppe ${m[3]} (fra ${m[4]})`],
  [/^not drafted: outcome (".*?") \((.*?)\) from (.*), which needs an MCID$/, (m) => `ikke i udkastet: effektmål ${m[1]} (${m[2]}) fra ${fromDa(m[3]!)}, som kræver en MCID`],
  [/^outcome (".*?") \((.*?)\) from (.*)$/, (m) => `effektmål ${m[1]} (${m[2]}) fra ${fromDa(m[3]!)}`],
  [/^covariates: keep only those the trial protocol pre-specified for adjustment$/, () => 'kovariater: behold kun dem, forsøgets protokol på forhånd har angivet til justering'],
  [/^covariates: (.*)$/, (m) => `kovariater: ${m[1]}`],
  [/^not used: (.*)$/, (m) => `ikke brugt: ${m[1]}`],
  [/^give the plan a "title" \(the trial's name, in "en" and "da"\): it heads every report page$/, () => 'giv planen en "title" (forsøgets navn på "en" og "da"): den står øverst på hver rapportside'],
  [/^check which arm value is the intervention \("arms"\): (".*?") was taken as the intervention, (".*?") as the control$/, (m) => `tjek, hvilken gruppeværdi der er interventionsgruppen ("arms"): ${m[1]} er taget som interventionsgruppen, ${m[2]} som kontrolgruppen`],
  [/^check the arm names in "armLabels": every table, chart and sentence of the reports calls the arms by them; a Danish report uses "en" where there is no "da"$/, () => 'tjek gruppernes navne i "armLabels": hver tabel, figur og sætning i rapporterne kalder grupperne ved dem; en dansk rapport bruger "en", hvor der ikke er noget "da"'],
  [/^EQ-5D: check the version \(eq5d5l or eq5d3l\) and the value set \("valueSet"\)$/, () => 'EQ-5D: tjek versionen (eq5d5l eller eq5d3l) og værdisættet ("valueSet")'],
  [/^(.+) has no published MCID, so (".*?") is not among the drafted outcomes: add (\{.*\}) to "outcomes", with the MCID your protocol names$/, (m) => `${m[1]} har ingen publiceret MCID, så ${m[2]} er ikke blandt udkastets effektmål: tilføj ${m[3]} til "outcomes" med den MCID, jeres protokol angiver`],
  [/^outcome (".*?") \(yes\/no, column (".*?")\): drafted "direction": "lower-is-better" \(fewer "yes" answers is the good result\): check it$/, (m) => `effektmål ${m[1]} (ja/nej, kolonnen ${m[2]}): udkastet har "direction": "lower-is-better" (færre "ja"-svar er det gode resultat): tjek det`],
  [/^check the outcome names \("label" of each outcome\): every table, chart and sentence of the reports names the outcomes by them$/, () => 'tjek effektmålenes navne ("label" for hvert effektmål): hver tabel, figur og sætning i rapporterne nævner effektmålene ved dem'],
];

/** A guess or check of the draft in Danish, or as made when the catalogue does not know it. */
export function draftLineDa(line: string): string {
  for (const [re, da] of RULES) {
    const m = re.exec(line);
    if (m) return da(m);
  }
  return line;
}

/** The headings and the closing line of `hta plan init`'s listing, in each language. */
export const DRAFT_TEXT = {
  guessed: { en: 'guessed:', da: 'gættet:' },
  check: { en: 'check before analysing:', da: 'tjek før analysen:' },
  wrote: { en: (out: string, then: string) => `wrote ${out}; then: ${then}`, da: (out: string, then: string) => `skrev ${out}; derefter: ${then}` },
} as const;

/**
 * `hta plan init --lang da`: what the draft guessed and what to check, in Danish. The draft words
 * them in English (draft-plan.ts); this catalogue words the common ones in the Danish of
 * docs/glossary-da.md, as warnings-da.ts does for `hta meta`'s warnings. A line it does not know is
 * shown as made, in English — whole: a rule translates a line only when every word it keeps from it
 * is a name, a code or a number (a rule returns undefined for a part it cannot word), so no line is
 * half Danish, half English. The plan file itself keeps its documented keys ("arms", "outcomes"…),
 * quoted as written in both languages (docs/plan-trial.md, "plan init in Danish").
 */

type Rule = [RegExp, (m: RegExpExecArray) => string | undefined];

/** "items rmdq_1…rmdq_24", "column "pain"", "mo = eq5d_mo, …": where an outcome was drafted from; undefined for any other wording. */
const fromDa = (s: string): string | undefined => {
  if (s.startsWith('items ')) return `spørgsmålene ${s.slice('items '.length)}`;
  if (/^column "[^"]*"$/.test(s)) return `kolonnen ${s.slice('column '.length)}`;
  // EQ-5D's dimensions by their columns: codes only.
  return /^[\w.-]+ = /.test(s) && !/\b(?:column|items?|from|and)\b/.test(s) ? s : undefined;
};
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

const RULES: Rule[] = [
  [/^patient id column: (".*")$/, (m) => `kolonne med patient-id: ${m[1]}`],
  [/^long layout: visits from column (".*?"): (.*)$/, (m) => `langt format: besøg fra kolonnen ${m[1]}: ${m[2]}`],
  // The suffixes and the visits they are read as (`_baseline, _3mdr → 3m`): codes only.
  [/^wide layout: visits from column suffixes ([^A-Za-z]*(?:[\w"]+[^A-Za-z]*)*)$/, (m) => (/\b(?:from|and|or|column)\b/.test(m[1]!) ? undefined : `bredt format: besøg fra kolonnernes endelser ${m[1]}`)],
  [/^wide layout, visit numbers written straight after the name as Stata's reshape wide writes them \((.*?)\): (.*)$/, (m) => `bredt format, besøgsnumre skrevet lige efter navnet, som Statas reshape wide skriver dem (${m[1]}): ${m[2]}`],
  [/^(arm|REDCap arm)(s?) not compared \("otherArms"\): (".*")$/, (m) => `${m[1] === 'arm' ? 'gruppe' : 'REDCap-gruppe'}${m[2] ? 'r' : ''}, der ikke indgår i denne sammenligning ("otherArms"): ${m[3]}`],
  [/^missing-value codes: check that none of them is a real answer$/, () => 'koder for manglende værdier: tjek, at ingen af dem er et rigtigt svar'],
  [/^missing-value codes: ((?:"[^"]*"(?:, )?)+)$/, (m) => `koder for manglende værdier: ${m[1]}`],
  [/^arm column (".*?"): (".*?") = intervention, (".*?") = control$/, (m) => `gruppekolonne ${m[1]}: ${m[2]} = interventionsgruppe, ${m[3]} = kontrolgruppe`],
  [/^arm names for the reports \("armLabels"\): intervention (".*?") \(from (".*?")\), control (".*?") \(from (".*?")\)$/, (m) => `gruppernes navne i rapporterne ("armLabels"): interventionsgruppe ${m[1]} (fra ${m[2]}), kontrolgruppe ${m[3]} (fra ${m[4]})`],
  [/^not drafted: outcome (".*?") \(([\w.-]+)\) from (.*), which needs an MCID$/, (m) => ((from) => from && `ikke i udkastet: effektmål ${m[1]} (${m[2]}) fra ${from}, som kræver en MCID`)(fromDa(m[3]!))],
  [/^outcome (".*?") \(([\w.-]+)\) from (.*)$/, (m) => ((from) => from && `effektmål ${m[1]} (${m[2]}) fra ${from}`)(fromDa(m[3]!))],
  [/^covariates: keep only those the trial protocol pre-specified for adjustment$/, () => 'kovariater: behold kun dem, forsøgets protokol på forhånd har angivet til justering'],
  [/^covariates: (.*)$/, (m) => ((list) => list && `kovariater: ${list}`)(covariatesDa(m[1]!))],
  // The columns not used, by their names only (a line that says more about one stays English: "column 1, which has no name: …", a REDCap checkbox field).
  [/^not used: ([^:"()]*)$/, (m) => (/\b(?:column|which|field|and)\b/.test(m[1]!) ? undefined : `ikke brugt: ${m[1]}`)],
  [/^give the plan a "title" \(the trial's name, in "en" and "da"\): it heads every report page$/, () => 'giv planen en "title" (forsøgets navn på "en" og "da"): den står øverst på hver rapportside'],
  [/^the export's file name holds a personal identity number's shape: /, () => 'eksportens filnavn har et personnummers form: den foreslåede titel viser det maskeret (DDMMYY-XXXX), som rapportsiderne gør — giv forsøgets eget navn, og omdøb filen, hvis nummeret er en persons'],
  [/^no "\$schema" line: /, () => 'ingen "$schema"-linje: hta\'s skema ligger uden for denne mappes projekt, og en sti dertil ville kun gælde på denne maskine — vil du have editorens tjek, så skriv det ved siden af planen (hta plan schema > plan.schema.json) og tilføj "$schema": "plan.schema.json"'],
  [/^check which arm value is the intervention \("arms"\): (".*?") was taken as the intervention, (".*?") as the control$/, (m) => `tjek, hvilken gruppeværdi der er interventionsgruppen ("arms"): ${m[1]} er taget som interventionsgruppen, ${m[2]} som kontrolgruppen`],
  [/^check the arm names in "armLabels": every table, chart and sentence of the reports calls the arms by them; a Danish report uses "en" where there is no "da"$/, () => 'tjek gruppernes navne i "armLabels": hver tabel, figur og sætning i rapporterne kalder grupperne ved dem; en dansk rapport bruger "en", hvor der ikke er noget "da"'],
  // Each part optional: the names "en" repeats, and the Danish names that keep the export's capital (draft-plan.ts capitalNote).
  [/^check the arm names in "armLabels": every table, chart and sentence of the reports calls the arms by them(?:; "en" repeats the export's own names? \(((?:"[^"]*"(?:, )?)+)\): write (?:them|it) in English for English reports(?: \(("[^"]*" for "[^"]*"(?:, "[^"]*" for "[^"]*")*)\))?)?(?:; "da" ((?:"[^"]*"(?: and )?)+) keeps? the export's capital, so the pages write (them|it) so mid-sentence \("til fordel for ([^"]*)"\): write "da" in lower case if it is a common noun, not a name \(docs\/plan-trial\.md#arm-names\))?$/, (m) => {
    if (m[1] === undefined && m[3] === undefined) return undefined;
    const hints = m[2] === undefined ? '' : namesForDa(m[2]);
    if (hints === undefined) return undefined;
    const repeats = m[1] === undefined ? '' : `; "en" gentager eksportens egne navne (${m[1]}): skriv dem på engelsk til engelske rapporter${hints ? ` (${hints})` : ''}`;
    const capital = m[3] === undefined ? '' : `; "da" ${m[3].replaceAll('" and "', '" og "')} beholder eksportens store begyndelsesbogstav, så siderne skriver ${m[4] === 'them' ? 'dem' : 'det'} sådan midt i en sætning ("til fordel for ${m[5]}"): skriv "da" med små bogstaver, hvis det er et fællesnavn og ikke et navn (docs/plan-trial.md#arm-names)`;
    return `tjek gruppernes navne i "armLabels": hver tabel, figur og sætning i rapporterne kalder grupperne ved dem${repeats}${capital}`;
  }],
  [/^("[^"]*") has decimals \(an average\?\): read with the plan instrument ("[\w.-]+") \(([-–\d.]+), MCID ([\d.]+)\): check range and MCID$/, (m) => `${m[1]} har decimaler (et gennemsnit?): læst med planens instrument ${m[2]} (${m[3]}, MCID ${m[4]}): tjek skalaens spænd og MCID`],
  [/^every outcome is "critical" \(no "importance" given\): the summary of findings and the conclusion weigh them alike as critical, and each needs a GRADE "certainty" — give the secondary ones "importance": "important" \(medication use and adverse events usually are(?:: ((?:"[^"]*"(?:, )?)+)\?)?\), and each outcome its "certainty" \(docs\/plan-trial\.md#certainty\)$/,
    (m) => `hvert effektmål er "critical" (intet "importance" angivet): evidensprofilen og konklusionen vægter dem ens som kritiske effektmål, og hvert kræver en GRADE-"certainty" — giv de sekundære "importance": "important" (det er medicinforbrug og utilsigtede hændelser som regel${m[1] ? `: ${m[1]}?` : ''}), og hvert effektmål sin "certainty" (docs/plan-trial.md#certainty)`],
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
  [/^not used: (".*?"), a REDCap form status \(0 Incomplete, 1 Unverified, 2 Complete\), not an answer$/, (m) => `ikke brugt: ${m[1]}, en REDCap-skemastatus (0 Incomplete, 1 Unverified, 2 Complete), ikke et svar`],
  [/^not used: column 1, which has no name: row names, as R's write\.csv and pandas write them$/, () => 'ikke brugt: kolonne 1, som ikke har noget navn: rækkenavne, som R\'s write.csv og pandas skriver dem'],
  [/^(column ".*?"|EQ-5D): ((?:"[^"]*"(?:, )?)+) drafted as missing-value codes? \("don't know"\)(, not a category of its own in the ANCOVA and Table 1)?: check that none is an answer$/,
    (m) => `${m[1]!.startsWith('column ') ? `kolonnen ${m[1]!.slice('column '.length)}` : m[1]}: ${m[2]} er i udkastet ${m[2]!.includes('", "') ? 'koder' : 'en kode'} for manglende værdi ("ved ikke")${m[3] ? ', ikke en kategori for sig i ANCOVA og tabel 1' : ''}: tjek, at ${m[2]!.includes('", "') ? 'ingen af dem' : 'den ikke'} er et svar`],
  [/^not drafted as an outcome: (".*?") holds whole numbers ([\d–-]+), a count rather than yes\/no — the plan instrument (".*?") is drafted for it$/,
    (m) => `ikke i udkastet som effektmål: ${m[1]} indeholder hele tal ${m[2]}, et antal snarere end ja/nej — planens instrument ${m[3]} er lavet til den`],
  [/^(".*?") holds numbers ([\d–-]+), not yes\/no answers: drafted the instrument (".*?") \(range ([\d–-]+)( as observed|, the days of the period its name gives \(a week when it gives none\)), (lower-is-better|higher-is-better); (widen the range to the scale's if a value could lie beyond it|the range is only what this file holds: set it to what the outcome can take \(a sum of DDD or of contacts has no fixed top, e\.g\. 0–1000\), or the next extract with a larger value is refused|check the range)\) — add (\{.*\}) to "outcomes", with the MCID your protocol names$/,
    (m) => `${m[1]} indeholder tallene ${m[2]}, ikke ja/nej-svar: udkastet har instrumentet ${m[3]} (spænd ${m[4]}${m[5] === ' as observed' ? ' som observeret' : ', dagene i den periode, navnet angiver (en uge, når det ikke angiver nogen)'}, ${m[6]}; ${m[7]!.startsWith('widen') ? 'udvid spændet til skalaens, hvis en værdi kan ligge uden for det' : m[7]!.startsWith('the range is only') ? 'spændet er kun det, denne fil indeholder: sæt det til det, effektmålet kan antage (en sum af DDD eller kontakter har ingen fast øvre grænse, fx 0–1000), ellers afvises det næste udtræk med en større værdi' : 'tjek spændet'}) — tilføj ${m[8]} til "outcomes" med den MCID, jeres protokol angiver`],
  [/^the arm (values (".*?") and (".*?") are codes, not names|value (".*?") is a code, not a name): the reports will call the arms ("App \+ usual care" and "Usual care"|"Intervention" and "Control") until you name them\. Add to the plan: ("armLabels": \{.*\})$/,
    (m) => `${m[2] !== undefined ? `gruppeværdierne ${m[2]} og ${m[3]} er koder, ikke navne` : `gruppeværdien ${m[4]} er en kode, ikke et navn`}: rapporterne kalder grupperne ${m[5]!.replace('" and "', '" og "')}, indtil I navngiver dem. Tilføj i planen: ${m[6]}`],
];

/** A guess or check of the draft in Danish, or as made when the catalogue does not know it. */
export function draftLineDa(line: string): string {
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
  [/^regions seen in (all|the first) ([\d,]+) rows: (.*) — the eligible file must name each \(or map a spelling with "regions"\)$/,
    (m) => `regioner set i ${m[1] === 'all' ? 'alle' : 'de første'} ${thousandsDa(m[2]!)} rækker: ${m[3]} — filen med antal berettigede skal nævne hver af dem (eller en stavemåde kan angives i "regions")`],
  [/^the registry is small \(([\d,]+) rows, under 2,000\): the draft leaves the monthly series, the clinic funnel and the equity breakdowns out (\("publish": \{ "months": false, "clinics": false, "equity": \[\] \}\)) so that the regions' and the country's totals are not suppressed with the small counts around them — switch one back on (\("months": true, "clinics": true, "equity": \["sex"\]\)) and rerun to see what it costs$/,
    (m) => `registret er lille (${thousandsDa(m[1]!)} rækker, under 2.000): udkastet udelader den månedlige serie, klinikkernes tragtplot og opdelingerne ${m[2]}, så regionernes og landets totaler ikke diskretioneres sammen med de små antal omkring dem — slå en af dem til igen ${m[3]}, og kør igen for at se, hvad det koster`],
];

/** A note of the uptake draft in Danish, or as made (whole, in English) when the catalogue does not know it. */
export function uptakeDraftLineDa(line: string): string {
  for (const [re, da] of UPTAKE_RULES) {
    const m = re.exec(line);
    if (m) return da(m) ?? line;
  }
  return line;
}

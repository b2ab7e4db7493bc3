/**
 * The refusals of an export pandas wrote in a shape hta does not read (export-layouts.ts
 * `meltedLayout`, `tupleHeaderLayout`) in Danish, for `--lang da` (docs/cli.md "Danish output"):
 * plan init's guess, its refusal's message and what to write, and validate's, analyze's and
 * report's refusal (trial/pandas-shape-check.ts) — each line whole, the pandas and R code as
 * written. The layout is "format" in Danish, as "langt format" and "bredt format" (docs/glossary-da.md).
 * Apart from export-layouts.ts so that the Danish catalogues (report/problem-text.ts,
 * plan/draft-notes-da.ts) read the English back without loading the draft.
 */

/** What melt() made: every measure in one column. */
const MELT_WHAT = `pandas' melt() (one row per patient, visit and measure: the outcome's name in column "variable", its value in "value"), where hta reads one column per outcome`;
const MELT_WHAT_DA = `pandas' melt() (én række pr. patient, besøg og mål: effektmålets navn i kolonnen "variable", dets værdi i "value"), hvor hta læser én kolonne pr. effektmål`;
/** A header of column tuples: the first two, and how many when more. */
const TUPLES_WHAT = /^pandas tuples \((".*?", ".*?")(?:, … (\d+) columns)?\), a MultiIndex written with str\(c\), where hta reads a measure at a visit as one name \(rmdq_3m\)$/;

/** `the layout: …` (as the refusal says it), `layout: …` (plan init's guess) or `the column names: …`, in Danish; undefined for another text. */
export function pandasLayoutWhatDa(text: string): string | undefined {
  const layout = /^(the layout: |layout: |)(.*)$/s.exec(text)!;
  if (layout[2] === MELT_WHAT) return `${layout[1] === 'the layout: ' ? 'formatet: ' : layout[1] === 'layout: ' ? 'format: ' : ''}${MELT_WHAT_DA}`;
  const names = /^(the column names: )?(.*)$/s.exec(text)!;
  const tuples = TUPLES_WHAT.exec(names[2]!);
  if (!tuples) return undefined;
  return `${names[1] ? 'kolonnenavnene: ' : ''}pandas-tupler (${tuples[1]}${tuples[2] ? `, … ${tuples[2]} kolonner` : ''}), et MultiIndex skrevet med str(c), hvor hta læser et mål ved et besøg som ét navn (rmdq_3m)`;
}

const DOC = '(docs/input-trial-export.md#pandas-shapes)';
/** The two endings of what to write: plan init's, and validate's (trial/pandas-shape-check.ts). */
const THEN = ` — (then run plan init on that file|then run hta on that file with a plan naming its columns, or draft one with hta plan init) \\(docs/input-trial-export\\.md#pandas-shapes\\)$`;
const thenDa = (then: string): string =>
  then.startsWith('then run plan init') ? `kør så plan init på den fil ${DOC}` : `kør så hta på den fil med en plan, der angiver dens kolonner, eller lav et udkast til en med hta plan init ${DOC}`;
const MELT_WRITE = new RegExp(`^one column per outcome: pivot the file back in pandas — (df\\.pivot\\(index=\\[.*\\], columns="variable", values="value"\\)\\.reset_index\\(\\)\\.to_csv\\("export\\.csv", index=False\\)) \\(in R, (tidyr::pivot_wider\\(df, names_from = variable, values_from = value\\))\\)${THEN}`, 's');
const TUPLES_WRITE = new RegExp(`^one name per column: join each tuple in pandas before writing, (df\\.columns = \\['_'\\.join\\(map\\(str, c\\)\\) for c in df\\.columns\\]) in place of str\\(c\\) \\(\\('rmdq', '3m'\\) becomes rmdq_3m\\)${THEN}`);

/** What to write for either shape, in Danish; undefined for another text. */
export function pandasLayoutWriteDa(text: string): string | undefined {
  const melt = MELT_WRITE.exec(text);
  if (melt) return `én kolonne pr. effektmål: pivotér filen tilbage i pandas — ${melt[1]} (i R: ${melt[2]}) — ${thenDa(melt[3]!)}`;
  const tuples = TUPLES_WRITE.exec(text);
  if (tuples) return `ét navn pr. kolonne: sæt hver tupel sammen i pandas, før filen skrives, ${tuples[1]} i stedet for str(c) (('rmdq', '3m') bliver til rmdq_3m) — ${thenDa(tuples[2]!)}`;
  return undefined;
}

/**
 * The refusals' messages: validate's `<file>: <what>; the plan's outcome columns are not in it`
 * and plan init's `plan init could not decide <what>; nothing was written`; undefined for another text.
 */
export function pandasLayoutMessageDa(text: string): string | undefined {
  const trial = /^(.+?): (pandas' melt\(\) .*|the column names: pandas tuples .*); the plan's outcome columns are not in it$/s.exec(text);
  if (trial) {
    const what = pandasLayoutWhatDa(trial[2]!);
    return what === undefined ? undefined : `${trial[1]}: ${what}; planens kolonner for effektmålene er ikke i den`;
  }
  const init = /^plan init could not decide (.*); nothing was written$/s.exec(text);
  const what = init ? pandasLayoutWhatDa(init[1]!) : undefined;
  return what === undefined ? undefined : `plan init kunne ikke afgøre ${what}; intet er skrevet`;
}

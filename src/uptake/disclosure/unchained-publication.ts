/**
 * A publication made without `--previous` carries no chain: a later run that names it knows only
 * it, not the publications before it, and can print counts that differ from theirs by a few
 * patients (docs/disclosure-control.md "A link made without --previous"). hta cannot know
 * whether earlier publications exist; it can know that the earliest publication it was given was
 * made without a chain (no `previous` key in its results.json) and not declared the first
 * (`--first-publication`, its `firstPublication`) while it printed referrals before its export month — a registry that had run before it, so possibly published before it. Then it
 * says so: on stderr, on the page (results.json `previous.unchained`, carried on while that
 * publication stays the earliest known) and in the audit.
 */

/** A metric row as a results.json prints it (the referrals a number or the marker). */
interface MetricRow { period: string; referrals?: unknown }

/** The first day of a referral period ("2025" → 2025-01-01, "2025-03" → 2025-03-01); undefined for "all". */
function periodStart(period: string): string | undefined {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  return undefined;
}

/**
 * Whether a publication printed referrals in a period that began before its export month (a
 * number above 0, or hidden: hidden counts are not 0 unless zeros are sensitive, and then the
 * tool cannot tell); undefined when it printed no period at all (only the whole export). Where it
 * prints months they are read, not its row of the export year: that row holds the export month
 * too, so its referrals need not be earlier (rows of earlier years are). With years alone, that year's row counts
 * unless the export month is January (which of its months the referrals fell in is unknown: the
 * warning is kept).
 */
export function referralsBeforeMonth(metrics: readonly MetricRow[], exportDate: string): boolean | undefined {
  const monthStart = `${exportDate.slice(0, 7)}-01`;
  const dated = metrics.filter((m) => periodStart(m.period) !== undefined);
  if (dated.length === 0) return undefined;
  const hasMonths = dated.some((m) => m.period.length === 7);
  // A year row of an earlier year is before the month whatever else is printed.
  const periods = dated.filter((m) => m.period.length === 7 || !hasMonths || m.period < exportDate.slice(0, 4));
  return periods.some((m) => periodStart(m.period)! < monthStart && (m.referrals === 'suppressed' || (typeof m.referrals === 'number' && m.referrals > 0)));
}

/** An earliest publication known that was made without --previous, with the file that says so. */
export interface UnchainedPublication { exportDate: string; file: string; via?: string }

/**
 * Those of `unchained` of another export date than `exportDate`: another cut of this same extract
 * is not the subject, its lack of a chain is this publication's own (said by noPreviousNote).
 */
export function unchainedBefore(unchained: readonly UnchainedPublication[] | undefined, exportDate: string): UnchainedPublication[] {
  return (unchained ?? []).filter((u) => u.exportDate !== exportDate);
}

/** The month of an ISO date in words ("November 2025", Danish "november 2025"), for messages. */
function monthWords(iso: string, lang: 'en' | 'da' = 'en'): string {
  return new Date(`${iso.slice(0, 7)}-01T00:00:00Z`).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The run's warning (stderr) when the earliest publication named or carried was made without --previous. */
export function unchainedNote(unchained: readonly UnchainedPublication[], named: readonly string[], lang: 'en' | 'da' = 'en'): string | undefined {
  if (unchained.length === 0) return undefined;
  const first = unchained[0]!;
  if (lang === 'da') {
    const which = unchained.map((u) => (u.via ? `${u.file} (${u.via}: offentliggørelsen med udtræksdato ${u.exportDate})` : `${u.file} (udtræksdato ${u.exportDate})`)).join('; ');
    const chain = ['--previous <hver tidligere offentliggørelse>.json …', ...named.map((f) => `--previous ${f}`)].join(' ');
    return `${which} blev lavet uden --previous, selvom den viser henvisninger før ${monthWords(first.exportDate, 'da')}: den bærer ingen tidligere offentliggørelse med sig, så denne kørsel kender ingen før den. Hvis registret blev offentliggjort før ${first.exportDate}, så angiv også hver tidligere offentliggørelse (${chain}) — denne kørsel er ikke beskyttet mod dem, og dens antal kan trækkes fra deres; hvis ${first.exportDate} var registrets første offentliggørelse, skal der ikke gøres mere (docs/disclosure-control.md "A link made without --previous")`;
  }
  const which = unchained.map((u) => (u.via ? `${u.file} (${u.via}: the publication of ${u.exportDate})` : `${u.file} (export date ${u.exportDate})`)).join('; ');
  const chain = ['--previous <each earlier publication>.json …', ...named.map((f) => `--previous ${f}`)].join(' ');
  return `${which} was made without --previous, though it prints referrals before ${monthWords(first.exportDate)}: it carries no earlier publication, so this run knows none before it. If this registry was published before ${first.exportDate}, name every earlier publication too (${chain}) — this run is not protected against them and its counts can be subtracted from theirs; if ${first.exportDate} was the first publication of this registry, nothing more is needed (docs/disclosure-control.md "A link made without --previous")`;
}

/**
 * The run's warning (stderr) when it is made without --previous on a registry with referrals
 * before the export month: publications before this one are not known, and a later publication
 * naming only this one will not know them either.
 */
export function noPreviousNote(metrics: readonly MetricRow[], exportDate: string, from: 'cli' | 'manifest' = 'cli', lang: 'en' | 'da' = 'en'): string | undefined {
  if (referralsBeforeMonth(metrics, exportDate) === false) return undefined;
  if (lang === 'da' && from === 'cli') {
    return `denne offentliggørelse laves uden --previous, og registret har henvisninger før ${monthWords(exportDate, 'da')}: hvis registret er offentliggjort før (et udtræk med udtræksdato før ${exportDate}), så stop og angiv den offentliggørelses results.json med --previous (den seneste bærer dem før den med sig), ellers kan de to trækkes fra hinanden. Hvis ingen er, så sig det med --first-publication (gemmes i results.json, så senere kørsler, der angiver denne, ved, at intet mangler); uden det advarer en senere offentliggørelse, der angiver denne, og den skal også angive hver offentliggørelse før denne (--previous <tidligere>.json … --previous <denne results.json>), da denne ikke bærer nogen med sig (docs/disclosure-control.md "A link made without --previous")`;
  }
  // hta report's entry says it with its own keys ("previous", "firstPublication").
  const [previous, first] = from === 'cli' ? ['--previous', '--first-publication'] : ['"previous" in its manifest entry', '"firstPublication": true in its manifest entry'];
  return `this publication is made without ${previous}, and the registry has referrals before ${monthWords(exportDate)}: if this registry was published before (an export dated before ${exportDate}), stop and name that publication's results.json with ${previous} (the latest one carries those before it), or the two can be subtracted. If none was, say so with ${first} (recorded in results.json, so later runs naming this one know nothing is missing); without it a later publication naming this one warns, and must name every publication before this one too (--previous <earlier>.json … --previous <this results.json>), since this one carries none (docs/disclosure-control.md "A link made without --previous")`;
}

/** The audit's line on it (text), or undefined when every earliest publication known had a chain. */
export function unchainedAuditLine(unchained: readonly UnchainedPublication[], lang: 'en' | 'da' = 'en'): string | undefined {
  if (unchained.length === 0) return undefined;
  const u = unchained[0]!;
  if (lang === 'da') {
    const via = u.via === 'its previous.unchained records it' ? `${u.file}, hvis previous.unchained angiver den` : u.via ? `${u.file}, ${u.via}` : u.file;
    return `Forsigtig: den tidligste kendte offentliggørelse, fra ${u.exportDate} (${via}), blev lavet uden --previous, selvom den viser henvisninger før ${monthWords(u.exportDate, 'da')}: eventuelle offentliggørelser før den kender denne kontrol ikke (og det gjorde offentliggørelsen heller ikke). Var der nogen, så kør kontrollen igen og angiv også hver af dem: --previous <tidligere>.json … (docs/disclosure-control.md "A link made without --previous").`;
  }
  return `Caution: the earliest publication known, of ${u.exportDate} (${u.via ? `${u.file}, ${u.via}` : u.file}), was made without --previous though it prints referrals before ${monthWords(u.exportDate)}: publications before it, if any, are not known to this audit (nor were they to the publication). If there were any, audit again naming every one of them too: --previous <earlier>.json … (docs/disclosure-control.md "A link made without --previous").`;
}

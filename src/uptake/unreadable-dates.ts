/**
 * The words of the refusal of an --exclude-invalid read that would leave out more than 1 in 20
 * rows for an activation or last-activity cell that is no date (read-registry.ts
 * unreadableActivationError; docs/input-registry.md "Problems and invalid rows"), in English and,
 * read back by a Danish run's error printer, Danish (report/problem-text.ts; docs/cli.md "Danish
 * output"). A module of its own so the printer does not load the registry reader.
 */

/** What the refusal says after the share, in English and Danish. */
const UNREADABLE_TAILS = {
  activation: {
    en: 'have an activation cell that is no date; --exclude-invalid would leave them out, but an activation that cannot be read is no evidence either way, and so many usually mean a code for "no activation" (a SAS special missing value written as a bare letter, a word): the rate published would be that of the other rows — so hta stops here. Declare the code in the uptake plan\'s "missingCodes", or export the activation date again (empty where there is none)',
    da: 'har en aktiveringscelle, der ikke er en dato; --exclude-invalid ville udelade dem, men en aktivering, der ikke kan læses, siger intet om udfaldet, og så mange betyder som regel en kode for "ingen aktivering" (en særlig manglende værdi fra SAS skrevet som et enkelt bogstav, et ord): den offentliggjorte rate ville være de andre rækkers — så hta stopper her. Angiv koden i optagsplanens "missingCodes", eller eksportér aktiveringsdatoen igen (tom, hvor der ingen er)',
  },
  lastActive: {
    en: 'have a last-activity cell that is no date; --exclude-invalid would leave them out, but so many usually mean a code for "no date" (pandas\' NaT, MySQL\'s 0000-00-00, a word): a referral without an activation has no last activity, so the rows left out would be those referrals, and the activation rate published that of the other rows (100% when every one of them is coded so) — so hta stops here. Declare the code in the uptake plan\'s "missingCodes", or export the last-activity date again (empty where there is none)',
    da: 'har en celle for sidste aktivitet, der ikke er en dato; --exclude-invalid ville udelade dem, men så mange betyder som regel en kode for "ingen dato" (pandas\' NaT, MySQL\'s 0000-00-00, et ord): en henvisning uden aktivering har ingen sidste aktivitet, så de udeladte rækker ville være de henvisninger, og den offentliggjorte aktiveringsrate ville være de andre rækkers (100 %, når hver af dem er kodet sådan) — så hta stopper her. Angiv koden i optagsplanens "missingCodes", eller eksportér datoen for sidste aktivitet igen (tom, hvor der ingen er)',
  },
} as const;

/**
 * The Danish of unreadableActivationError's messages under `--lang da` (report/problem-text.ts
 * reads them back; docs/cli.md "Danish output"); undefined for another text.
 */
export function unreadableDatesMessageDa(text: string): string | undefined {
  const m = /^(.+): (\d+) of (\d+) rows \((\d+)\.(\d)%, more than 1 in 20\) (have .*)$/s.exec(text);
  const tail = m ? Object.values(UNREADABLE_TAILS).find((t) => t.en === m[6]) : undefined;
  if (!m || !tail) return undefined;
  return `${m[1]!}: ${m[2]!} af ${m[3]!} rækker (${m[4]!},${m[5]!} %, mere end 1 ud af 20) ${tail.da}`;
}


/** The refusal's message: `n` of `rows` rows have an unreadable `cell`. */
export function unreadableDatesMessage(file: string, n: number, rows: number, cell: keyof typeof UNREADABLE_TAILS): string {
  return `${file}: ${n} of ${rows} rows (${(100 * n / rows).toFixed(1)}%, more than 1 in 20) ${UNREADABLE_TAILS[cell].en}`;
}

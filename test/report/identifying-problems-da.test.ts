/**
 * The refusals of a column whose levels would print one patient (src/trial/identifying-characteristic.ts:
 * dates, one name per patient, an e-mail address or phone number where a category belongs) have
 * their Danish wording whole under --lang da (src/report/problem-text.ts), for each place a column
 * is printed (a Table 1 characteristic, a covariate, a subgroup's level) and each sign a cell has;
 * so has the refusal of two responses of one patient to one survey round (trial/patient-ids.ts).
 */
import { describe, expect, it } from 'vitest';
import { danishProblemText } from '../../src/report/problem-text.js';
import { identifyingLevelProblems, planColumnUse, TABLE_1_CHARACTERISTIC } from '../../src/trial/identifying-characteristic.js';

const cells = (values: string[]) => values.map((value, i) => ({ value, line: i + 2, column: 4 }));
const USES = [TABLE_1_CHARACTERISTIC, planColumnUse('covariate'), planColumnUse('attribute')];
/** Words of the English texts that no Danish one holds. */
const ENGLISH = /\b(would|naming|groups|instead|the cell|holds|values|correct|column of|words|describing|category|one patient)\b/;

describe('identifying-level refusals in Danish', () => {
  it.each(USES.map((u) => [u.kind, u]))('%s: a column of dates, of one name per patient, and a cell with an e-mail, a phone number and a date', (_kind, use) => {
    const dates = identifyingLevelProblems('x.csv', 'Inklusion', cells(['17JUN2020', '18JUN2020', '19. juni 2020', 'Kvinde']), use);
    const names = identifyingLevelProblems('x.csv', 'Navn', cells(['Mette', 'Jens', 'Ole', 'Hanne', 'Per', 'Lis', 'Bo', 'Kaj']), use);
    const contact = identifyingLevelProblems('x.csv', 'Køn', cells([...Array(6).fill('Kvinde'), 'mette.hansen@gmail.com tlf 20456789 17-03-2021']), use);
    for (const problems of [dates, names, contact]) {
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        const da = danishProblemText(p.expected);
        expect(da, p.expected).toBeDefined();
        expect(da).not.toMatch(ENGLISH);
        if (p.detail !== undefined) {
          const detail = danishProblemText(p.detail);
          expect(detail, p.detail).toBeDefined();
          expect(detail).not.toMatch(/\b(a date|an e-mail|a long number|words)\b/);
        }
      }
    }
    expect(danishProblemText(contact[0]!.detail!)).toBe('cellen har et langt tal (et telefonnummer), en e-mailadresse, en dato');
  });
});

describe('two responses to one survey round in Danish', () => {
  it('the ids, the columns and the advice, whole', async () => {
    const { twoResponsesExpected } = await import('../../src/trial/patient-ids.js');
    const few = danishProblemText(twoResponsesExpected(['Respondent-id'], ['Status', 'PSEQ_1']));
    expect(few).toBe('én række pr. patient og tidspunkt: patientens rækker ved ét besøg har forskellige værdier i "Respondent-id", spørgeskemaets id for hver besvarelse, så de er to besvarelser af besøgets spørgeskema — oftest en patient, der har åbnet linket to gange (i SurveyXact én besvarelse "Påbegyndt" og én "Gennemført"); de er forskellige i "Status", "PSEQ_1". Behold den besvarelse, der gælder (den gennemførte), og slet den anden række i eksporten eller i spørgeskemaværktøjet før eksporten. hta vælger ikke mellem to besvarelser, så --exclude-invalid udelader ikke disse rækker');
    const many = danishProblemText(twoResponsesExpected(['_recordId', 'ResponseId'], Array.from({ length: 12 }, (_, i) => `Q${i + 1}`)));
    expect(many).toContain('har forskellige værdier i "_recordId" og "ResponseId"');
    expect(many).toMatch(/ og \d+ mere\. Behold/);
  });

  it('the detail naming the other row, long and wide exports (without it the group stayed English whole)', async () => {
    const { joinedListingDetail } = await import('../../src/trial/patient-ids.js');
    expect(danishProblemText(joinedListingDetail(false, '3m', 129, ['Status', 'PSEQ_1']))).toBe('patientens række ved "3m" står på linje 129 og er forskellig i "Status", "PSEQ_1"');
    expect(danishProblemText(joinedListingDetail(true, '', 12, Array.from({ length: 9 }, (_, i) => `Q${i}`)))).toMatch(/^patienten står også på linje 12 og er forskellig i "Q0", .* og \d+ mere$/);
  });
});

/**
 * plan init --lang da: the status column's guess and check lines (plan/flow-draft.ts), the death
 * wording among them, were printed in English under a Danish heading. Worded whole in Danish by
 * plan/draft-notes-da.ts; a part no pattern knows leaves the line English (never half Danish).
 */
import { describe, expect, it } from 'vitest';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';

describe('the status lines of plan init in Danish', () => {
  it('the guess: who left the study and who did not withdraw', () => {
    expect(draftLineDa('withdrawal reason: status column "Participant Status": "Lost to follow-up", "Deceased" = left the study ("flow.withdrawalReasons"), "Completed", "Randomized" = did not withdraw ("flow.notWithdrawn")'))
      .toBe('frafaldsårsag: statuskolonnen "Participant Status": "Lost to follow-up", "Deceased" = forlod forsøget ("flow.withdrawalReasons"), "Completed", "Randomized" = faldt ikke fra ("flow.notWithdrawn")');
  });

  it('the check: each value as taken, deaths among the losses', () => {
    expect(draftLineDa('check the status values in "flow": "Udgået" taken as lost to follow-up (left the study), "Død" as died (counted among the losses to follow-up, as CONSORT does, and named "Died" / "Død"), "Completed", "Randomized" as not withdrawn; give each reason a "label" for the participant flow'))
      .toBe('kontrollér statusværdierne i "flow": "Udgået" som tabt til opfølgning (forlod forsøget), "Død" som død (talt blandt de tabte til opfølgning, som CONSORT gør, og kaldt "Died" / "Død"), "Completed", "Randomized" som ikke frafaldet; giv hver årsag et "label" til flowdiagrammet');
  });

  it('a part it cannot word leaves the line English whole', () => {
    const line = 'check the status values in "flow": "X" taken as something new; give each reason a "label" for the participant flow';
    expect(draftLineDa(line)).toBe(line);
  });
});

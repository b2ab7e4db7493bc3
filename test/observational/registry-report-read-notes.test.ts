/**
 * A registry report says on stderr how its export was read — the encoding, CPR-shaped ids, header
 * spellings — as `hta analyze` says it, in the run's language (`hta report --lang da`): the notes
 * came in English after "bemærk:" because the report read the export without the run's language
 * (pages review, 6 December 2026).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = {
  design: 'observational',
  observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
  invalidRows: 'exclude',
};

describe('a registry report\'s read notes', () => {
  it('are said in the run\'s language: a Windows-1252 export under --lang da', async () => {
    const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only.csv', 'utf8').trim().split('\n');
    // One age written "44 år" (left out by the plan), in Windows-1252 as Danish Excel saves it.
    const csv = [head, ...rows.map((l, i) => (i === 0 ? l.replace(/^([^,]*,[^,]*,)(\d+)/, '$1$2 år') : l))].join('\r\n') + '\r\n';
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), Buffer.from(csv, 'latin1'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const notesIn = async (runLang: 'en' | 'da') => {
      const notes: unknown[] = [];
      const env = { input: (p: string) => join(dir, p), lang: 'da', runLang, version: 'test', memo: <T>(_k: string, f: () => T) => f(), note: (n: unknown) => notes.push(n), warn: () => {} };
      await registryReportKind.build({ id: 'reg', kind: 'registry', out: 'reg', lang: 'da', data: 'registry.csv', plan: 'plan.json' } as never, env as never);
      return notes.map(String).join('\n');
    };
    expect(await notesIn('da')).toContain('er ikke UTF-8: den er indlæst som Windows-1252');
    expect(await notesIn('en')).toContain('is not UTF-8: read as Windows-1252');
  }, 60_000);
});

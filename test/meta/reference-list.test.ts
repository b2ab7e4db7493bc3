/**
 * The meta page's References list every distinct citation of the input, grouped under the study's
 * name: a secondary analysis named after its trial (docs/input-studies.md, "One trial, one name"),
 * with the secondary paper in `citation`, is listed beside the trial's own paper, not dropped.
 * Input as a reviewer entered it: Sandal 2021's RMDQ rows cite JAMA 2021, its PSEQ subgroup rows
 * Rasmussen 2024.
 */
import { describe, expect, it } from 'vitest';
import { metaReportKind } from '../../src/report/kinds/meta-report.js';

async function references(data: string, lang: 'en' | 'da'): Promise<string[]> {
  const env = { input: (p: string) => p, lang, version: 't', memo: <T>(_k: string, f: () => T) => f() };
  const content = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang, data, preset: 'metafor' }, env);
  return (content.page.sections as { id: string; notes?: string[] }[]).find((s) => s.id === 'references')?.notes ?? [];
}

describe('References on the meta page', () => {
  it('a secondary paper on its trial\'s rows is listed under the trial, after its own paper', async () => {
    expect(await references('test/meta/fixtures/secondary.csv', 'en')).toEqual([
      'Sandal 2021: Sandal LF, et al. JAMA Intern Med 2021;181(10):1288-1296',
      'Sandal 2021: Rasmussen CDN, et al. Scand J Work Environ Health 2024;50(2):100-110 (secondary analysis)',
      'Åkesson 2022: Åkesson K, et al. Läkartidningen 2022;119:22045',
      'Søndergaard 2020: Søndergaard J, et al. Pain 2020;161:445-55',
    ]);
  });

  it('two citations of one study on different outcomes are both listed; one citation on several rows once', async () => {
    const notes = await references('test/meta/fixtures/responders.csv', 'da');
    expect(notes.filter((n) => n.startsWith('Ødegård 2019a: '))).toEqual(['Ødegård 2019a: Ødegård P, m.fl. Tidsskr Nor Legeforen. 2019;139(4).', 'Ødegård 2019a: Ødegård P, m.fl. 2019 (app-armen)']);
    expect(notes.filter((n) => n.startsWith('Sandal m.fl. 2021: '))).toHaveLength(1);
  });
});

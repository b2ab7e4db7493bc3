import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPTAKE_TEXT } from '../../src/report/i18n.js';
import { runCli, tempDir } from '../support/run-cli.js';

// The meta and uptake report kinds, through the same `hta report` machinery as the trial kind.
describe('hta report: meta and uptake kinds', () => {
  it('writes a forest plot per outcome × time and the uptake charts, with nothing below 5 visible', async () => {
    const dir = tempDir();
    // Manifest paths are relative to the manifest's folder; these lead out of it, which needs --allow-outside.
    const data = relative(dir, resolve('data'));
    const manifest = {
      reports: [
        { id: 'm', kind: 'meta', out: 'm', lang: 'en', data: join(data, 'published/selfback-studies.csv'), plan: join(data, 'plans/selfback.plan.json') },
        { id: 'u', kind: 'uptake', out: 'u', lang: 'da', registry: join(data, 'synthetic/registry.csv'), eligible: join(data, 'synthetic/eligible.csv'), plan: join(data, 'plans/uptake.plan.json') },
      ],
    };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--allow-outside');
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['forest-pseq-9m-md.svg', 'forest-pseq-9m-md.png', 'forest-rmdq-3m-md.vl.json', 'index.html', 'README.md', 'results.json']) {
      expect(existsSync(join(dir, 'out/m', f)), f).toBe(true);
    }
    for (const f of ['uptake-over-time', 'activation-funnel', 'equity', 'clinic-funnel', 'budget-impact']) {
      expect(existsSync(join(dir, 'out/u', `${f}.svg`)), f).toBe(true);
    }
    const html = readFileSync(join(dir, 'out/m/index.html'), 'utf8');
    expect(html).toContain('Test for subgroup differences');
    // The meta page opens with the pooled estimates table, also in its README.
    expect(html).toMatch(/<h2[^>]*>Pooled estimates<\/h2>[\s\S]*?<table[^>]*>[\s\S]*?Significant, but not clinically relevant/);
    const readme = readFileSync(join(dir, 'out/m/README.md'), 'utf8');
    expect(readme).toMatch(/\| Outcome \| Follow-up \| Trials \(participants\) \|/);
    // Sections of subgroup-only results name the subgroup; the full citations of the input are listed.
    expect(readme).toContain('## Average pain (NRS 0–10), subgroup: high physical demands, 3 months');
    expect(readme).toMatch(/## References[\s\S]*Sandal 2021: Sandal et al\., JAMA Intern Med 2021;181\(10\):1288-1296[\s\S]*Rasmussen 2024: Rasmussen et al\., Scand J Work Environ Health 2024/);
    // The uptake page carries each chart's table, in the report's language (Danish here).
    const uptakeHtml = readFileSync(join(dir, 'out/u/index.html'), 'utf8');
    for (const key of ['activationTitle', 'uptakeTitle', 'equityTitle', 'observedTitle', 'projectionTitle', 'projectionRegionTitle'] as const) {
      expect(uptakeHtml, key).toMatch(new RegExp(`<div class="figcaption"[^>]*>Tabel \\d+\\. ${UPTAKE_TEXT[key].da.replace('{scope}', 'hele landet').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)); // numbered, as every report's tables
    }
    expect(uptakeHtml).toContain('<th scope="row">Hele landet</th>');
    const uptake = JSON.parse(readFileSync(join(dir, 'out/u/results.json'), 'utf8'));
    // Every clinic count shown is either ≥ 5 or a suppression marker.
    for (const c of uptake.funnel.rows) {
      for (const v of [c.referrals, c.activations]) expect(typeof v === 'number' ? v >= 5 || v === 0 : ['<5', 'suppressed'].includes(v)).toBe(true);
    }
  });
});

/** `hta plan schema` and `hta plan check` for every file a user writes: trial plans, uptake plans, the report manifest. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../../src/cli/plan-files.js';
import { runCli, tempDir } from '../support/run-cli.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
const validator = (schema: unknown) => new Ajv2020.default({ allErrors: true, strict: false }).compile(schema as object);

function writeJson(value: unknown): string {
  const file = join(tempDir(), 'file.json');
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

describe('hta plan schema', () => {
  it.each([
    ['--uptake', 'schemas/uptake-plan.schema.json', 'data/plans/uptake.plan.json'],
    ['--manifest', 'schemas/manifest.schema.json', 'data/reports.json'],
  ])('%s prints the committed schema, which accepts the bundled file with its "$schema" line', async (option, schemaFile, bundled) => {
    const r = await runCli('plan', 'schema', option);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(read(schemaFile));
    const file = read(bundled);
    expect(file.$schema).toBe(`${bundled.startsWith('data/plans') ? '../../' : '../'}${schemaFile}`);
    const validate = validator(JSON.parse(r.stdout));
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the manifest schema checks each entry against its kind: a misspelt field or a missing input is flagged', () => {
    const validate = validator(read('schemas/manifest.schema.json'));
    const manifest = read('data/reports.json') as { reports: Record<string, unknown>[] };
    const [trial, , meta] = manifest.reports;
    expect(validate({ reports: [{ ...trial, charateristics: [] }] })).toBe(false);
    const { data: _data, ...noData } = meta!;
    expect(validate({ reports: [noData] })).toBe(false);
    expect(validate({ reports: [{ ...meta, kind: 'survival' }] })).toBe(false);
  });

  it.each([
    ['--cea-plan', 'schemas/cea-plan.schema.json'],
    ['--cea-results', 'schemas/cea-results.schema.json'],
    ['--meta-results', 'schemas/meta-results.schema.json'],
    ['--uptake-results', 'schemas/uptake-results.schema.json'],
  ])('%s prints the committed schema that cea, meta and uptake --help name', async (option, schemaFile) => {
    const r = await runCli('plan', 'schema', option);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(read(schemaFile));
  });

  it('refuses two schema options at once', async () => {
    const r = await runCli('plan', 'schema', '--uptake', '--manifest');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--uptake and --manifest');
  });
});

describe('hta plan check', () => {
  it('recognises the bundled uptake plan and manifest (by "$schema") and prints them with defaults filled in', async () => {
    const uptake = await runCli('plan', 'check', 'data/plans/uptake.plan.json');
    expect(uptake.code, uptake.stderr).toBe(0);
    expect(JSON.parse(uptake.stdout).priceModel.tiers).toHaveLength(4);
    const manifest = await runCli('plan', 'check', 'data/reports.json');
    expect(manifest.code, manifest.stderr).toBe(0);
    expect((JSON.parse(manifest.stdout) as { reports: { id: string }[] }).reports.map((r) => r.id)).toEqual(['selfback', 'selfback-da', 'selfback-meta', 'uptake', 'registry', 'registry-da', 'selfback-cea', 'selfback-cea-da']);
  });

  it('checks a trial plan (by "$schema", or by its outcomes) and prints it with defaults filled in', async () => {
    const bundled = await runCli('plan', 'check', 'data/plans/selfback.plan.json');
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(JSON.parse(bundled.stdout)).toMatchObject({ layout: 'auto', columns: { id: 'id', arm: 'arm', time: 'time' } });
    const { $schema: _s, ...plan } = read('data/plans/selfback.plan.json');
    const bare = await runCli('plan', 'check', writeJson({ ...plan, alpha: undefined }));
    expect(bare.code, bare.stderr).toBe(0);
    expect(JSON.parse(bare.stdout).alpha).toBe(0.05);
  });

  it('warns on stderr (still exit 0) when a critical outcome has no GRADE certainty, and not for the bundled plan', async () => {
    const bundled = await runCli('plan', 'check', 'data/plans/selfback.plan.json');
    expect(bundled.stderr).not.toContain('warning');
    const plan = read('data/plans/selfback.plan.json') as { outcomes: Record<string, unknown>[] };
    const outcomes = plan.outcomes.map((o) => (o.key === 'eq5d' || o.key === 'pseq' ? { ...o, certainty: undefined } : o));
    const r = await runCli('plan', 'check', writeJson({ ...plan, $schema: undefined, outcomes }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('outcome "eq5d" is critical but has no "certainty"');
    expect(r.stderr).not.toContain('"pseq"'); // important, not critical
  });

  it('recognises files by shape without "$schema" and fills defaults (uptake sensitivity, manifest lang, meta preset)', async () => {
    const { $schema: _u, sensitivity: _s, suppression: _t, ...uptakePlan } = read('data/plans/uptake.plan.json');
    const u = await runCli('plan', 'check', writeJson(uptakePlan));
    expect(u.code, u.stderr).toBe(0);
    expect(JSON.parse(u.stdout)).toMatchObject({ sensitivity: { uptake: 0.5, price: 0.2 }, suppression: { threshold: 5 } });
    const m = await runCli('plan', 'check', writeJson({ reports: [{ id: 'm', kind: 'meta', out: 'm', data: 'studies.csv' }] }));
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toEqual({ reports: [{ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'studies.csv', preset: 'metafor' }] });
    expect(fileKindOf({ outcomes: [] })).toBe('trial');
    expect(fileKindOf({ $schema: 'https://example.org/x/manifest.schema.json', priceModel: {} })).toBe('manifest');
    expect(fileKindOf({ $schema: 'other.json' })).toBeUndefined();
  });

  it('--kind forces the kind; an unknown kind of file or option is a usage error (exit 2, nothing printed)', async () => {
    const forced = await runCli('plan', 'check', 'data/plans/uptake.plan.json', '--kind', 'trial');
    expect(forced.code).toBe(2);
    expect(forced.stdout).toBe('');
    expect(forced.stderr).toContain('not a valid analysis plan');
    const unknown = await runCli('plan', 'check', writeJson({ title: 'x' }));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--kind trial|uptake|manifest');
    expect((await runCli('plan', 'check', 'data/reports.json', '--kind', 'survival')).code).toBe(2);
  });

  it('a manifest with a misspelt field, an unknown kind and a repeated id lists each problem', async () => {
    const manifest = read('data/reports.json') as { reports: Record<string, unknown>[] };
    const [trial, trialDa] = manifest.reports;
    const typo = await runCli('plan', 'check', writeJson({ reports: [{ ...trial, charateristics: [] }] }));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('(reports.0.charateristics)');
    expect(typo.stderr).toContain('did you mean "characteristics"?');
    const kinds = await runCli('plan', 'check', writeJson({ reports: [{ ...trial, kind: 'survival' }, { ...trialDa, kind: 'km' }] }));
    expect(kinds.code).toBe(2);
    expect(kinds.stderr).toMatch(/reports\.0\.kind[\s\S]*reports\.1\.kind/);
    const twice = await runCli('plan', 'check', writeJson({ reports: [trial, { ...trialDa, id: trial!.id }] }));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('reports.1.id');
  });
});

describe('hta plan init: one kind of input', () => {
  it('refuses neither or both of a trial export and --uptake, writing nothing', async () => {
    const none = await runCli('plan', 'init');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give a trial export .* or a registry export/);
    const both = await runCli('plan', 'init', 'data/synthetic/selfback-trial.csv', '--uptake', 'data/synthetic/registry.csv');
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
  });
});

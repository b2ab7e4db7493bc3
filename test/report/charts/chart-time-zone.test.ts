/**
 * A chart is the same drawing in every time zone (docs/architecture.md "Determinism"): vega reads
 * a temporal field and bins, ticks and formats it in local time unless its time unit is UTC, so a
 * month axis drawn in Copenhagen put summer points an hour off and `hta report --check` called the
 * committed page stale there (and a warm chart cache hid it). Every committed chart spec with a
 * temporal field is drawn here under four zones and must give the same SVG; every temporal field
 * must say UTC. The data's dates are calendar dates (`2025-06-01`), read by JavaScript as UTC.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/report/render/render-chart.js';

const manifest = JSON.parse(readFileSync('data/reports.json', 'utf8')) as { reports: { out: string }[] };
const SPECS = manifest.reports.flatMap((r) => readdirSync(join('reports', r.out)).filter((f) => f.endsWith('.vl.json')).map((f) => join('reports', r.out, f)));
const TEMPORAL = SPECS.filter((f) => readFileSync(f, 'utf8').includes('"temporal"'));

/** Every field definition of a spec (encodings, tooltips, layers…) that is temporal. */
function temporalFields(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const x of node) temporalFields(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'temporal' && typeof o.field === 'string') out.push(o);
    for (const v of Object.values(o)) temporalFields(v, out);
  }
  return out;
}

describe('charts in every time zone', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    // Node reads TZ again when it is assigned (or removed) at run time.
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('the bundled reports have a chart with a time axis', () => expect(TEMPORAL.length).toBeGreaterThan(0));

  it.each(TEMPORAL)('%s: every temporal field is read and formatted in UTC', (file) => {
    const fields = temporalFields(JSON.parse(readFileSync(file, 'utf8')));
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) expect(String(f.timeUnit ?? (f.scale as { type?: string } | undefined)?.type), JSON.stringify(f)).toMatch(/^utc/);
  });

  it.each(TEMPORAL)('%s: the same SVG in UTC, Copenhagen (summer time), New York and Chatham (+12:45/+13:45)', async (file) => {
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    const drawn = [];
    for (const tz of ['UTC', 'Europe/Copenhagen', 'America/New_York', 'Pacific/Chatham']) {
      process.env.TZ = tz;
      expect(new Date(2025, 5, 1).getTimezoneOffset() === 0).toBe(tz === 'UTC');
      drawn.push(await renderSvg(spec));
    }
    for (const svg of drawn.slice(1)) expect(svg).toBe(drawn[0]);
  });
});

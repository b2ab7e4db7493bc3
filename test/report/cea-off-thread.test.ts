/**
 * `hta report` runs the cost-effectiveness analysis on a worker thread when it runs from built
 * modules (src/report/cea-off-thread.ts). The result must be the one the main thread computes,
 * bit for bit (results.json and the charts are written from it): the built module's worker
 * result is compared with the in-thread analysis of the same files, and a plan error comes back
 * as the HtaError it was.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { copyOfSharedClosure } from '../support/built-closure.js';
import { ceaFixture } from '../support/cea-fixture.js';

describe('analyseCeaOffThread (built modules)', () => {
  it('gives the same result as the analysis on the main thread, and errors as they were', async () => {
    const closure = copyOfSharedClosure();
    onTestFinished(() => rmSync(closure.dir, { recursive: true, force: true }));
    const built = { url: closure.url('src/report/cea-off-thread.ts') };
    const mod = (await import(built.url)) as typeof import('../../src/report/cea-off-thread.js');
    const off = (await import(new URL('./off-thread.js', built.url).href)) as typeof import('../../src/report/off-thread.js');
    expect(off.builtModules).toBe(true);
    const f = ceaFixture({ missingMiddleVisit: true, utilityShift: 0.03 });
    const input = { dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json' };
    const [worker, main] = [await mod.analyseCeaOffThread(input), analyseCeaFiles(input)];
    expect(main.result.method.missing).toBe('mi'); // the imputation path, not only the complete-data one
    expect(JSON.stringify(worker)).toBe(JSON.stringify(main));
    // As it crosses the thread: a structured clone gives the plan's maps (objects without a prototype
    // on the main thread, src/plan/own-key-records.ts) Object's prototype again; nothing else differs.
    expect(worker).toStrictEqual(structuredClone(main));

    writeFileSync(join(f.dir, 'cea.json'), JSON.stringify({ trialPlan: 'trial.plan.json' }));
    const bad = await mod.analyseCeaOffThread(input).catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'HtaError', code: 'plan.invalid', exitCode: 2 });
    expect((bad as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
    // The worker's zod runs without its compiled fast path (analysis-worker-setup.ts): the same problems.
    const mainBad = (() => { try { analyseCeaFiles(input); } catch (e) { return e; } })();
    expect((bad as { problems: unknown[] }).problems).toEqual((mainBad as { problems: unknown[] }).problems);
  });
});

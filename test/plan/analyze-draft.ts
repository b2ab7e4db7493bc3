// Runs `hta analyze --json` on an export with a drafted plan: the numbers a user gets from the draft.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

export interface Effect {
  outcome: string;
  time: string;
  method: string;
  n: { intervention: number; control: number };
  difference: number;
  ciLower: number;
  ciUpper: number;
}

export async function analyzeDraft(file: string, plan: Record<string, unknown>): Promise<{ effects: Effect[]; patients: { intervention: number; control: number } }> {
  const path = join(tempDir(), 'plan.json');
  writeFileSync(path, JSON.stringify(plan));
  const r = await runCli('analyze', file, '--plan', path, '--json');
  if (r.code !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { effects: Effect[]; input: { patients: { intervention: number; control: number } } };
  return { effects: out.effects, patients: out.input.patients };
}

type AnalysedDraft = Awaited<ReturnType<typeof analyzeDraft>>;

/**
 * The labelled export (`labelled`, with the drafted plan) and the same export written in digits
 * (`digits`, with the drafted plan less its outcomes' answer codes: every cell is its number)
 * analysed: a labelled end read right gives the digits' numbers.
 */
export async function labelledAndDigits(labelled: string, digits: string, plan: Record<string, unknown>): Promise<{ fromLabels: AnalysedDraft; fromDigits: AnalysedDraft }> {
  const dir = tempDir();
  const [labelledFile, digitsFile] = [join(dir, 'labelled.csv'), join(dir, 'digits.csv')];
  writeFileSync(labelledFile, labelled);
  writeFileSync(digitsFile, digits);
  const plain = { ...plan, outcomes: (plan.outcomes as Record<string, unknown>[]).map(({ answers: _, ...o }) => o) };
  return { fromLabels: await analyzeDraft(labelledFile, plan), fromDigits: await analyzeDraft(digitsFile, plain) };
}

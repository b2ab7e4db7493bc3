/** The polyreg reference data (test/reference/mice-polyreg.R → mice-polyreg.json) as the fits take it. */
import { readFileSync } from 'node:fs';
import { designOfRows } from '../../../src/stats/missing/mice-norm.js';

export const ref = JSON.parse(readFileSync('test/reference/mice-polyreg.json', 'utf8'));
const y: (number | null)[] = ref.y;
const rows = y.map((_, i) => (ref.x as number[][]).map((col) => col[i]!));
export const obs = y.flatMap((v, i) => (v === null ? [] : [i]));
export const mis = y.flatMap((v, i) => (v === null ? [i] : []));
export const yObs = obs.map((i) => y[i]!);
export const xObs = designOfRows(obs.map((i) => rows[i]!));
export const xMis = designOfRows(mis.map((i) => rows[i]!));

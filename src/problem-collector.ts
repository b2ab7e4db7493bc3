/**
 * Problems collected one at a time into the groups `groupProblems` (problem-groups.ts) makes,
 * without keeping the problems: a registry export with 1,000,000 bad rows costs a count, line
 * ranges and a few example values per group, not a million objects. Used by the streaming
 * registry reader, which must report every problem (never "first 50") in bounded memory.
 *
 * Same groups, same order, same fields as `groupProblems` over the same problems. Line ranges
 * are kept flat (two numbers per run of consecutive lines): lines arrive in file order, so a
 * block of bad lines costs two numbers however long it is.
 */
import type { Problem } from './errors.js';
import { addDetail, EXAMPLE_VALUES, lineRanges, type ProblemGroup, shownValue } from './problem-groups.js';

interface Slot {
  group: ProblemGroup;
  /** Flat [from, to, from, to, …] of the runs of lines seen, in order. */
  ranges: number[];
  /** Lines that arrived before the last run (not in file order; rare); merged at the end. */
  stray: number[];
  column: number | undefined | null; // null: more than one
  field: string | undefined | null;
  /** Every named column of the group, in order of first problem. */
  fields: Set<string>;
  first: boolean;
}

export interface ProblemCollector {
  add(p: Problem): void;
  /** Problems added so far. */
  readonly count: number;
  groups(): ProblemGroup[];
}

function groupKey(p: Problem): string {
  return [p.file, p.kind ?? '', p.kind ? '' : (p.field ?? ''), p.kind ? '' : p.expected].join('\u0000');
}

export function createProblemCollector(): ProblemCollector {
  const slots = new Map<string, Slot>();
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(p) {
      count++;
      const key = groupKey(p);
      let s = slots.get(key);
      if (!s) {
        const group: ProblemGroup = { file: p.file, expected: p.expected, count: 0, lines: [], values: [] };
        if (p.hint !== undefined) group.hint = p.hint;
        s = { group, ranges: [], stray: [], column: p.column, field: p.field, fields: new Set(), first: true };
        slots.set(key, s);
      }
      const g = s.group;
      g.count++;
      addDetail(g, p);
      if (!s.first) {
        if (s.column !== p.column) s.column = null;
        if (s.field !== p.field) s.field = null;
      }
      s.first = false;
      if (p.field !== undefined) s.fields.add(p.field);
      if (p.line !== undefined) {
        const r = s.ranges, n = r.length;
        if (n === 0 || p.line > r[n - 1]! + 1) r.push(p.line, p.line);
        else if (p.line === r[n - 1]! + 1) r[n - 1] = p.line;
        else if (p.line < r[n - 2]!) s.stray.push(p.line);
        // else: within the last run already
      }
      // Cut as it is kept: a group holds a few short examples, never a 50 MB cell.
      const value = p.value === undefined ? undefined : shownValue(p.value);
      if (value !== undefined && g.values.length < EXAMPLE_VALUES && !g.values.includes(value)) g.values.push(value);
    },
    groups() {
      return [...slots.values()].map((s) => {
        const pairs: [number, number][] = [];
        for (let i = 0; i < s.ranges.length; i += 2) pairs.push([s.ranges[i]!, s.ranges[i + 1]!]);
        const lines = s.stray.length === 0 ? pairs : mergeStray(pairs, s.stray);
        const out: ProblemGroup = { ...s.group, lines, values: [...s.group.values] };
        if (s.group.details) out.details = [...s.group.details];
        if (s.field !== null && s.field !== undefined) out.field = s.field;
        else if (s.fields.size > 1) out.fields = [...s.fields];
        if (s.column !== null && s.column !== undefined) out.column = s.column;
        return out;
      });
    },
  };
}

function mergeStray(ranges: readonly [number, number][], stray: readonly number[]): [number, number][] {
  const all: number[] = [...stray];
  for (const [a, b] of ranges) for (let l = a; l <= b; l++) all.push(l);
  return lineRanges(all);
}

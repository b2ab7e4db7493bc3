/**
 * A report kind turns one manifest entry into a page, chart specs and results. Kinds register
 * in `report-kinds.ts` by name ("trial"; "meta" and "uptake" plug in the same way). Rendering,
 * HTML/Markdown assembly, determinism and atomic writing are shared and not the kind's concern.
 */
import type { z } from 'zod';
import type { InputKind, InputOrigin } from '../../io/input-files.js';
import { loadPlanFile } from '../../plan/load-plan.js';
import type { Plan } from '../../plan/plan-schema.js';
import type { Lang } from '../i18n.js';
import type { ManifestEntry } from '../manifest.js';
import type { ReportContent } from '../report-page.js';

export interface ReportEnv {
  /**
   * An input path of the entry as a path to read: relative ones from the manifest's folder,
   * absolute ones as they are. `from`: the plan field that named it, for a refusal's words.
   */
  input(path: string, from?: InputOrigin): string;
  lang: Lang;
  /** The run's language (`hta report --lang`; undefined when each report keeps its own): what is said on stderr is in it, as `note` says it. */
  runLang?: Lang;
  version: string;
  /** Memoises expensive steps shared by entries (e.g. one analysis for an en and a da report). */
  memo<T>(key: string, compute: () => T): T;
  /**
   * A note for stderr about an input (ids shaped like CPR numbers); never part of a page. The CLI
   * prints each once, in the run's language (`--lang`, default English), not the page's: one given
   * in both languages is said in that one.
   */
  note?(text: string | { en: string; da: string }): void;
  /** An analysis warning of this report (the page lists it too): the CLI prints it on stderr under the report's id, so a pipeline sees it. */
  warn?(text: string): void;
  /**
   * The manifest's entries before this one (all of them, also with `--only`), parsed, each with
   * its env: an uptake report on the same registry as an earlier one is protected against it
   * (docs/disclosure-control.md "Two reports of one registry in one manifest").
   */
  earlier?: readonly { entry: ManifestEntry & Record<string, unknown>; env: ReportEnv }[];
  /**
   * The manifest's entries after this one, as `earlier`: an uptake entry's twin of one analysis
   * (an English and a Danish page) may come after it, and one publication has one record
   * (docs/manifest.md, `firstPublication`).
   */
  later?: readonly { entry: ManifestEntry & Record<string, unknown>; env: ReportEnv }[];
  /** The manifest and the entry's index in its `reports`: where a refusal of the entry points (line:column). */
  place?: { manifestFile: string; index: number };
}

export interface ReportKind<E extends z.ZodType = z.ZodType> {
  /** The entry's own fields (besides id, kind, out, lang). */
  entrySchema: E;
  /**
   * What the entry's path fields name, where it is more than a plain file (a plan, which names
   * files of its own): `hta report` checks every one of them, at any depth, against its output
   * folders (io/input-files.ts, docs/output-safety.md). Other text fields are plain files.
   */
  inputKinds: Readonly<Record<string, InputKind>>;
  build(entry: ManifestEntry & z.infer<E>, env: ReportEnv): Promise<ReportContent>;
  /**
   * Optional: starts expensive work that does not need the main thread (through `env.memo`, so
   * `build` picks it up) before any report is built; called for every entry first.
   */
  prefetch?(entry: ManifestEntry & z.infer<E>, env: ReportEnv): void;
}

/** The analysis plan at `path`, read and validated once per run however many reports use it. */
export function planOf(env: ReportEnv, path: string): Plan {
  return env.memo(`plan\u0000${path}`, () => loadPlanFile(path));
}

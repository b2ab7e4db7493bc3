/** Report kinds by manifest name. A new kind ("meta", "uptake") is one file in this folder and one line here. */
import type { ReportKind } from './report-kind.js';
import { trialReportKind } from './trial-report.js';
import { metaReportKind } from './meta-report.js';
import { uptakeReportKind } from './uptake-report.js';
import { registryReportKind } from './registry-report.js';
import { ceaReportKind } from './cea-report.js';

export const REPORT_KINDS: Readonly<Record<string, ReportKind>> = {
  trial: trialReportKind as unknown as ReportKind,
  meta: metaReportKind as unknown as ReportKind,
  uptake: uptakeReportKind as unknown as ReportKind,
  registry: registryReportKind as unknown as ReportKind,
  cea: ceaReportKind as unknown as ReportKind,
};

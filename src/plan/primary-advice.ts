/**
 * A randomised plan without "primary" (docs/plan-trial.md#fields): the report then has no
 * sensitivity analysis of the missing follow-ups, and its conclusion opens with the first critical
 * outcome. `plan init` drafts none (the protocol names it, not the export) and says so among its
 * checks; `plan check` warns. One wording for both.
 */
export function primaryAdvice(key: string, time: string): string {
  return `no "primary" outcome: the report then has no sensitivity analysis of the missing follow-ups (complete-case ANCOVA, MMRM and multiple imputation, with a tipping point) and its conclusion opens with the first critical outcome — set the protocol's primary outcome and follow-up, e.g. "primary": { "outcome": ${JSON.stringify(key)}, "time": ${JSON.stringify(time)} } (docs/plan-trial.md#fields)`;
}

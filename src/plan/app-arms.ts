/**
 * Whether a plan's arm values are an app against usual care — the council's comparison, which the
 * reports' default arm names ("App + usual care", "Usual care") describe. A plan without
 * `armLabels` whose arms are anything else ("Exercise" against "Kontrol", codes 1 and 2) is
 * called by neutral names instead (src/report/arm-names.ts) and warned about by `hta plan check`
 * (plan-warnings.ts). docs/plan-trial.md "Arm names".
 */

const APP = /^(app|selfback)$/i;
const USUAL = /^(usual|usual[ _]?care|uc|tau|vanlig|vanlig[ _]?behandling|sædvanlig|sædvanlig[ _]?behandling)$/i;

export interface ArmValues {
  intervention: string | number;
  control: string | number;
}

/** True when the intervention arm's value names the app and the control's usual care. */
export function isAppAgainstUsualCare(arms: ArmValues): boolean {
  return APP.test(String(arms.intervention).trim()) && USUAL.test(String(arms.control).trim());
}

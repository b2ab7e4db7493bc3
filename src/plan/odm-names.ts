/**
 * Names an OpenClinica / CDISC ODM export gives, once pivoted to one column per item
 * (export-layouts.ts): items by their OID, `I_ODI_TOTAL`, `I_NRS_PAIN`, `I_RANDO_ARM`, or with a
 * question number, `Q2_ODI`; events by theirs, `SE_BASELINE`, `SE_3M`. Plan init reads them
 * without the prefix, as the names they carry (docs/plan-trial.md "Layouts plan init refuses").
 */

/** An item's name without ODM's `I_` (item OID) or a question number `Q2_`: `I_ODI_TOTAL` → `ODI_TOTAL`. */
export function withoutItemPrefix(name: string): string {
  return name.trim().replace(/^I_(?=[A-Za-z])/, '').replace(/^Q\d+_(?=[A-Za-z])/i, '');
}

/** An event's name without ODM's `SE_` (study event OID): `SE_3M` → `3M`, `SE_BASELINE` → `BASELINE`. */
export function withoutEventPrefix(value: string): string {
  return value.trim().replace(/^SE_(?=[A-Za-z0-9])/, '');
}

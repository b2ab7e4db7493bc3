/**
 * The one marker of a hidden count, and of every number derived from one, in every output that
 * protects small counts — the uptake outputs and the registry (observational) outputs alike; tables
 * print its translation (docs/disclosure-control.md, "One marker, nothing derived").
 */
export const SUPPRESSED = 'suppressed' as const;

/** A shown count or the marker. */
export type Masked = number | typeof SUPPRESSED;

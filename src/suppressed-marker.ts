/**
 * The one marker of a hidden count, and of every number derived from one, in every output that
 * protects small counts — the uptake outputs and the registry (observational) outputs alike; tables
 * print its translation (docs/disclosure-control.md, "One marker, nothing derived").
 */
export const SUPPRESSED = 'suppressed' as const;

/** A shown count or the marker. */
export type Masked = number | typeof SUPPRESSED;

/**
 * The default publication threshold: counts of 1 … 4 patients are not published (the usual rule of
 * Danish health statistics; docs/disclosure-control.md). The uptake and observational plans can
 * set their own; pages without a plan setting (a trial report's row counts) use this.
 */
export const DEFAULT_PUBLICATION_THRESHOLD = 5;

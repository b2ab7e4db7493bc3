/**
 * Notes `hta uptake` prints on stderr about how a registry export was read, when it was not
 * taken exactly as written (docs/input-registry.md): dates with a time of day, footnote rows
 * left out under the table, repeated rows and ids. They name lines and counts, never an id or a
 * patient's value.
 */

/** Dates written with a time of day other than midnight, read as their calendar date. */
export function timeOfDayNote(file: string, distinctTexts: number): string | undefined {
  if (distinctTexts === 0) return undefined;
  return `${file}: ${distinctTexts === 1 ? 'a date is' : `${distinctTexts} distinct dates are`} written with a time of day (not midnight): each is read as the calendar date written before the time, with no time-zone shift (docs/input-registry.md "Dates")`;
}

/**
 * A record's own value for a key from the user's file, never one its prototype holds: an export's
 * visit named `constructor` or `__proto__` looked up as `timeLabels[visit]` found Object's
 * constructor or Object.prototype, and the visit was drafted as "function Object() { [native
 * code] }" and then refused by `validate` as missing (docs/output-safety.md#user-text-as-keys).
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

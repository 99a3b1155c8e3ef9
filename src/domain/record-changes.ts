// How a field-level change applies to a record, the same on the device and on the server. In a mutation, a
// field's value `null` means "remove this optional field", except for the fields whose schema admits null as a
// value (coordinates, verification), which take it as is. `base` uses null for "absent" the same way.
export const NULLABLE_FIELDS: ReadonlySet<string> = new Set(['latitude', 'longitude', 'verification']);

export function applyFieldChanges<T extends Record<string, unknown>>(record: T, changes: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null && !NULLABLE_FIELDS.has(field)) delete next[field];
    else next[field] = value;
  }
  return next as T;
}

/** A field's value as a mutation carries it: absent becomes null. */
export function fieldValue(record: Record<string, unknown> | null | undefined, field: string): unknown {
  const value = record?.[field];
  return value === undefined ? null : value;
}

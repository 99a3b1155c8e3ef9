// The kinds of records and the key that ties outbox entries, shadows and conflicts to one record: plain names, apart
// from sync-protocol.ts (which builds its schemas on them), so that the first screen's count of what waits to be
// sent carries no schema.

/**
 * The kinds of records that sync through the directory feed and the mutations (docs/sync-protocol.md, "Record
 * kinds"). Each is declared once in src/domain/record-kinds.ts; `action` arrived with protocol 3.
 */
export const RECORD_KINDS = ['structure', 'service', 'action', 'signalement', 'campagne', 'reponse_campagne'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

/** The key that ties outbox entries, shadows and conflicts to one record. */
export function recordKey(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

export function splitRecordKey(key: string): { kind: RecordKind; id: string } {
  const at = key.indexOf(':');
  const kind = RECORD_KINDS.find((k) => k === key.slice(0, at));
  if (kind === undefined) throw new Error(`Clé d'enregistrement invalide : ${key}`);
  return { kind, id: key.slice(at + 1) };
}

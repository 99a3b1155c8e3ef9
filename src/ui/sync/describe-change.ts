import type { Mutation } from '../../domain/sync-protocol.ts';
import { frEditor } from '../editor/strings-editor.ts';
import { frSync } from './strings-sync.ts';

const labels = frEditor.labels as Record<string, string>;

export function fieldLabel(field: string): string {
  return labels[field] ?? field.replaceAll('_', ' ');
}

/** "Téléphone, Horaires" / "nouvelle fiche": what a pending or refused change touches, in words. */
export function describePending(entry: { mutation: Mutation }): string {
  const { mutation } = entry;
  switch (mutation.name) {
    case 'record.update':
      return Object.keys(mutation.args.changes).map(fieldLabel).join(', ');
    case 'record.create':
      return frSync.created;
    case 'record.delete':
      return frSync.deleted;
    case 'conflict.resolve':
      return frSync.resolving;
  }
}

/** A field value shown to a person: text as is, the rest as compact JSON, absence as "(vide)". */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return frSync.empty;
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

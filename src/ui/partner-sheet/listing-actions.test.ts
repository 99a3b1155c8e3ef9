// "Les informations sont à jour" on the device: one transaction, only `verification` changes and only it is queued.
// Notes and criteria queue as ordinary edits; invalid input writes nothing.
import { describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { createListingActions } from './listing-actions.ts';

const PARTNER: Account = { id: 'compte-part', nom: 'Épicerie 1', role: 'partenaire', structure_id: 'test--s1' };

async function device() {
  const { db } = await deviceWith([aStructure(1)], [aService(1, 1), aService(1, 2)]);
  return { db, actions: createListingActions(db, () => PARTNER) };
}

describe('confirming a listing on the device', () => {
  it('sets only verified-at/by on the structure and each service, and queues mutations touching only that field', async () => {
    const { db, actions } = await device();
    const before = { structure: await db.structures.get('test--s1'), service: await db.services.get('test--s1-1') };
    await actions.confirm('test--s1');
    const structure = await db.structures.get('test--s1');
    const service = await db.services.get('test--s1-1');
    expect(structure?.verification?.par).toBe('Épicerie 1');
    expect({ ...structure, verification: null }).toEqual({ ...before.structure, verification: null });
    expect({ ...service, verification: null }).toEqual({ ...before.service, verification: null });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => e.recordKey).sort()).toEqual([
      'service:test--s1-1',
      'service:test--s1-2',
      'structure:test--s1',
    ]);
    for (const entry of outbox) {
      expect(entry.mutation).toMatchObject({ name: 'record.update', args: { base: { verification: null } } });
      expect(Object.keys((entry.mutation.args as { changes: object }).changes)).toEqual(['verification']);
    }
  });
});

describe('notes and criteria on the device', () => {
  it('adds a note signed by the account and a normalised criterion, each queued as an edit', async () => {
    const { db, actions } = await device();
    expect((await actions.addNote('test--s1-1', '  Bon accueil des familles ')).ok).toBe(true);
    expect((await actions.addCritere('test--s1-1', ' Non   Francophones')).ok).toBe(true);
    const service = await db.services.get('test--s1-1');
    expect(service?.notes_pro).toMatchObject([{ texte: 'Bon accueil des familles', auteur: { nom: 'Épicerie 1' } }]);
    expect(service?.criteres).toEqual(['non francophones']);
    expect(await db.outbox.count()).toBe(1); // successive edits of one record collapse into one pending mutation
  });

  it('writes nothing for an empty note or a one-letter criterion', async () => {
    const { db, actions } = await device();
    expect((await actions.addNote('test--s1-1', '   ')).ok).toBe(false);
    expect((await actions.addCritere('test--s1-1', 'x')).ok).toBe(false);
    expect(await db.outbox.count()).toBe(0);
  });
});

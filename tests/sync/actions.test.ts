// Actions of the programme between real devices and the real server, through the same protocol as the
// listings: a coordinator creates one offline, it syncs, a worker's device holds it; a partner's change to an
// action it does not organise is refused (and undone on its device), one to its own action reaches everyone.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/domain/action.ts';
import { anAction } from '../fixtures/actions.ts';
import { CLAIRE, PAULINE, THEO, world } from './harness/world.ts';

function newAction(id: string, organiser: string): Omit<Action, 'version' | 'date_maj'> & Partial<Action> {
  return anAction(1, 1, {
    id,
    organisateurs: [organiser],
    lieu: { type: 'structure', structure_id: organiser },
  });
}

describe('actions synced between devices', () => {
  it('a coordinator’s action created offline reaches the server once and a worker’s device', async () => {
    const w = await world();
    const [claire, theo] = [await w.device(CLAIRE), await w.device(THEO)];
    w.network.offline.add(claire.tab);
    await claire.create('action', newAction('test--atelier', 'test--s002'));
    expect(await claire.db.actions.get('test--atelier')).toMatchObject({ titre: 'Atelier cuisine 1' });
    expect(await claire.db.outbox.count()).toBe(1);
    expect((await claire.sync()).phase).not.toBe('idle');
    w.network.offline.delete(claire.tab);
    expect((await claire.sync()).phase).toBe('idle');
    expect(await claire.db.outbox.count()).toBe(0);
    expect((await theo.sync()).phase).toBe('idle');
    expect(await theo.db.actions.get('test--atelier')).toMatchObject({ version: 1, organisateurs: ['test--s002'] });
    const history = await w.server.store.history({ kind: 'action', id: 'test--atelier', limit: 10 });
    expect(history.map((h) => h.action)).toEqual(['creation']);
  });

  it('a partner edits its own action; its change to another partner’s is refused and undone on its device', async () => {
    const w = await world();
    const [claire, pauline, theo] = [await w.device(CLAIRE), await w.device(PAULINE), await w.device(THEO)];
    await claire.create('action', newAction('test--sien', 'test--s001'));
    await claire.create('action', newAction('test--autre', 'test--s002'));
    expect((await claire.sync()).phase).toBe('idle');
    expect((await pauline.sync()).phase).toBe('idle');
    await pauline.edit('action', 'test--sien', { titre: 'Atelier soupes' });
    await pauline.edit('action', 'test--autre', { titre: 'Pris' });
    expect((await pauline.sync()).phase).toBe('idle');
    expect(await pauline.db.rejections.count()).toBe(1);
    expect(await pauline.db.actions.get('test--autre')).toMatchObject({ titre: 'Atelier cuisine 1' });
    expect((await theo.sync()).phase).toBe('idle');
    expect(await theo.db.actions.get('test--sien')).toMatchObject({ titre: 'Atelier soupes', version: 2 });
    expect(await theo.db.actions.get('test--autre')).toMatchObject({ titre: 'Atelier cuisine 1', version: 1 });
  });
});

import { signal } from '@preact/signals';
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BoussoleDatabase } from '../../db/database.ts';
import { takeOutboxBatch } from '../../db/outbox-repo.ts';
import { saveSession, signOutDevice } from '../../db/session-repo.ts';
import { eraseExpiredWork, keepWorkExpiring, WORK_IN_PROGRESS_TTL_MS } from '../../db/work-in-progress-expiry.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { EMPTY_AMOUNTS } from './budget-draft.ts';
import { restoreWorkInProgress, type WorkInProgress, type WorkOptions } from './work-in-progress.ts';
import type { SavedWork } from './work-in-progress-schema.ts';

// The orientation in progress kept on the device: what a reload, a discarded tab or an offline restart
// must not lose, and what must not outlive « Terminer », a sign-out, another account or a working day.

const T0 = Date.UTC(2026, 10, 3, 9, 0);
const HOUR = 3_600_000;
let counter = 0;
const databases: BoussoleDatabase[] = [];
const works: WorkInProgress[] = [];
const stops: Array<() => void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const work of works.splice(0)) work.stop();
  for (const db of databases.splice(0)) await db.delete();
});

function device() {
  const db = new BoussoleDatabase(`work-test-${Date.now()}-${++counter}`);
  databases.push(db);
  return db;
}

/** The app opening on the device: the orientation read back (a new page after a reload or a restart). */
async function open(db: BoussoleDatabase, options: WorkOptions = {}) {
  const work = await restoreWorkInProgress(db, signal<CatalogModel | null>(null), { clock: () => T0, ...options });
  works.push(work);
  return work;
}

const item = { serviceId: 'test--s2-1', structureId: 'test--s2', distanceKm: 1.2, distanceApproximate: false };

/** A family in Vénissieux, on its results, one partner on the sheet with the person's first name. */
function fillIn(work: WorkInProgress) {
  work.orientation.typeCommune('Vénissieux', '69259');
  work.orientation.patch({ adults: 2, ages: [3, null], ressources: 'minima-sociaux', besoins: ['aide-alimentaire'] });
  work.orientation.patch({ amounts: { ...EMPTY_AMOUNTS, 'charges.loyer': '450 €' }, emploi: 'demandeur-emploi' });
  work.orientation.handoutLanguage.value = 'ar';
  work.orientation.moreOpen.value = true;
  work.orientation.setFilter('ouvert', 'semaine');
  work.orientation.showResults();
  work.recap.add(item);
  work.recap.firstName.value = 'Amina';
}

const account = (id: string) => ({ id, nom: 'Camille', role: 'travailleur' as const });
const signIn = (db: BoussoleDatabase, id: string) =>
  saveSession(db, { token: `t-${id}`, clientId: 'device-0123456789ab', account: account(id) });

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('the orientation in progress on the device', () => {
  it('keeps the commune found from « Utiliser ma position », never the GPS position itself', async () => {
    const db = device();
    const before = await open(db);
    // The Vénissieux town hall, where a home visit's tablet would be.
    await before.orientation.locate(async () => ({ latitude: 45.6975, longitude: 4.8862 }));
    expect(before.orientation.draft.value.position).not.toBeNull();
    await before.flush();
    before.stop();

    expect(JSON.stringify(await db.table('workInProgress').toArray())).not.toMatch(/45\.69|4\.88/);
    const after = await open(db);
    expect(after.orientation.draft.value.position).toBeNull();
    expect(after.orientation.draft.value.commune).toBe(before.orientation.draft.value.commune);
    expect(after.orientation.draft.value.commune).not.toBeNull();
  });

  it('comes back after a reload: answers, step, filters, the sheet and its first name', async () => {
    const db = device();
    const before = await open(db);
    fillIn(before);
    await before.flush();
    before.stop();

    const after = await open(db);
    expect(after.orientation.draft.value).toEqual(before.orientation.draft.value);
    expect(after.orientation.draft.value.ages).toEqual([3, null]);
    expect(after.orientation.step.value).toBe('resultats');
    expect(after.orientation.filters.value.ouvert).toBe('semaine');
    expect(after.orientation.moreOpen.value).toBe(true);
    expect(after.orientation.draft.value.amounts['charges.loyer']).toBe('450 €');
    expect(after.orientation.handoutLanguage.value).toBe('ar');
    expect(after.orientation.profile.value).toMatchObject({
      lieu: { code_insee: '69259' },
      ressources: 'minima-sociaux',
    });
    expect(after.recap.items.value).toEqual([item]);
    expect(after.recap.firstName.value).toBe('Amina');
  });

  it('is written a moment after a change, without being asked', async () => {
    const db = device();
    const work = await open(db, { saveDelayMs: 5 });
    work.orientation.patch({ besoins: ['repas'] });
    await waitFor(async () => expect(await db.workInProgress.count()).toBe(1));
    expect((await open(db)).orientation.draft.value.besoins).toEqual(['repas']);
  });

  it('is written at once when the page is hidden (a tab discarded later) or left (reload, closed tab)', async () => {
    const db = device();
    const work = await open(db, { saveDelayMs: 3_600_000 });
    const stored = async () => (await db.workInProgress.get('orientation'))?.state as SavedWork | undefined;
    work.orientation.patch({ besoins: ['repas'] });
    setVisibility('hidden');
    await waitFor(async () => expect((await stored())?.orientation.draft.besoins).toEqual(['repas']));
    setVisibility('visible');

    work.recap.firstName.value = 'Amina';
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect((await stored())?.recap.firstName).toBe('Amina'));

    work.recap.add(item);
    window.dispatchEvent(new Event('beforeunload'));
    await waitFor(async () => expect((await stored())?.recap.items).toEqual([item]));
  });

  it('keeps no row while nothing is typed, and none once the form is back to empty', async () => {
    const db = device();
    const work = await open(db);
    work.orientation.go('besoins');
    work.orientation.go('profil');
    await work.flush();
    expect(await db.workInProgress.count()).toBe(0);
    work.orientation.patch({ age: 40 });
    await work.flush();
    expect(await db.workInProgress.count()).toBe(1);
    work.orientation.patch({ age: null });
    await work.flush();
    expect(await db.workInProgress.count()).toBe(0);
  });

  it('is never queued for the server: nothing in the outbox or the referral queue', async () => {
    const db = device();
    const work = await open(db);
    fillIn(work);
    await work.flush();
    expect(await db.workInProgress.count()).toBe(1);
    expect(await takeOutboxBatch(db, 100)).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.referralOutbox.count()).toBe(0);
    expect(await db.referrals.count()).toBe(0);
  });

  it('is erased by « Terminer », and the next page opens on an empty form', async () => {
    const db = device();
    const work = await open(db);
    fillIn(work);
    await work.flush();
    await work.finish();
    expect(await db.workInProgress.count()).toBe(0);
    expect(work.orientation.profile.value).toEqual({ besoins: [] });
    expect(work.recap.count.value).toBe(0);
    // A change typed right after « Terminer » is the next person's, and is kept.
    work.orientation.patch({ besoins: ['repas'] });
    await work.flush();
    expect((await open(db)).orientation.draft.value.besoins).toEqual(['repas']);
  });

  it('is erased at sign-out, and the open screens forget it', async () => {
    const db = device();
    await signIn(db, 'a1');
    const work = await open(db);
    fillIn(work);
    await work.flush();
    await signOutDevice(db);
    expect(await db.workInProgress.count()).toBe(0);
    await waitFor(() => expect(work.recap.count.value).toBe(0));
    expect(work.orientation.profile.value).toEqual({ besoins: [] });
    expect(work.recap.firstName.value).toBe('');
    await work.flush();
    expect(await db.workInProgress.count()).toBe(0);
  });

  it('is erased when another account signs in, kept when the same one signs in again', async () => {
    const db = device();
    await signIn(db, 'a1');
    const work = await open(db);
    fillIn(work);
    await work.flush();
    await signIn(db, 'a1');
    expect(await db.workInProgress.count()).toBe(1);
    await signIn(db, 'a2');
    expect(await db.workInProgress.count()).toBe(0);
    await waitFor(() => expect(work.recap.count.value).toBe(0));
    expect(work.orientation.draft.value.communeText).toBe('');
  });

  it('begun with no account signed in, carries on when the worker signs in (to send a referral)', async () => {
    const db = device();
    const work = await open(db);
    fillIn(work);
    await work.flush();
    await signIn(db, 'a1');
    expect(await db.workInProgress.count()).toBe(1);
    expect(work.recap.count.value).toBe(1);
  });

  it('is erased a working day after its last change, counted on the device clock', async () => {
    const db = device();
    let now = T0;
    const work = await open(db, { clock: () => now });
    fillIn(work);
    await work.flush();
    now = T0 + 2 * HOUR;
    work.orientation.patch({ age: 40 }); // a change restarts the delay
    await work.flush();
    expect(await eraseExpiredWork(db, now + WORK_IN_PROGRESS_TTL_MS - 1)).toBe(0);
    expect((await open(db, { clock: () => now + WORK_IN_PROGRESS_TTL_MS - 1 })).recap.count.value).toBe(1);
    // Opened a working day later: an empty form, and nothing left on the device.
    const later = await open(db, { clock: () => now + WORK_IN_PROGRESS_TTL_MS });
    expect(later.orientation.profile.value).toEqual({ besoins: [] });
    expect(later.recap.count.value).toBe(0);
    expect(await db.workInProgress.count()).toBe(0);
  });

  it('expires while the app stays open: the timer erases it and the screens forget it', async () => {
    const db = device();
    let now = T0;
    const work = await open(db, { clock: () => now });
    fillIn(work);
    await work.flush();
    stops.push(keepWorkExpiring(db, () => now, 5));
    now = T0 + WORK_IN_PROGRESS_TTL_MS;
    await waitFor(() => expect(work.recap.count.value).toBe(0));
    expect(work.orientation.draft.value.communeText).toBe('');
    expect(await db.workInProgress.count()).toBe(0);
  });

  it('is erased when dated in the future (a clock set back): it could not be dated', async () => {
    const db = device();
    await db.workInProgress.put({ key: 'orientation', savedAt: T0 + HOUR, state: {} });
    await db.workInProgress.put({ key: 'other', savedAt: T0 + 60_000, state: {} });
    expect(await eraseExpiredWork(db, T0)).toBe(1);
    expect(await db.workInProgress.get('orientation')).toBeUndefined();
  });

  it('drops a row that does not parse (an older build), and restores one lacking a field added since', async () => {
    const db = device();
    const work = await open(db);
    fillIn(work);
    await work.flush();
    const row = await db.workInProgress.get('orientation');
    const state = row?.state as { orientation: { draft: Record<string, unknown> } };

    // A field added by this build is absent from an older build's row: it takes its empty value.
    const { regimes: _, amounts: __, ...olderDraft } = state.orientation.draft;
    const { handoutLanguage: ___, ...olderOrientation } = state.orientation as Record<string, unknown>;
    await db.workInProgress.put({
      key: 'orientation',
      savedAt: T0,
      state: { ...state, orientation: { ...olderOrientation, draft: olderDraft } },
    });
    const older = await open(db);
    expect(older.orientation.draft.value.regimes).toEqual([]);
    expect(older.orientation.draft.value.amounts).toEqual(EMPTY_AMOUNTS);
    expect(older.orientation.handoutLanguage.value).toBeNull();
    expect(older.orientation.draft.value.communeText).toBe('Vénissieux');

    // A field whose shape changed does not parse: the row is dropped and erased, never half-trusted.
    await db.workInProgress.put({
      key: 'orientation',
      savedAt: T0,
      state: { ...state, orientation: { ...state.orientation, draft: { ...state.orientation.draft, adults: '2' } } },
    });
    const dropped = await open(db);
    expect(dropped.orientation.draft.value.adults).toBeNull();
    expect(dropped.recap.count.value).toBe(0);
    expect(await db.workInProgress.count()).toBe(0);
  });
});

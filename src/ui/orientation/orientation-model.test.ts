import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../directory/catalog-model.ts';
import { createOrientationModel } from './orientation-model.ts';

const noCatalog = () => signal<CatalogModel | null>(null);

describe('the orientation model', () => {
  it('finds the commune of the device position, offline, and measures from the position', async () => {
    const model = createOrientationModel(noCatalog());
    await model.locate(async () => ({ latitude: 45.6975, longitude: 4.8857 }));
    expect(model.locating.value).toBe('located');
    expect(model.draft.value.communeText).toBe('Vénissieux');
    expect(model.profile.value.lieu).toEqual({ position: { latitude: 45.6975, longitude: 4.8857 } });
    // Typing a commune afterwards replaces the position.
    model.typeCommune('Bron', '69029');
    expect(model.profile.value.lieu).toEqual({ code_insee: '69029' });
  });

  it('says when the position is outside the Métropole or cannot be had', async () => {
    const model = createOrientationModel(noCatalog());
    await model.locate(async () => ({ latitude: 48.8566, longitude: 2.3522 }));
    expect(model.locating.value).toBe('outside');
    expect(model.profile.value.lieu).toBeUndefined();
    await model.locate(() => Promise.reject(new Error('timeout')));
    expect(model.locating.value).toBe('failed');
  });

  it('keeps the answers in memory only and forgets them on a new orientation', () => {
    const model = createOrientationModel(noCatalog());
    model.patch({ ressources: 'minima-sociaux', besoins: ['repas'] });
    model.go('besoins');
    expect(model.profile.value).toEqual({ ressources: 'minima-sociaux', besoins: ['repas'] });
    expect(sessionStorage.length + localStorage.length).toBe(0);
    model.reset();
    expect(model.profile.value).toEqual({ besoins: [] });
    expect(model.step.value).toBe('profil');
  });

  it('goes back to a field asked for, opening the other criteria when it is one of them', () => {
    const model = createOrientationModel(noCatalog());
    model.showResults();
    model.editField('langues');
    expect(model.step.value).toBe('profil');
    expect(model.moreOpen.value).toBe(true);
    expect(model.focus.value.field).toBe('langues');
  });
});

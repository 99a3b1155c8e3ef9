import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aService, aStructure } from '../../../tests/fixtures/records.ts';
import { deviceWith } from '../../../tests/fixtures/ui-device.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import type { Service } from '../../domain/service.ts';
import { type ServiceEditContext, ServiceEditScreen } from './ServiceEditScreen.tsx';
import { createServiceEditor } from './service-editor-model.ts';

const databases: BoussoleDatabase[] = [];
afterEach(async () => {
  history.replaceState(null, '', '/');
  for (const db of databases.splice(0)) await db.delete();
});

/**
 * Opened from its link: no catalog, the hours library loads on its own (`hoursArrive`: held until it settles; by
 * default it comes as soon as asked for). `fromSheet`: came from the partner sheet, the catalog's engine is there.
 */
async function openEditor(service = aService(1, 1), hoursArrive?: Promise<void>, fromSheet = false) {
  const structure = aStructure(1, { horaires_accueil: 'Mo-Fr 09:00-12:00; PH off' });
  const { db, catalog: device } = await deviceWith([structure], [service]);
  databases.push(db);
  if (fromSheet) await device.ensureHours();
  const hoursEngine = vi.fn<ServiceEditContext['hoursEngine']>(async () => {
    await hoursArrive;
    return device.ensureHours();
  });
  const refresh = vi.fn<ServiceEditContext['refresh']>(async () => [undefined, undefined] as never);
  const context: ServiceEditContext = {
    serviceEditor: async (id) => createServiceEditor(db, id),
    catalog: signal(fromSheet ? device : null),
    hoursEngine,
    refresh,
    session: { account: signal(null) },
  };
  history.replaceState(null, '', '/partenaires/test--s1/services/test--s1-1/modifier');
  render(
    <LocationProvider>
      <ServiceEditScreen context={context} id="test--s1" serviceId="test--s1-1" />
    </LocationProvider>,
  );
  if (!hoursArrive) await screen.findByRole('heading', { level: 1, name: 'Modifier « Colis alimentaire 1 »' });
  return { db, refresh, hoursEngine };
}
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const messageOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby')?.split(' ').pop() ?? '')?.textContent;
/** Spaces as a reader sees them: the non-breaking ones keep « 7 » and « € » on one line. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer sur l’appareil' }));

describe('the service editor', () => {
  it('shows its form once the hours library is there, so that nothing moves « Enregistrer » afterwards', async () => {
    let arrive = () => {};
    await openEditor(
      aService(1, 1, { horaires_accueil: 'Mo-Fr 09:00-12:00' }),
      new Promise((resolve) => {
        arrive = resolve;
      }),
    );
    await screen.findByText("Chargement de l'annuaire…");
    expect(screen.queryByRole('button', { name: 'Enregistrer sur l’appareil' })).toBeNull();
    arrive();
    await screen.findByRole('heading', { level: 1, name: 'Modifier « Colis alimentaire 1 »' });
    expect(screen.queryByText(/Aperçu disponible dès le chargement/)).toBeNull();
    expect(screen.getByTestId('hours-preview').textContent).toMatch(/9h – 12h/);
  });

  it('opened from the partner sheet, shows its form at once with the catalog’s hours, without loading them again', async () => {
    const { hoursEngine } = await openEditor(
      aService(1, 1, { horaires_accueil: 'Mo-Fr 09:00-12:00' }),
      undefined,
      true,
    );
    expect(screen.getByTestId('hours-preview').textContent).toMatch(/9h – 12h/);
    expect(hoursEngine).not.toHaveBeenCalled();
  });

  it('shows a message next to an invalid field, focuses the error summary that links to it, and writes nothing', async () => {
    const { db, refresh } = await openEditor();
    fireEvent.click(field('Par courriel'));
    fireEvent.input(field('Courriel pour les fiches'), { target: { value: 'pas-une-adresse' } });
    submit();
    const input = field('Courriel pour les fiches');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe('Adresse e-mail invalide');
    await waitFor(() => expect(document.activeElement?.hasAttribute('data-error-summary')).toBe(true));
    expect(screen.getByRole('alert').textContent).toMatch(/Le formulaire contient 1 erreur/);
    fireEvent.click(screen.getByRole('link', { name: 'Courriel pour les fiches : Adresse e-mail invalide' }));
    expect(document.activeElement).toBe(input);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.services.get('test--s1-1'))?.fiche_liaison).toEqual(aService(1, 1).fiche_liaison);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refuses a solidarity price above 100 % before asking the schema', async () => {
    const { db } = await openEditor();
    fireEvent.change(field('Type de prix'), { target: { value: 'solidaire' } });
    fireEvent.input(await screen.findByLabelText('Part du prix payée, maximum (%)'), { target: { value: '150' } });
    submit();
    await waitFor(() =>
      expect(screen.getByText('Nombre entre 0 et 100 attendu', { selector: '.field-error' })).toBeTruthy(),
    );
    expect(
      screen.getByText(/Indiquez un prix payé, une part du prix ou une adhésion/, { selector: '.field-error' }),
    ).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps an épicerie’s ceilings on the reste à vivre and the QF; a wrong amount gets its message, nothing written', async () => {
    const { db } = await openEditor();
    const rav = field('Reste à vivre maximum (€ par jour et par personne)');
    fireEvent.input(rav, { target: { value: '8 €/j' } });
    submit();
    await waitFor(() => expect(rav.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(rav.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Montant attendu en euros, par exemple 8 ou 7,50',
    );
    expect(await db.outbox.count()).toBe(0);

    fireEvent.input(rav, { target: { value: '7,50' } });
    fireEvent.input(field('Quotient familial CAF maximum (€)'), { target: { value: '700' } });
    submit();
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const saved = (await db.services.get('test--s1-1')) as Service;
    expect(saved.eligibilite).toMatchObject({ reste_a_vivre_max: 7.5, quotient_familial_max: 700 });
  });

  it('takes a price in euros with what it is for, instead of what, a membership, and shows the sentence as typed', async () => {
    const { db } = await openEditor();
    fireEvent.change(field('Type de prix'), { target: { value: 'solidaire' } });
    fireEvent.input(await screen.findByLabelText('Prix payé (€)'), { target: { value: '7' } });
    fireEvent.change(field('Pour'), { target: { value: 'panier' } });
    fireEvent.input(field('Au lieu de (€, prix habituel, facultatif)'), { target: { value: '18' } });
    fireEvent.input(field('Adhésion (€, facultatif)'), { target: { value: '2,50' } });
    fireEvent.change(field('Adhésion payée'), { target: { value: 'mois' } });
    const sentence = 'Panier à 7 € au lieu de 18 €. Adhésion 2,50 € par mois';
    await waitFor(() => expect(plain(screen.getByTestId('price-preview').textContent)).toContain(sentence));
    submit();
    await waitFor(async () => expect((await db.services.get('test--s1-1'))?.tarif.type).toBe('solidaire'));
    const saved = (await db.services.get('test--s1-1')) as Service;
    expect({ ...saved.tarif, precisions: plain(saved.tarif.precisions) }).toEqual({
      type: 'solidaire',
      montant: 7,
      montant_reference: 18,
      unite: 'panier',
      adhesion: { montant: 2.5, periode: 'mois' },
      // Said in words for the apps from before the amounts, which require precisions for a solidarity price.
      precisions: sentence,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox[0]?.mutation.name === 'record.update' && Object.keys(outbox[0].mutation.args.changes)).toEqual([
      'tarif',
    ]);
  });

  it('says next to the field when the price paid is above the usual price, or not an amount, and writes nothing', async () => {
    const { db } = await openEditor();
    fireEvent.change(field('Type de prix'), { target: { value: 'payant' } });
    fireEvent.input(await screen.findByLabelText('Prix payé (€)'), { target: { value: '20' } });
    fireEvent.input(field('Au lieu de (€, prix habituel, facultatif)'), { target: { value: '18' } });
    submit();
    const paid = field('Prix payé (€)');
    await waitFor(() => expect(paid.getAttribute('aria-invalid')).toBe('true'));
    expect(messageOf(paid)).toBe('Le prix payé dépasse le prix habituel');
    await waitFor(() => expect(document.activeElement?.hasAttribute('data-error-summary')).toBe(true));
    fireEvent.click(screen.getByRole('link', { name: /^Prix payé \(€\) : / }));
    expect(document.activeElement).toBe(paid);
    fireEvent.input(paid, { target: { value: '2,555' } });
    expect(paid.getAttribute('aria-invalid')).toBeNull();
    submit();
    await waitFor(() =>
      expect(messageOf(field('Prix payé (€)'))).toBe('Montant en euros attendu, par exemple 7 ou 2,50'),
    );
    expect(await db.outbox.count()).toBe(0);
    expect((await db.services.get('test--s1-1'))?.tarif).toEqual({ type: 'gratuit' });
  });

  it('shows the partner’s own precisions, not the words the app wrote from the amounts', async () => {
    const tarif = { type: 'solidaire', montant: 1, unite: 'repas', precisions: 'Repas à 1\u00a0€' } as const;
    await openEditor(aService(1, 1, { tarif }));
    expect(field('Prix payé (€)').value).toBe('1');
    expect(field('Pour').value).toBe('repas');
    expect(field('Précisions sur le prix (obligatoire sans montant ni part du prix)').value).toBe('');
    expect(plain(screen.getByTestId('price-preview').textContent)).toContain('Repas à 1 €');
  });

  it('saves a valid edit on the device with its outbox entry, then refreshes and goes back to the sheet', async () => {
    const { db, refresh } = await openEditor();
    fireEvent.change(field('Disponibilité'), { target: { value: 'complet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une fermeture ou une information' }));
    fireEvent.input(field('Au (inclus, facultatif)'), { target: { value: '2099-01-15' } });
    fireEvent.input(field('Message (facultatif)'), { target: { value: 'Travaux' } });
    fireEvent.click(field('Horaires propres à ce service'));
    // Own hours start from the partner's: Saturday morning added.
    fireEvent.click(await screen.findByLabelText('Ouvert le samedi'));
    fireEvent.input(field('Samedi, plage 1 : à'), { target: { value: '11:30' } });
    submit();
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    const saved = (await db.services.get('test--s1-1')) as Service;
    expect(saved.capacite).toEqual({ etat: 'complet' });
    expect(saved.horaires_accueil).toBe('Mo-Fr 09:00-12:00; Sa 09:00-11:30; PH off');
    expect(saved.infos_temporaires).toEqual([
      expect.objectContaining({ type: 'fermeture', fin: '2099-01-15', message: 'Travaux' }),
    ]);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.recordKey).toBe('service:test--s1-1');
    const mutation = outbox[0]?.mutation;
    expect(mutation?.name).toBe('record.update');
    if (mutation?.name === 'record.update') {
      expect(Object.keys(mutation.args.changes).sort()).toEqual(['capacite', 'horaires_accueil', 'infos_temporaires']);
    }
    expect(location.pathname).toBe('/partenaires/test--s1');
    expect(location.hash).toBe('#service-test--s1-1');
  });

  it('a service with its own hours can go back to the reception’s: saved without hours of its own', async () => {
    const { db } = await openEditor(aService(1, 1, { horaires_accueil: 'Tu 14:00-17:00' }));
    expect(field('Horaires propres à ce service').checked).toBe(true);
    expect(field('Ouvert le mardi').checked).toBe(true);
    fireEvent.click(field('Mêmes horaires que l’accueil'));
    expect(screen.queryByLabelText('Ouvert le mardi')).toBeNull();
    submit();
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const saved = (await db.services.get('test--s1-1')) as Service;
    expect(saved).not.toHaveProperty('horaires_accueil');
  });

  it('starts own hours from the reception’s, typed in French or ticked', async () => {
    const { db } = await openEditor();
    expect(field('Mêmes horaires que l’accueil').checked).toBe(true);
    fireEvent.click(field('Horaires propres à ce service'));
    expect(((await screen.findByLabelText('Ouvert le lundi')) as HTMLInputElement).checked).toBe(true);
    fireEvent.input(field('Écrire les horaires en français'), { target: { value: 'le mardi de 14h à 17h' } });
    expect(field('Ouvert le lundi').checked).toBe(false);
    submit();
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect(((await db.services.get('test--s1-1')) as Service).horaires_accueil).toBe('Tu 14:00-17:00');
  });
});

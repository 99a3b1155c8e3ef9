import { expect, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './helpers.ts';
import { personal } from './personal-data.ts';

// A person on foot in Lyon 3e, looking for a meal, with no network: the demo directory's evening maraude stops
// on place Guichard, and the orientation proposes its next stop there — the day and time of the passage, the
// place and how far — computed on the device from the stops' own hours.

test.describe('Services qui se déplacent, hors ligne', () => {
  test.describe.configure({ timeout: 120_000 });

  test('près d’un arrêt de la maraude, l’orientation propose son prochain passage avec la date, le lieu et la distance', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await waitForServiceWorkerControl(page);
    await expect(page.getByTestId('sync-state')).toContainText('Dernière synchronisation');
    await context.setOffline(true);

    await page.goto('/orientation');
    await page.getByLabel('Commune ou code postal').fill(personal('69003'));
    await expect(page.getByTestId('commune-status')).toHaveText(/Commune retenue : Lyon 3e/);
    await page.getByText('Autres critères (âge, genre, situation, mobilité, langues, régime, disponibilités)').click();
    await page.getByRole('group', { name: 'Se déplace' }).getByLabel('À pied').check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Prendre un repas').check();
    await page.getByRole('button', { name: 'Voir les résultats' }).click();

    const maraude = page.getByTestId('result').filter({ hasText: 'Maraude du soir : repas chauds et boissons' });
    await expect(maraude).toHaveCount(1);
    const stop = maraude.getByTestId('result-next-stop');
    // « Prochain passage lundi 7 décembre à 18h30, Place Guichard (Lyon 3e Arrondissement), à 50 m »
    await expect(stop).toHaveText(
      /^(Prochain passage (aujourd’hui |demain )?(lundi|mercredi) \d{1,2}(er)? [a-zéû]+ à 18h30|Passe en ce moment, jusqu’à 19h45), Place Guichard \(Lyon 3e Arrondissement\), à \d+ m$/,
    );
    // « Itinéraire » leads to the stop proposed, not to the structure's address.
    await expect(maraude.getByTestId('itinerary')).toHaveAttribute('href', /45\.7597\d*(,|%2C)4\.8475/);
    // On the handout the person gets the stop, not the structure's address: the place and its passages.
    await maraude.getByRole('button', { name: /^Ajouter à la liste : / }).click();
    await page.getByRole('link', { name: 'Voir la liste à remettre' }).first().click();
    const handout = page.getByTestId('handout-partner');
    await expect(handout.getByTestId('handout-address')).toContainText('Place Guichard');
    await expect(handout.getByTestId('handout-address')).toContainText('69003 Lyon 3e Arrondissement');
    await expect(handout.getByTestId('handout-hours')).toContainText(/Le lundi : 18\sh\s30/);
    await page.goBack();

    // The partner sheet, offline too, lists the round of stops with their next passages.
    await maraude.getByRole('link', { name: /Voir la fiche/ }).click();
    const timetable = page.getByRole('region', { name: 'Arrêts et horaires de passage' });
    await expect(timetable.getByRole('listitem')).toHaveCount(6);
    await expect(timetable).toContainText('Place Gabriel Péri, Guillotière (Lyon 7e Arrondissement)');
    await expect(timetable.getByText(/^Prochain passage$/).first()).toBeVisible();
  });
});

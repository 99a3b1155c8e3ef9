import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogWith } from '../../../tests/fixtures/catalog.ts';
import { TUESDAY_10H, venissieuxDirectory } from '../../../tests/fixtures/venissieux.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import type { Language } from '../../matching/reasons.ts';
import {
  type OrientationEnding,
  restoreWorkInProgress,
  type WorkInProgress,
  type WorkOptions,
} from '../orientation/work-in-progress.ts';
import { HandoutScreen } from './HandoutScreen.tsx';

const databases: BoussoleDatabase[] = [];
const works: WorkInProgress[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_10H);
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  for (const work of works.splice(0)) work.stop();
  for (const db of databases.splice(0)) await db.delete();
});

async function handoutOf(serviceIds: string[], langues: Language[] = [], options: WorkOptions = {}) {
  const { db, model, catalog } = await catalogWith(venissieuxDirectory());
  databases.push(db);
  await model.ensureHours();
  const work = await restoreWorkInProgress(db, catalog, options);
  works.push(work);
  const { recap, orientation } = work;
  for (const id of serviceIds) {
    const entry = model.entry(id);
    if (!entry) throw new Error(id);
    recap.add({ serviceId: id, structureId: entry.structureId, distanceKm: 1.24, distanceApproximate: false });
  }
  orientation.set('langues', langues);
  render(
    <LocationProvider>
      <HandoutScreen catalog={catalog} work={work} />
    </LocationProvider>,
  );
  return { recap, orientation, db, work };
}

/** Text as read: no-break spaces as plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const partner = (name: string) =>
  within(screen.getByRole('heading', { level: 2, name }).closest('article') as HTMLElement);

/** Sets `navigator.share` (absent from happy-dom) for one test. */
function withShare(share: ((data: ShareData) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'share', { value: share, configurable: true });
  return () => Reflect.deleteProperty(navigator, 'share');
}

describe('the handout', () => {
  it('shows each partner with its address, hours with written-out dates, what to bring, how to get in and its phone', async () => {
    await handoutOf(['test--s1-1', 'test--s2-1']);
    expect(screen.getAllByTestId('handout-partner')).toHaveLength(2);

    const epicerie = partner('Épicerie sociale des Minguettes');
    expect(epicerie.getByTestId('handout-address').textContent).toBe('Adresse : 12 avenue Jean Cagne69200 Vénissieux');
    const hours = plain(epicerie.getByTestId('handout-hours').textContent);
    // Paper is read days later: dates in full, never « aujourd’hui » or a bare « jeudi ».
    expect(hours).toContain('mardi 3 novembre, 9 h – 12 h');
    expect(hours).toContain('jeudi 5 novembre, 9 h – 12 h');
    expect(hours).toContain('Le mardi : 9 h – 12 h');
    expect(hours).toContain('Le jeudi : 9 h – 12 h');
    expect(hours).not.toMatch(/aujourd|demain/);
    expect(epicerie.getByText('Épicerie sociale et solidaire')).toBeTruthy();
    expect(epicerie.getByText("Pièce d'identité ou titre de séjour")).toBeTruthy();
    expect(epicerie.getByText('Attestation CAF ou quotient familial')).toBeTruthy();
    expect(
      epicerie.getByText('Une fiche de liaison est nécessaire : votre travailleur·se social·e l’envoie.'),
    ).toBeTruthy();
    expect(
      epicerie.getByText((_, el) => plain(el?.textContent) === 'À 1,2 km à vol d’oiseau de votre lieu de vie.', {
        selector: 'li',
      }),
    ).toBeTruthy();
    expect(epicerie.getByRole('link', { name: 'Téléphone : 04 72 00 00 01' }).getAttribute('href')).toBe(
      'tel:0472000001',
    );
    const price = '10 à 30 % du prix en magasin. Adhésion 2 € par an. Pour 6 mois, renouvelable';
    expect(epicerie.getByText((_, el) => el?.tagName === 'LI' && plain(el.textContent) === price)).toBeTruthy();
    // One block only when the sheet is in French.
    expect(epicerie.queryByTestId('handout-block-translated')).toBeNull();

    const colis = partner('Colis du Moulin-à-Vent');
    expect(plain(colis.getByTestId('handout-hours').textContent)).toContain('mercredi 4 novembre, 14 h – 17 h');
    expect(colis.getByText('Aucun justificatif demandé.')).toBeTruthy();
    expect(colis.getByText('Vous pouvez y aller directement, sans orientation.')).toBeTruthy();
  });

  it('puts a pictogram, hidden from screen readers, beside each heading, the category, the days and hours', async () => {
    await handoutOf(['test--s1-1']);
    const epicerie = partner('Épicerie sociale des Minguettes');
    const heading = epicerie.getByRole('heading', { level: 3, name: 'À apporter' });
    expect(heading.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const pictos = [...epicerie.getByTestId('handout-block-fr').querySelectorAll('svg.picto')].map((s) =>
      s.getAttribute('data-picto'),
    );
    expect(pictos).toEqual(expect.arrayContaining(['basket', 'clock', 'calendar', 'document', 'price', 'door']));
    for (const svg of epicerie.getByTestId('handout-block-fr').querySelectorAll('svg')) {
      expect(svg.getAttribute('aria-hidden')).toBe('true');
    }
  });

  it('draws one QR code per partner on the device, a contact card with its name, phone and address', async () => {
    await handoutOf(['test--s1-1', 'test--s2-1']);
    const codes = screen.getAllByRole('img', { name: /^QR code : ajouter/ });
    expect(codes).toHaveLength(2);
    for (const svg of codes) {
      expect(svg.tagName.toLowerCase()).toBe('svg');
      expect(svg.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(500);
    }
    expect(codes[0]?.getAttribute('aria-label')).toContain('Épicerie sociale des Minguettes');
  });

  it('carries no personal data but the first name the worker chose to type', async () => {
    await handoutOf(['test--s2-1']);
    expect(screen.queryByText(/^Pour /)).toBeNull();
    fireEvent.input(screen.getByLabelText('Prénom de la personne (facultatif, imprimé sur la liste)'), {
      target: { value: 'Amina' },
    });
    expect(screen.getByText('Pour Amina')).toBeTruthy();
    expect(screen.getByText(/^Fiche préparée le 3 novembre 2026/)).toBeTruthy();
  });

  it('removes a partner from the sheet, prints with the browser, and says when the sheet is empty', async () => {
    const { recap } = await handoutOf(['test--s2-1']);
    const print = vi.fn();
    vi.stubGlobal('print', print);
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
    fireEvent.click(screen.getByRole('button', { name: 'Retirer de la liste : Colis du Moulin-à-Vent' }));
    await waitFor(() => expect(screen.queryAllByTestId('handout-partner')).toHaveLength(0));
    expect(recap.count.value).toBe(0);
    expect(screen.getByText(/La liste est vide/)).toBeTruthy();
  });

  it('« Terminer l’orientation » erases the person and the sheet from the device and goes back home', async () => {
    history.replaceState(null, '', '/fiche');
    const { recap, work, db } = await handoutOf(['test--s2-1']);
    fireEvent.input(screen.getByLabelText(/^Prénom de la personne/), { target: { value: 'Amina' } });
    await work.flush();
    expect(await db.workInProgress.count()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Terminer l’orientation' }));
    await waitFor(() => expect(location.pathname).toBe('/'));
    expect(await db.workInProgress.count()).toBe(0);
    expect(recap.count.value).toBe(0);
    expect(recap.firstName.value).toBe('');
  });
});

describe('the end of an orientation, as anonymous figures', () => {
  it('printing the sheet, then « Terminer », ends the orientation once: the same event id, with its results', async () => {
    history.replaceState(null, '', '/fiche');
    const ends: OrientationEnding[] = [];
    const { orientation } = await handoutOf(['test--s2-1'], [], { onEnd: (e) => ends.push(e) });
    orientation.typeCommune('Vénissieux', '69259');
    orientation.set('besoins', ['aide-alimentaire']);
    orientation.showResults();
    vi.stubGlobal('print', vi.fn());
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    vi.unstubAllGlobals();
    fireEvent.click(screen.getByRole('button', { name: 'Terminer l’orientation' }));
    await waitFor(() => expect(location.pathname).toBe('/'));
    expect(ends).toHaveLength(2);
    expect(ends[1]?.id).toBe(ends[0]?.id);
    expect(ends[0]?.profile.lieu?.code_insee).toBe('69259');
    expect(ends[0]?.orientation.results.length).toBeGreaterThan(0);
  });

  it('an orientation left before its results ends without any event', async () => {
    history.replaceState(null, '', '/fiche');
    const ends: OrientationEnding[] = [];
    await handoutOf(['test--s2-1'], [], { onEnd: (e) => ends.push(e) });
    fireEvent.click(screen.getByRole('button', { name: 'Terminer l’orientation' }));
    await waitFor(() => expect(location.pathname).toBe('/'));
    expect(ends).toEqual([]);
  });
});

describe('the handout in the person’s language', () => {
  it('proposes Arabic from the profile and writes it right to left beside the French, dates written out', async () => {
    await handoutOf(['test--s1-1'], ['wo', 'ar']);
    const select = screen.getByLabelText('Langue de la personne') as HTMLSelectElement;
    expect(select.value).toBe('ar');
    expect(screen.getByText('Proposée d’après les langues de la personne.')).toBeTruthy();
    expect(screen.getByText('Pas de traduction de la liste en wolof.')).toBeTruthy();

    const head = await screen.findByTestId('handout-head-translated');
    expect(head.getAttribute('lang')).toBe('ar');
    expect(head.getAttribute('dir')).toBe('rtl');
    expect(head.textContent).toContain('عناوين للحصول على الطعام');
    expect(head.textContent).toContain('أُعدَّت هذه الورقة يوم 3 نوفمبر 2026.');

    const epicerie = partner('Épicerie sociale des Minguettes');
    const arabic = epicerie.getByTestId('handout-block-translated');
    const french = epicerie.getByTestId('handout-block-fr');
    expect([arabic.getAttribute('lang'), arabic.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect([french.getAttribute('lang'), french.getAttribute('dir')]).toEqual(['fr', 'ltr']);
    // The row of blocks runs right to left: Arabic first, on the right; French beside it.
    expect(arabic.parentElement?.getAttribute('dir')).toBe('rtl');
    expect(arabic.compareDocumentPosition(french) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const a = within(arabic);
    // The épicerie has the reception's hours (none of its own): both blocks say so.
    expect(a.getByRole('heading', { level: 3, name: 'أوقات عمل الاستقبال' })).toBeTruthy();
    expect(within(french).getByRole('heading', { level: 3, name: 'Horaires de l’accueil' })).toBeTruthy();
    expect(a.getByRole('heading', { level: 3, name: 'ما يجب إحضاره' })).toBeTruthy();
    expect(plain(a.getByTestId('handout-hours').textContent)).toContain('الثلاثاء، 3 نوفمبر، من 09:00 إلى 12:00');
    expect(a.getByText('بطاقة هوية أو جواز سفر أو بطاقة إقامة')).toBeTruthy();
    expect(a.getByText('بقالة تضامنية (طعام بسعر منخفض)')).toBeTruthy();
    // The price's amounts are said in Arabic; the partner's own words stay in the French block, as written, and
    // the Arabic block says there is more.
    // Intl marks the Arabic amount right to left (U+200F) so that « € » stays after it.
    expect(plain(arabic.textContent)).toContain('اشتراك العضوية: \u200f2 € في السنة');
    expect(plain(arabic.textContent)).not.toContain('Pour 6 mois');
    expect(a.getByText('معلومات أخرى من الشريك، باللغة الفرنسية.')).toBeTruthy();
    const f = within(french);
    expect(plain(french.textContent)).toContain('Adhésion 2 € par an. Pour 6 mois, renouvelable');
    expect(plain(f.getByTestId('handout-hours').textContent)).toContain('mardi 3 novembre, 9 h – 12 h');
  });

  it('lets the worker change the language, kept for the orientation and forgotten with the person', async () => {
    const { orientation } = await handoutOf(['test--s2-1'], ['ar']);
    const select = screen.getByLabelText('Langue de la personne') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'es' } });
    expect(orientation.handoutLanguage.value).toBe('es');
    const block = await screen.findByText('Cómo le atienden');
    expect(block.closest('[data-testid="handout-block-translated"]')?.getAttribute('lang')).toBe('es');
    expect(screen.getByTestId('handout-block-translated').getAttribute('dir')).toBe('ltr');
    expect(screen.queryByText('Proposée d’après les langues de la personne.')).toBeNull();

    fireEvent.change(select, { target: { value: 'fr' } });
    await waitFor(() => expect(screen.queryByTestId('handout-block-translated')).toBeNull());
    orientation.reset();
    expect(orientation.handoutLanguage.value).toBeNull();
  });
});

describe('sending the handout', () => {
  it('uses the device’s share sheet when it has one, with the short text in the person’s language', async () => {
    const share = vi.fn((_: ShareData) => Promise.resolve());
    const restore = withShare(share);
    try {
      await handoutOf(['test--s2-1'], ['en']);
      await screen.findByTestId('handout-head-translated');
      expect(screen.queryByRole('link', { name: 'Envoyer par SMS' })).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Partager' }));
      expect(share).toHaveBeenCalledOnce();
      const data = share.mock.calls[0]?.[0];
      expect(data?.title).toBe('Your addresses for food');
      expect(plain(data?.text)).toContain('Colis du Moulin-à-Vent');
      expect(plain(data?.text)).toContain('Wednesday 4 November, 14:00 – 17:00');
      expect(data?.text).not.toMatch(/tomorrow|today/i);
    } finally {
      restore();
    }
  });

  it('otherwise offers SMS and e-mail links to a number typed then, stored nowhere', async () => {
    expect('share' in navigator).toBe(false);
    const { db, orientation, recap } = await handoutOf(['test--s2-1']);
    expect(screen.queryByRole('button', { name: 'Partager' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Numéro de téléphone de la personne'), {
      target: { value: '06 12 34 56 78' },
    });
    fireEvent.input(screen.getByLabelText('Adresse e-mail de la personne'), { target: { value: 'amina@example.org' } });
    const sms = screen.getByRole('link', { name: 'Envoyer par SMS' }).getAttribute('href') ?? '';
    expect(sms.startsWith('sms:0612345678?&body=')).toBe(true);
    const body = plain(decodeURIComponent(sms.split('&body=')[1] ?? ''));
    expect(body).toContain('Vos adresses pour l’alimentation');
    expect(body).toContain('Colis du Moulin-à-Vent');
    expect(body).toContain('mercredi 4 novembre, 14 h – 17 h');
    const mail = screen.getByRole('link', { name: 'Envoyer par e-mail' }).getAttribute('href') ?? '';
    expect(mail.startsWith('mailto:amina@example.org?subject=')).toBe(true);
    expect(screen.getByText(/Boussole ne les garde pas/)).toBeTruthy();

    // Nowhere but in the two links: not in the device's database, the web storages, the orientation or the recap.
    const typed = /06 12 34 56 78|0612345678|amina@/;
    for (const table of db.tables) expect(JSON.stringify(await table.toArray()), table.name).not.toMatch(typed);
    expect(JSON.stringify({ ...localStorage })).not.toMatch(typed);
    expect(JSON.stringify({ ...sessionStorage })).not.toMatch(typed);
    expect(JSON.stringify(orientation.draft.value)).not.toMatch(typed);
    expect(JSON.stringify({ items: recap.items.value, name: recap.firstName.value })).not.toMatch(typed);
    expect(window.location.href).not.toMatch(typed);
  });

  it('links each partner to an itinerary in the maps, saying it needs a connection', async () => {
    await handoutOf(['test--s1-1']);
    const link = screen.getByRole('link', {
      name: 'Itinéraire vers Épicerie sociale des Minguettes (nécessite une connexion)',
    });
    expect(link.getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/directions\?route=%3B45\.\d+%2C4\.\d+/,
    );
    expect(link.closest('p')?.classList.contains('no-print')).toBe(true);
    expect(link.closest('p')?.textContent).toContain('(nécessite une connexion)');
  });

  it('opens the itinerary in the maps app (geo:) on Android', async () => {
    vi.stubGlobal('navigator', Object.create(navigator, { userAgent: { value: 'Mozilla/5.0 (Linux; Android 14)' } }));
    await handoutOf(['test--s1-1']);
    const link = screen.getByRole('link', { name: /^Itinéraire vers Épicerie sociale des Minguettes/ });
    expect(link.getAttribute('href')).toMatch(/^geo:45\.\d+,4\.\d+\?q=/);
  });
});

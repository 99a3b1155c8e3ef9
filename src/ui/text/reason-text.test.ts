import { describe, expect, it } from 'vitest';
import type { Tarif } from '../../domain/service.ts';
import type { Reason, ReasonCode, ReasonParams } from '../../matching/reasons.ts';
import { reasonText } from './reason-text.ts';

// Tuesday 3 November 2026, 10:00 in Paris.
const NOW = Date.parse('2026-11-03T10:00:00+01:00');
const at = (iso: string) => Date.parse(iso);

/** One example per code: the type makes it exhaustive, so a code added to the matcher must get a sample here. */
const SAMPLES: { [C in ReasonCode]: ReasonParams[C] } = {
  listing_not_validated: {},
  covers_needs: { needs: ['aide-alimentaire', 'epicerie-solidaire'], of: 2 },
  secondary_answer: { needs: ['epicerie-solidaire'] },
  needs_cooking: { inferred: false },
  ready_to_eat: {},
  age_min: { min: 18 },
  age_max: { max: 25 },
  age_unknown: { min: 18, max: 25 },
  age_match: { min: null, max: 25 },
  gender_reserved: { genre: 'femmes' },
  gender_unknown: { genre: 'hommes' },
  gender_match: { genre: 'femmes' },
  family_situation: { accepted: ['famille', 'monoparentale'] },
  family_unknown: { accepted: ['enceinte'] },
  family_match: { situation: 'famille', inferred: true },
  young_child: { age: 1 },
  no_young_child: {},
  young_child_unknown: {},
  administrative_situation: { accepted: ['en-regle'] },
  administrative_unknown: { accepted: ['demandeur-asile', 'refugie'] },
  administrative_match: { situation: 'refugie' },
  resources_not_accepted: { accepted: ['etudiant'] },
  resources_unknown: { accepted: ['minima-sociaux', 'bas-revenus'] },
  resources_match: { ressources: 'minima-sociaux' },
  zone_outside: { communes: ['69029'], qpv: [] },
  zone_unknown: { communes: ['69259', '69123'], qpv: ['QNDEMO01'] },
  zone_no_fixed_address: { communes: ['69383'], qpv: [] },
  zone_match: { commune: '69259', qpv: null },
  public_exclusive: { publics: ['familles'] },
  public_preferred: { publics: ['beneficiaires-des-minimas-sociaux'] },
  public_exclusive_mismatch: { publics: ['etudiants'] },
  public_exclusive_unverified: { publics: ['etudiants'] },
  unconditional: {},
  needs_referral: { fiche: true, canaux: ['application', 'courriel'] },
  needs_appointment: {},
  needs_registration: {},
  direct_access: {},
  documents_required: { documents: ['piece-identite', 'attestation-caf'] },
  document_may_be_missing: { document: 'justificatif-domicile' },
  slow_access_for_urgency: { urgence: 'aujourdhui' },
  diet_supported: { regimes: ['halal'] },
  diet_not_declared: { regimes: ['sans-porc', 'vegetarien'] },
  food_quality: { qualites: ['fruits-legumes-frais', 'bio', 'choix'] },
  food_quality_not_declared: {},
  language_spoken: { langues: ['ar', 'fr'] },
  language_not_spoken: { langues: ['fr'] },
  distance_beyond_max: { km: 7.25, max: 5 },
  distance_beyond_mobility: { km: 3.4, mode: 'pied', typical_km: 2 },
  remote_possible: {},
  free: {},
  solidarity_price: { min: 10, max: 30 },
  paid: {},
  closed_until: { until: '2026-11-12' },
  exceptional_hours: { until: null },
  open_now: { until: at('2026-11-03T12:00:00+01:00') },
  opens_today: { at: at('2026-11-03T14:00:00+01:00') },
  opens_this_week: { at: at('2026-11-04T09:00:00+01:00') },
  not_open_today: { next: at('2026-11-05T09:30:00+01:00') },
  not_open_this_week: { next: at('2026-11-19T14:00:00+01:00') },
  no_opening_soon: {},
  opening_in_availability: { at: at('2026-11-07T10:00:00+01:00') },
  no_opening_in_availability: {},
  hours_unknown: {},
  hours_to_confirm: { comment: 'sur inscription' },
  verified_recently: { months: 2 },
  verification_due: { months: 7 },
  listing_obsolete: { months: 14 },
  never_verified: { months_since_change: 5 },
  places_available: {},
  places_limited: {},
  waiting_list: {},
  moved_for_diversity: { structure_id: 'test--s1' },
  mdm_recommended: { commune: '69259' },
  colleague_criteria: { criteres: ['bon accueil des familles'] },
  amount_above: { indicator: 'reste_a_vivre', max: 8, value: 9.5 },
  amount_above_estimate: { indicator: 'quotient_familial', max: 700, value: 760 },
  amount_unknown: { indicator: 'reste_a_vivre', max: 8 },
  amount_match: { indicator: 'quotient_familial', max: 700, value: 417, estimated: true },
};

/** Spaces as a reader sees them: the non-breaking ones keep « 30 » and « % » on one line. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const text = <C extends ReasonCode>(code: C, params: ReasonParams[C], openings = []) =>
  reasonText({ code, kind: 'info', params } as Reason, { now: NOW, openings });

describe('reason sentences', () => {
  it('say who recommends a partner and which colleagues’ criteria it carries', () => {
    expect(text('mdm_recommended', { commune: '69259' })).toBe('Recommandé par la MDM de Vénissieux');
    expect(text('colleague_criteria', { criteres: ['halal', 'bon accueil des familles'] })).toBe(
      'Critère de collègues : halal, bon accueil des familles',
    );
  });

  it('say an épicerie’s ceiling with the person’s figure, or that the amount is missing', () => {
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(text('amount_match', { indicator: 'reste_a_vivre', max: 8, value: 6.2, estimated: false }))).toBe(
      'Reste à vivre de 6,20 € par jour et par personne, dans la limite de 8 €',
    );
    expect(plain(text('amount_above', SAMPLES.amount_above))).toBe(
      'Reste à vivre de 9,50 € par jour et par personne, au-dessus du plafond de 8 €',
    );
    expect(plain(text('amount_match', SAMPLES.amount_match))).toBe(
      'Quotient familial estimé à 417 €, dans la limite de 700 €',
    );
    expect(plain(text('amount_above_estimate', SAMPLES.amount_above_estimate))).toBe(
      'Quotient familial estimé à 760 €, au-dessus du plafond de 700 € : vérifier le quotient de l’attestation CAF',
    );
    expect(plain(text('amount_unknown', SAMPLES.amount_unknown))).toBe(
      'Montant non renseigné : reste à vivre jusqu’à 8 € par jour et par personne',
    );
  });

  it('give every reason code of the matcher a French sentence, without raw codes or holes', () => {
    const codes = Object.keys(SAMPLES) as ReasonCode[];
    expect(codes.length).toBeGreaterThan(60);
    for (const code of codes) {
      const sentence = text(code, SAMPLES[code]);
      expect(sentence, code).toMatch(/^[A-ZÀ-Ý0-9]/);
      expect(sentence, code).not.toMatch(/undefined|null|NaN|\[object|_/);
    }
  });

  it('say the plain words the workers use', () => {
    expect(text('unconditional', {})).toBe('Accueil sans condition');
    expect(text('needs_referral', SAMPLES.needs_referral)).toBe(
      'Sur orientation : fiche de liaison à remplir (dans Boussole ou par courriel)',
    );
    expect(text('resources_match', SAMPLES.resources_match)).toBe(
      'Ressources acceptées : Minima sociaux (RSA, ASS, AAH…)',
    );
    expect(text('zone_outside', SAMPLES.zone_outside)).toBe('Réservé aux habitants de Bron');
    // What is known: the partner has not said; never « Régime non indiqué par le partenaire : halal ».
    expect(text('diet_not_declared', { regimes: ['halal'] })).toBe(
      'Halal : le partenaire n’a pas dit s’il en propose, à lui demander',
    );
    expect(text('diet_not_declared', SAMPLES.diet_not_declared)).toBe(
      'Sans porc et végétarien : le partenaire n’a pas dit s’il en propose, à lui demander',
    );
    expect(text('zone_unknown', SAMPLES.zone_unknown)).toBe(
      'Réservé aux habitants de Vénissieux, Lyon et quartier QNDEMO01 : lieu de vie à préciser',
    );
    expect(text('covers_needs', SAMPLES.covers_needs)).toBe(
      'Répond à : Aide alimentaire (colis, distribution) et Faire ses courses à prix solidaire',
    );
    expect(text('secondary_answer', SAMPLES.secondary_answer)).toBe(
      'Répond moins directement à : Faire ses courses à prix solidaire',
    );
    expect(text('age_unknown', SAMPLES.age_unknown)).toBe('Âge à préciser : accueil de 18 à 25 ans');
    expect(text('documents_required', SAMPLES.documents_required)).toBe(
      "Justificatifs demandés : pièce d'identité ou titre de séjour et attestation CAF ou quotient familial",
    );
    expect(text('distance_beyond_max', SAMPLES.distance_beyond_max)).toBe('À 7,3 km, au-delà des 5 km acceptés');
    expect(plain(text('solidarity_price', SAMPLES.solidarity_price))).toBe('10 à 30 % du prix en magasin');
    expect(text('waiting_list', {})).toBe('Complet (liste d’attente)');
  });

  it('say a price with its amounts when the listing has them, « 42 % » and never « 42 à 42 % »', () => {
    const withTarif = (code: 'free' | 'solidarity_price' | 'paid', tarif: Tarif) =>
      plain(
        reasonText({ code, kind: 'plus', params: code === 'solidarity_price' ? { min: 42, max: 42 } : {} } as Reason, {
          now: NOW,
          tarif,
        }),
      );
    const panier: Tarif = {
      type: 'solidaire',
      pourcentage_min: 42,
      pourcentage_max: 42,
      montant: 5,
      montant_reference: 12,
      unite: 'panier',
      precisions: 'Panier à 5 € au lieu de 12 €',
    };
    expect(withTarif('solidarity_price', panier)).toBe('Panier à 5 € au lieu de 12 €');
    expect(withTarif('paid', { type: 'payant', adhesion: { montant: 2, periode: 'mois' } })).toBe(
      'Adhésion 2 € par mois',
    );
    expect(
      withTarif('solidarity_price', { type: 'solidaire', montant: 1, unite: 'repas', precisions: 'Sur orientation' }),
    ).toBe('Repas à 1 €. Sur orientation');
    expect(withTarif('free', { type: 'gratuit' })).toBe('Gratuit');
    // Without the listing, the matcher's share alone: one figure when both bounds are the same.
    expect(plain(text('solidarity_price', { min: 42, max: 42 }))).toBe('42 % du prix en magasin');
    expect(text('solidarity_price', { min: null, max: null })).toBe('Prix solidaire');
  });

  it('tell hours on the Paris clock, relative to the orientation, a day always with its date', () => {
    expect(text('open_now', SAMPLES.open_now)).toBe('Ouvert maintenant jusqu’à 12h');
    const tomorrow9 = at('2026-11-04T09:00:00+01:00');
    const opening = { start: tomorrow9, end: at('2026-11-04T12:00:00+01:00'), day: '2026-11-04' };
    expect(
      text('opens_this_week', { at: tomorrow9 }, [
        { ...opening, uncertain: false, comment: null, exceptional: false },
      ] as never),
    ).toBe('Ouvert demain mercredi 4 novembre de 9h à 12h');
    expect(text('opens_this_week', { at: tomorrow9 })).toBe('Ouvert demain mercredi 4 novembre à 9h');
    expect(text('opens_today', SAMPLES.opens_today)).toBe('Ouvert aujourd’hui mardi 3 novembre à 14h');
    expect(text('not_open_today', SAMPLES.not_open_today)).toBe(
      'Pas ouvert aujourd’hui (prochaine ouverture : jeudi 5 novembre à 9h30)',
    );
    expect(text('opening_in_availability', SAMPLES.opening_in_availability)).toBe(
      'Ouvert quand la personne est disponible : samedi 7 novembre à 10h',
    );
    // Across the new year, the year is said; the first of the month is « 1er ».
    const newYear = Date.parse('2026-12-30T10:00:00+01:00');
    expect(
      reasonText(
        { code: 'opens_this_week', kind: 'plus', params: { at: at('2027-01-01T09:00:00+01:00') } },
        { now: newYear },
      ),
    ).toBe('Ouvert vendredi 1er janvier 2027 à 9h');
    expect(text('not_open_this_week', SAMPLES.not_open_this_week)).toBe(
      'Pas ouvert cette semaine (prochaine ouverture : jeudi 19 novembre à 14h)',
    );
    expect(text('closed_until', SAMPLES.closed_until)).toBe('Fermé jusqu’au 12 novembre');
    expect(text('closed_until', { until: '2027-01-04' })).toBe('Fermé jusqu’au 4 janvier 2027');
  });

  it('keep the Paris clock in summer time too', () => {
    const july = Date.parse('2026-07-01T08:00:00Z'); // 10:00 in Paris
    expect(reasonText({ code: 'open_now', kind: 'plus', params: { until: july } }, { now: july - 3_600_000 })).toBe(
      'Ouvert maintenant jusqu’à 10h',
    );
  });
});

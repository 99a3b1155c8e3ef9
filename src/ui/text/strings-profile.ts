// French strings of what épiceries decide on: resources and charges with the reste à vivre and the
// quotient familial computed from them, employment, disability, colleagues' criteria in the orientation, and the
// amount ceilings of a service (editor, partner sheet, reasons). Kept beside strings.ts because only lazy chunks
// read them: in strings.ts they would ride on the first load, whose budget they would break.
import type { ChargeKind, ResourceKind } from '../../domain/budget.ts';
import type { AmountIndicator } from '../../matching/reasons.ts';

const nbsp = '\u00a0';
const formats = new Map<number, Intl.NumberFormat>();
/** A French number with `min` to 2 decimals (formatters made on first use: the first one costs milliseconds). */
function number(x: number, min: number): string {
  let f = formats.get(min);
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: min, maximumFractionDigits: 2 });
    formats.set(min, f);
  }
  return f.format(x);
}

/** "6,20 €": a reste à vivre, always to the cent. */
export const euroCents = (x: number) => `${number(x, 2)}${nbsp}€`;
/** "450 €", "12,5 €": an amount as typed or a ceiling. */
export const euros = (x: number) => `${number(x, 0)}${nbsp}€`;

const perDay = `par jour et par personne`;

export const frProfile = {
  budget: {
    summary: 'Ressources et charges (reste à vivre, quotient familial)',
    intro:
      'Montants du foyer en euros par mois, pour les épiceries qui décident sur le reste à vivre ou le quotient familial. Laissez vide ce que vous ne savez pas ; 0 si le foyer n’a rien.',
    resourcesLegend: 'Ressources du foyer (€ par mois)',
    chargesLegend: 'Charges fixes du foyer (€ par mois)',
    resources: {
      salaires: 'Salaires et allocations chômage',
      pensions: 'Retraites et pensions',
      minima_sociaux: 'RSA, prime d’activité, AAH, ASS',
      prestations_caf: 'Allocations familiales et logement (CAF)',
      autres: 'Autres ressources',
    } satisfies Record<ResourceKind, string>,
    charges: {
      loyer: 'Loyer et charges, ou prêt du logement',
      energie: 'Énergie et eau',
      credits: 'Crédits et dettes',
      assurances: 'Assurances et mutuelle',
      autres: 'Autres charges (téléphone, transport…)',
    } satisfies Record<ChargeKind, string>,
    qfLegend: 'Quotient familial',
    qfCaf: 'Quotient familial CAF inscrit sur l’attestation (€)',
    qfCafHint: 'S’il est connu : il remplace l’estimation.',
    taxable: 'Revenus imposables de l’année, sur l’avis d’imposition (€ par an)',
    taxableHint: 'Sinon, l’estimation prend les salaires et pensions du mois.',
    disabledChildren: 'Enfants en situation de handicap (AEEH)',
    disabledChildrenHint: 'Une demi-part de plus chacun.',
    invalid: 'Montant attendu en euros, par exemple 450 ou 12,50',
    negative: 'Un montant ne peut pas être négatif',
    tooLarge: (max: number) => `Montant trop élevé (au plus ${euros(max)})`,
    countInvalid: (max: number) => `Nombre entier attendu, de 0 à ${max}`,
    resultTitle: 'Calculé sur l’appareil',
    rav: (value: number) => `Reste à vivre : ${euroCents(value)} ${perDay}`,
    ravHow: (ressources: number, charges: number, personnes: number) =>
      `(${euros(ressources)} de ressources − ${euros(charges)} de charges) ÷ ${personnes} ${personnes > 1 ? 'personnes' : 'personne'} ÷ 30 jours`,
    ravNeedsAmounts: 'Reste à vivre : indiquez au moins une ressource (0 si le foyer n’en a aucune).',
    ravNeedsHousehold: 'Reste à vivre : indiquez le foyer (adultes et âge de chaque enfant).',
    qfFromCaf: (value: number) => `Quotient familial : ${euros(value)} (attestation CAF)`,
    qfEstimated: (value: number) => `Quotient familial estimé : ${euros(value)}`,
    qfHow: (revenus: number, prestations: number, n: number) =>
      `(${euros(revenus)} de revenus imposables par mois + ${euros(prestations)} de prestations) ÷ ${number(n, 0)} parts CAF`,
    qfNeeds: 'Quotient familial : indiquez le foyer et des ressources, ou le quotient de l’attestation CAF.',
    source:
      'Reste à vivre = (ressources − charges fixes) ÷ personnes du foyer ÷ 30, comme le comptent les épiceries sociales. Quotient familial = (revenus imposables de l’année ÷ 12 + prestations du mois) ÷ parts CAF.',
  },
  situation: {
    emploi: 'Activité professionnelle',
    handicap: 'Situation de handicap',
    reconnaissances: 'Reconnaissances du handicap',
  },
  criteres: {
    legend: 'Critères des collègues et des MDM',
    hint: 'Les partenaires qui portent ces critères passent devant ; les autres ne sont pas écartés.',
  },
  editor: {
    legend: 'Plafonds de ressources (épiceries sociales)',
    intro: 'Si l’accès dépend d’un montant : la personne doit être au plus à ce plafond. Laissez vide sinon.',
    ravMax: 'Reste à vivre maximum (€ par jour et par personne)',
    qfMax: 'Quotient familial CAF maximum (€)',
    invalid: 'Montant attendu en euros, par exemple 8 ou 7,50',
  },
  sheet: {
    ravMax: (max: number) => `Reste à vivre jusqu’à ${euros(max)} ${perDay}`,
    qfMax: (max: number) => `Quotient familial CAF jusqu’à ${euros(max)}`,
  },
  reasons: {
    figure: (indicator: AmountIndicator, value: number, estimated: boolean) =>
      indicator === 'reste_a_vivre'
        ? `Reste à vivre de ${euroCents(value)} ${perDay}`
        : `Quotient familial ${estimated ? 'estimé à' : 'de'} ${euros(value)}`,
    ceiling: (indicator: AmountIndicator, max: number) =>
      indicator === 'reste_a_vivre'
        ? `reste à vivre jusqu’à ${euros(max)} ${perDay}`
        : `quotient familial jusqu’à ${euros(max)}`,
    match: (figure: string, max: number) => `${figure}, dans la limite de ${euros(max)}`,
    above: (figure: string, max: number) => `${figure}, au-dessus du plafond de ${euros(max)}`,
    aboveEstimate: (figure: string, max: number) =>
      `${figure}, au-dessus du plafond de ${euros(max)} : vérifier le quotient de l’attestation CAF`,
    unknown: (ceiling: string) => `Montant non renseigné : ${ceiling}`,
  },
} as const;

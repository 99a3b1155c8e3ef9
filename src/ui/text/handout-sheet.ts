// What the person's sheet says about one partner, in words, computed once and read by both the printed sheet
// (HandoutScreen) and its text version (Partager). Nothing about the person: only the partner, and how far it is
// from where the person lives when the orientation knew it.
import { priceText } from '../../domain/price-words.ts';
import { CANAUX_LIAISON, JUSTIFICATIFS } from '../../domain/vocabulary.ts';
import type { HoursEngine } from '../../matching/hours/hours-engine.ts';
import type { ServiceEntry } from '../../matching/snapshot-entry.ts';
import type { RecapItem } from '../models/recap-model.ts';
import { fr } from '../strings.ts';
import { distance, fullDate, inSentence, or } from './fr-format.ts';
import { nextOpenings, openingInWords, regularWeek, temporaryInWords } from './hours-words.ts';

const H = fr.handout;

export interface PartnerSheet {
  serviceId: string;
  name: string;
  service: string;
  /** Street lines then "69200 Vénissieux". */
  address: string[];
  howToGo: string[];
  /** null while the hours library loads. */
  hours: { temporary: string[]; next: string[]; week: string[]; note: string | null; none: boolean } | null;
  documents: string[];
  referral: string[];
  price: string;
  phone: string | null;
  email: string | null;
  latitude: number | null;
  longitude: number | null;
}

export function partnerSheet(
  item: RecapItem,
  entry: ServiceEntry,
  engine: HoursEngine | null,
  now: number,
): PartnerSheet {
  const { service, structure } = entry;
  const place = service.lieu ?? structure;
  const address = place
    ? [
        place.adresse,
        ...(place.complement_adresse ? [place.complement_adresse] : []),
        `${place.code_postal} ${place.commune}`,
      ]
    : [];
  const access = service.lieu ? service.lieu.accessibilite : structure?.accessibilite;
  const howToGo = [
    ...(item.distanceKm !== null ? [H.distance(distance(item.distanceKm), item.distanceApproximate)] : []),
    ...(access?.pmr ? [H.stepFree] : []),
    ...(access?.note ? [access.note] : []),
  ];
  const e = service.eligibilite;
  const fiche = service.fiche_liaison;
  const referral = [
    fiche.requise
      ? H.referralFiche(or(fiche.canaux.map((c) => inSentence(CANAUX_LIAISON[c]))))
      : e.sur_orientation
        ? H.referralOnly
        : null,
    e.sur_rendez_vous ? H.appointment : null,
    e.sur_inscription ? H.registration : null,
  ].filter((x): x is string => x !== null);
  return {
    serviceId: service.id,
    name: structure?.nom ?? service.nom,
    service: service.nom,
    address,
    howToGo,
    hours: engine ? hoursOf(engine, entry, now) : null,
    documents: e.justificatifs.filter((j) => j !== 'fiche-liaison').map((j) => JUSTIFICATIFS[j]),
    referral: referral.length > 0 ? referral : [H.direct],
    price: priceText(service.tarif),
    phone: service.telephone ?? structure?.telephone ?? null,
    email: service.courriel ?? structure?.courriel ?? null,
    latitude: entry.locationApprox ? null : entry.latitude,
    longitude: entry.locationApprox ? null : entry.longitude,
  };
}

function hoursOf(engine: HoursEngine, entry: ServiceEntry, now: number): NonNullable<PartnerSheet['hours']> {
  const next = nextOpenings(engine, entry, now).map((o) => openingInWords(o, now));
  const week = regularWeek(engine, entry.hours, now);
  const note =
    entry.service.horaires_note ?? (entry.service.horaires_accueil ? null : entry.structure?.horaires_note) ?? null;
  return {
    temporary: temporaryInWords(entry.service.infos_temporaires, now),
    next,
    week,
    note,
    none: next.length === 0 && week.length === 0,
  };
}

/** The sheet as plain text, for the Web Share API (a message, an e-mail): same content, no QR codes. */
export function sheetText(sheets: readonly PartnerSheet[], firstName: string, now: number): string {
  const blocks = sheets.map((s) =>
    [
      `${s.name} — ${s.service}`,
      ...s.address,
      ...s.howToGo,
      ...(s.hours
        ? [
            ...s.hours.temporary,
            ...(s.hours.next.length > 0 ? [`${H.nextOpenings} ${s.hours.next.join(' ; ')}`] : []),
            ...(s.hours.week.length > 0 ? [`${H.usually} ${s.hours.week.join(' ; ')}`] : []),
            ...(s.hours.note ? [s.hours.note] : []),
            ...(s.hours.none ? [H.noHours] : []),
          ]
        : []),
      `${H.toBring} : ${s.documents.length > 0 ? s.documents.join(', ') : H.nothingToBring}`,
      ...s.referral,
      `${H.price} : ${s.price}`,
      ...(s.phone ? [H.phone(s.phone)] : []),
      ...(s.email ? [H.email(s.email)] : []),
    ].join('\n'),
  );
  const head = [H.title, ...(firstName.trim() ? [H.forPerson(firstName.trim())] : []), H.madeOn(fullDate(now))];
  return [head.join('\n'), ...blocks].join('\n\n');
}

// A service's conditions as sentences for the partner sheet: who is welcome, what to bring, how to refer (the price
// is said by src/domain/price-words.ts). Labels come from the vocabulary (src/domain/vocabulary.ts), sentences from
// strings.ts (and strings-profile.ts); nothing is spelled here.
import { communeByCode } from '../../domain/communes.ts';
import type { Eligibilite, FicheLiaison, InfoTemporaire, Service } from '../../domain/service.ts';
import {
  ACCUEIL,
  CANAUX_LIAISON,
  GENRES_ACCUEILLIS,
  JUSTIFICATIFS,
  RESSOURCES,
  SITUATIONS_ADMINISTRATIVES,
  SITUATIONS_FAMILIALES,
  TYPES_CHAMP,
} from '../../domain/vocabulary.ts';
import { PUBLICS } from '../../domain/vocabulary-data-inclusion.ts';
import { frSheet } from '../partner-sheet/strings-sheet.ts';
import { frProfile } from './strings-profile.ts';

const list = new Intl.ListFormat('fr-FR', { type: 'conjunction' });
const labelled = <T extends string>(table: Readonly<Record<T, string>>, values: readonly T[]) =>
  list.format(values.map((v) => table[v] ?? v));

/** Who is welcome and on which terms, one sentence per condition. */
export function eligibilityWords(e: Eligibilite): string[] {
  const S = frSheet;
  const out: string[] = [ACCUEIL[e.accueil]];
  if (!(e.publics.length === 1 && e.publics[0] === 'tous-publics')) out.push(S.publics(labelled(PUBLICS, e.publics)));
  if (e.age_min !== undefined || e.age_max !== undefined) out.push(S.ages(e.age_min, e.age_max));
  if (e.genre) out.push(GENRES_ACCUEILLIS[e.genre]);
  if (e.situations_familiales?.length) out.push(S.families(labelled(SITUATIONS_FAMILIALES, e.situations_familiales)));
  if (e.situations_administratives?.length) {
    out.push(S.administrative(labelled(SITUATIONS_ADMINISTRATIVES, e.situations_administratives)));
  }
  if (e.ressources?.length) out.push(S.resources(labelled(RESSOURCES, e.ressources)));
  if (e.reste_a_vivre_max !== undefined) out.push(frProfile.sheet.ravMax(e.reste_a_vivre_max));
  if (e.quotient_familial_max !== undefined) out.push(frProfile.sheet.qfMax(e.quotient_familial_max));
  if (e.zone) {
    const places = [
      ...e.zone.communes.map((code) => communeByCode(code)?.nom ?? code),
      ...e.zone.qpv.map((code) => S.qpv(code)),
    ];
    out.push(S.zone(list.format(places)));
  }
  if (e.sur_orientation) out.push(S.onReferral);
  if (e.sur_rendez_vous) out.push(S.onAppointment);
  if (e.sur_inscription) out.push(S.onRegistration);
  if (!e.sur_orientation && !e.sur_rendez_vous && !e.sur_inscription) out.push(S.directAccess);
  if (e.precisions) out.push(e.precisions);
  return out;
}

export function documentWords(e: Eligibilite): string[] {
  return e.justificatifs.map((j) => JUSTIFICATIFS[j]);
}

export interface ReferralWords {
  required: string;
  channels: string;
  fields: string[];
}

export function referralWords(f: FicheLiaison): ReferralWords {
  return {
    required: f.requise ? frSheet.ficheRequired : frSheet.ficheNotRequired,
    channels: frSheet.channels(labelled(CANAUX_LIAISON, f.canaux)),
    fields: f.champs.map((c) => frSheet.field(c.libelle, TYPES_CHAMP[c.type], c.requis)),
  };
}

export interface Notice {
  service: Service;
  info: InfoTemporaire;
  /** Under way today (else to come). */
  current: boolean;
}

/** Temporary information still relevant on `today` (under way first, then to come), for the top of the sheet. */
export function noticesOf(services: readonly Service[], today: string): Notice[] {
  const out: Notice[] = [];
  for (const service of services) {
    for (const info of service.infos_temporaires) {
      if (info.fin !== undefined && info.fin < today) continue;
      out.push({ service, info, current: info.debut <= today });
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      a.info.debut.localeCompare(b.info.debut) ||
      a.info.id.localeCompare(b.info.id),
  );
}

// How each Boussole field maps to data·inclusion v1 and back, as "lenses": a lens owns some data·inclusion fields,
// writes them from a Boussole record (`toDi`) and, on import, rewrites the Boussole fields they stand for
// (`fromDi`). Import compares first: when the incoming values are exactly what the listing already exports, the
// listing keeps its richer value (a "prix solidaire 10–30 %" exports as `payant` and comes back unchanged); only
// a real difference is written. Fields data·inclusion lacks are never touched by a lens, so they are kept.
import { PRICE_WORDS_FR, priceDetails } from '../domain/price-words.ts';
import type { Eligibilite, FicheLiaison, Tarif } from '../domain/service.ts';
import { JUSTIFICATIFS } from '../domain/vocabulary.ts';

export type Rec = Record<string, unknown>;

export interface Lens {
  /** The data·inclusion fields this lens owns. */
  di: readonly string[];
  toDi(record: Rec): Rec;
  /** The Boussole fields to set from the incoming record (undefined removes an optional field). */
  fromDi(incoming: Rec, record: Rec): Rec;
}

export const orNull = (value: unknown) => (value === undefined || value === '' ? null : value);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Same name on both sides, same value. */
function same(field: string, diField = field): Lens {
  return {
    di: [diField],
    toDi: (r) => ({ [diField]: orNull(r[field]) }),
    fromDi: (i) => ({ [field]: typeof i[diField] === 'string' ? str(i[diField]) : (i[diField] ?? undefined) }),
  };
}

/** Coordinates are nullable in Boussole (absent = null), not optional. */
function coordinate(field: 'latitude' | 'longitude'): Lens {
  return { di: [field], toDi: (r) => ({ [field]: orNull(r[field]) }), fromDi: (i) => ({ [field]: i[field] ?? null }) };
}

/** Lists: absent in data·inclusion is an empty list in Boussole. */
function list(field: string): Lens {
  return {
    di: [field],
    toDi: (r) => ({ [field]: Array.isArray(r[field]) && r[field].length > 0 ? r[field] : null }),
    fromDi: (i) => ({ [field]: Array.isArray(i[field]) ? i[field] : [] }),
  };
}

function accessibilite(): Lens {
  return {
    di: ['accessibilite_lieu'],
    toDi: (r) => ({ accessibilite_lieu: orNull((r.accessibilite as Rec | undefined)?.lien_accesslibre) }),
    fromDi(i, r) {
      const next: Rec = { ...(r.accessibilite as Rec | undefined) };
      const link = str(i.accessibilite_lieu);
      if (link === undefined) delete next.lien_accesslibre;
      else next.lien_accesslibre = link;
      return { accessibilite: Object.keys(next).length > 0 ? next : undefined };
    },
  };
}

export const STRUCTURE_LENSES: readonly Lens[] = [
  same('nom'),
  same('date_maj'),
  same('siret'),
  same('description'),
  same('adresse'),
  same('complement_adresse'),
  same('code_postal'),
  same('commune'),
  same('code_insee'),
  coordinate('latitude'),
  coordinate('longitude'),
  same('telephone'),
  same('courriel'),
  same('site_web'),
  same('horaires_accueil'),
  accessibilite(),
  list('reseaux_porteurs'),
];

// --- Services --------------------------------------------------------------------------------------------------

const ADDRESS = ['adresse', 'complement_adresse', 'code_postal', 'commune', 'code_insee', 'latitude', 'longitude'];

/** A service's own place (`lieu`); no address in data·inclusion means "at the structure". */
const lieu: Lens = {
  di: ADDRESS,
  toDi: (r) => Object.fromEntries(ADDRESS.map((f) => [f, orNull((r.lieu as Rec | undefined)?.[f])])),
  fromDi(i, r) {
    if (ADDRESS.every((f) => orNull(i[f]) === null)) return { lieu: undefined };
    const next: Rec = { ...(r.lieu as Rec | undefined) };
    for (const f of ADDRESS) {
      const value = f === 'latitude' || f === 'longitude' ? (i[f] ?? null) : str(i[f]);
      if (value === undefined) delete next[f];
      else next[f] = value;
    }
    return { lieu: next };
  },
};

export const UNKNOWN_PRICE = 'Tarif non renseigné par la source : à vérifier';

/**
 * data·inclusion has only `gratuit | payant` and a text: the amounts go into the text, said as in Boussole
 * (« Panier à 7 € au lieu de 18 €. Adhésion 2 € par mois »), and whole under `extension_boussole`.
 */
const tarif: Lens = {
  di: ['frais', 'frais_precisions'],
  toDi(r) {
    const t = r.tarif as Tarif;
    const details = priceDetails(t);
    return {
      frais: t.type === 'gratuit' ? 'gratuit' : 'payant',
      frais_precisions: details.length > 0 ? PRICE_WORDS_FR.join(details) : null,
    };
  },
  fromDi(i) {
    const precisions = str(i.frais_precisions);
    if (i.frais === 'gratuit') return { tarif: { type: 'gratuit', ...(precisions ? { precisions } : {}) } };
    // No price said: "payant, à vérifier" rather than promising a free service.
    return { tarif: { type: 'payant', precisions: precisions ?? UNKNOWN_PRICE } };
  },
};

const eligibility = (r: Rec) => r.eligibilite as Eligibilite;
const liaison = (r: Rec) => r.fiche_liaison as FicheLiaison;

const publics: Lens = {
  di: ['publics'],
  toDi: (r) => ({ publics: eligibility(r).publics }),
  fromDi(i, r) {
    const e = eligibility(r);
    const values = Array.isArray(i.publics) ? (i.publics as string[]) : ['tous-publics'];
    const everyone = values.length === 1 && values[0] === 'tous-publics';
    const accueil = everyone ? 'inconditionnel' : e.accueil === 'inconditionnel' ? 'preferentiel' : e.accueil;
    return { eligibilite: { ...e, publics: values, accueil } };
  },
};

const publicsPrecisions: Lens = {
  di: ['publics_precisions'],
  toDi: (r) => ({ publics_precisions: orNull(eligibility(r).precisions) }),
  fromDi(i, r) {
    const { precisions: _, ...e } = eligibility(r);
    const text = str(i.publics_precisions);
    return { eligibilite: text === undefined ? e : { ...e, precisions: text } };
  },
};

/** What a person must bring or do, as one French sentence (data·inclusion `conditions_acces`). */
export function conditionsText(e: Eligibilite): string | null {
  const parts: string[] = [];
  if (e.age_min !== undefined && e.age_max !== undefined) parts.push(`De ${e.age_min} à ${e.age_max} ans`);
  else if (e.age_min !== undefined) parts.push(`À partir de ${e.age_min} ans`);
  else if (e.age_max !== undefined) parts.push(`Jusqu’à ${e.age_max} ans`);
  if (e.sur_orientation) parts.push('Sur orientation d’un ou d’une professionnelle');
  if (e.sur_rendez_vous) parts.push('Sur rendez-vous');
  if (e.sur_inscription) parts.push('Sur inscription');
  if (e.justificatifs.length > 0) {
    parts.push(`Justificatifs : ${e.justificatifs.map((j) => JUSTIFICATIFS[j]).join(' ; ')}`);
  }
  return parts.length > 0 ? `${parts.join('. ')}.` : null;
}

/**
 * A data·inclusion text Boussole holds as structured fields: written from them; a different incoming text is
 * added to the eligibility notes once (re-importing the same file adds nothing).
 */
function noteOnly(diField: string, label: string, write: (r: Rec) => string | null): Lens {
  return {
    di: [diField],
    toDi: (r) => ({ [diField]: write(r) }),
    fromDi(i, r) {
      const e = eligibility(r);
      const text = str(i[diField]);
      if (text === undefined || e.precisions?.includes(text)) return {};
      const note = `${label} : ${text}`;
      return { eligibilite: { ...e, precisions: e.precisions ? `${e.precisions}\n${note}` : note } };
    },
  };
}

const zone: Lens = {
  di: ['zone_eligibilite'],
  toDi: (r) => {
    const communes = eligibility(r).zone?.communes ?? [];
    return { zone_eligibilite: communes.length > 0 ? communes : null };
  },
  fromDi(i, r) {
    const { zone: current, ...e } = eligibility(r);
    const codes = Array.isArray(i.zone_eligibilite) ? (i.zone_eligibilite as string[]) : [];
    // A département, an EPCI or a country covers the whole Métropole: no restriction for Boussole.
    const communes = codes.every((c) => /^(\d{5}|2[AB]\d{3})$/.test(c) && !c.startsWith('99')) ? codes : [];
    const qpv = current?.qpv ?? [];
    return { eligibilite: communes.length + qpv.length > 0 ? { ...e, zone: { communes, qpv } } : e };
  },
};

const mobilisablePar: Lens = {
  di: ['mobilisable_par'],
  toDi: (r) => ({
    mobilisable_par: eligibility(r).sur_orientation ? ['professionnels'] : ['usagers', 'professionnels'],
  }),
  fromDi(i, r) {
    const by = Array.isArray(i.mobilisable_par) ? (i.mobilisable_par as string[]) : undefined;
    const e = eligibility(r);
    return { eligibilite: { ...e, sur_orientation: by ? !by.includes('usagers') : e.sur_orientation } };
  },
};

const CANAL_TO_MODE: Record<string, string> = {
  courriel: 'envoyer-un-courriel',
  telephone: 'telephoner',
  'sur-place': 'se-presenter',
};

const modesMobilisation: Lens = {
  di: ['modes_mobilisation'],
  toDi(r) {
    const modes = liaison(r).canaux.flatMap((c) => (CANAL_TO_MODE[c] ? [CANAL_TO_MODE[c]] : []));
    return { modes_mobilisation: modes.length > 0 ? modes : null };
  },
  fromDi(i, r) {
    const f = liaison(r);
    const modes = Array.isArray(i.modes_mobilisation) ? (i.modes_mobilisation as string[]) : [];
    const courriel = f.courriel ?? str(i.courriel);
    const telephone = f.telephone ?? str(i.telephone);
    // A channel needs its address: without one it is left out rather than made up.
    const canaux = [
      ...f.canaux.filter((c) => c === 'application'),
      ...(modes.includes('envoyer-un-courriel') && courriel ? ['courriel'] : []),
      ...(modes.includes('telephoner') && telephone ? ['telephone'] : []),
      ...(modes.includes('se-presenter') ? ['sur-place'] : []),
    ];
    return {
      fiche_liaison: {
        ...f,
        canaux: canaux.length > 0 ? canaux : ['sur-place'],
        ...(canaux.includes('courriel') && courriel ? { courriel } : {}),
        ...(canaux.includes('telephone') && telephone ? { telephone } : {}),
      },
    };
  },
};

const lienMobilisation: Lens = {
  di: ['lien_mobilisation'],
  toDi: (r) => ({ lien_mobilisation: orNull(liaison(r).modele_url) }),
  fromDi(i, r) {
    const { modele_url: _, ...f } = liaison(r);
    const link = str(i.lien_mobilisation);
    return { fiche_liaison: link === undefined ? f : { ...f, modele_url: link } };
  },
};

/** A required Boussole field data·inclusion may leave empty: empty keeps the listing's (or the default) value. */
function required(field: string, fallback: (i: Rec, r: Rec) => unknown = (_i, r) => r[field]): Lens {
  return {
    di: [field],
    toDi: (r) => ({ [field]: orNull(r[field]) }),
    fromDi: (i, r) => {
      const value = i[field];
      const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
      return { [field]: empty ? fallback(i, r) : value };
    },
  };
}

export const SERVICE_LENSES: readonly Lens[] = [
  same('nom'),
  same('description'),
  same('date_maj'),
  required('type'),
  list('thematiques'),
  tarif,
  publics,
  publicsPrecisions,
  noteOnly('conditions_acces', 'Conditions d’accès', (r) => conditionsText(eligibility(r))),
  noteOnly('mobilisation_precisions', 'Mobilisation', () => null),
  zone,
  mobilisablePar,
  lieu,
  same('telephone'),
  same('courriel'),
  same('contact_nom', 'contact_nom_prenom'),
  same('horaires_accueil'),
  required('modes_accueil'),
  modesMobilisation,
  lienMobilisation,
];

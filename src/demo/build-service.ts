// Turns a service template into a Service record for one structure: name, hours (own or the structure's),
// eligibility, fiche de liaison, price, temporary information, freshness; sometimes a permanence hors les murs.
import { ADDRESSABLE_COMMUNES } from '../domain/communes.ts';
import type { Service } from '../domain/service.ts';
import { fill, type NameParts, type ServiceTemplate } from './archetype.ts';
import { eligibility } from './eligibility.ts';
import { dated, type Freshness, infosTemporaires, pickFreshness } from './freshness.ts';
import { HOURS, HOURS_NOTES } from './hours.ts';
import { ficheLiaison } from './liaison.ts';
import { addressIn, communeLabel, fictionalEmail, fictionalPhone, neighbours, type Place } from './places.ts';
import { DEMO_QPV } from './qpv.ts';
import type { Rng } from './random.ts';
import { tarif } from './tarifs.ts';
import { CONTACT_ROLES } from './words.ts';

export interface ServiceContext {
  rng: Rng;
  nowMs: number;
  source: string;
  structureId: string;
  /** Whether the structure publishes hours the service can fall back on. */
  structureHasHours: boolean;
  structureLangues: Service['langues'] & {};
  place: Place;
  parts: NameParts;
  nameSlug: string;
  freshness: Freshness;
  verifiers: readonly string[];
}

const SERVICE_MAILBOXES = ['accueil', 'inscriptions', 'ateliers', 'distribution', 'benevoles'];
const FREQUENCES = [6, 6, 6, 6, 3, 3, 12, 1] as const;
const SATURATION = ['disponible', 'disponible', 'disponible', 'limite', 'limite', 'complet'] as const;
const SATURATION_NOTES = {
  disponible: undefined,
  limite: 'Plus que quelques places ce mois-ci',
  complet: 'Liste d’attente d’environ 6 semaines',
} as const;

/** A commune or QPV near the structure where a permanence is held. */
function elsewhere(rng: Rng, place: Place): Place {
  if (rng.chance(0.4)) {
    const qpv = rng.pick(DEMO_QPV);
    const commune = ADDRESSABLE_COMMUNES.find((c) => c.code_insee === qpv.code_insee) ?? place.commune;
    return { commune, label: communeLabel(commune), quartier: qpv.nom, qpv };
  }
  const commune = rng.pick(neighbours(place.commune, 4));
  return { commune, label: communeLabel(commune), quartier: place.quartier, qpv: undefined };
}

function ownHours(rng: Rng, template: ServiceTemplate, structureHasHours: boolean): string | undefined {
  const pool = template.hours;
  if (pool === undefined) return structureHasHours ? undefined : rng.pick(HOURS.monthly);
  if (structureHasHours && !rng.chance(template.ownHours ?? 0.8)) return undefined;
  return rng.pick(typeof pool === 'string' ? HOURS[pool as keyof typeof HOURS] : pool);
}

export function buildService(template: ServiceTemplate, id: string, ctx: ServiceContext): Service {
  const { rng, place } = ctx;
  const horsLesMurs = rng.chance(template.horsLesMurs ?? 0);
  const lieuPlace = horsLesMurs ? elsewhere(rng, place) : undefined;
  const baseName = fill(rng.pick(template.noms), ctx.parts);
  const nom = lieuPlace ? `${baseName} – hors les murs, ${lieuPlace.quartier} (${lieuPlace.label})` : baseName;

  let horaires = ownHours(rng, template, ctx.structureHasHours);
  if (lieuPlace && horaires === undefined) horaires = rng.pick(HOURS.monthly);
  // A few listings give no usable hours at all: only a note ("sur rendez-vous"), as partners do.
  const noHours = horaires === undefined && !ctx.structureHasHours;
  const note = noHours
    ? 'Sur rendez-vous uniquement : appeler avant de venir'
    : rng.chance(0.08)
      ? rng.pick(HOURS_NOTES)
      : undefined;

  const frequence = rng.pick(template.frequences ?? FREQUENCES);
  const freshness = rng.chance(0.8) ? ctx.freshness : pickFreshness(rng);
  const { date_maj, verification } = dated(rng, ctx.nowMs, freshness, frequence, ctx.verifiers);
  const regimes = template.regimes ? rng.sample(template.regimes, rng.int(0, template.regimes.length)) : [];
  const langues: Service['langues'] = template.langues
    ? ['fr', ...rng.sample(template.langues, rng.int(2, template.langues.length))]
    : rng.chance(0.15)
      ? [...ctx.structureLangues]
      : undefined;
  const etat = template.capacite ? rng.pick(SATURATION) : undefined;
  const saturationNote = etat ? SATURATION_NOTES[etat] : undefined;
  const visibilite = rng.chance(template.professionnels ?? 0.05) ? 'professionnels' : 'public';

  return {
    id,
    source: ctx.source,
    structure_id: ctx.structureId,
    nom,
    description: rng.pick(template.descriptions),
    type: template.type,
    thematiques: [...template.thematiques],
    ...(template.categorie ? { categorie: template.categorie } : {}),
    tarif: tarif(rng.pick(template.tarifs), rng),
    modes_accueil: rng.chance(template.distance ?? 0) ? ['en-presentiel', 'a-distance'] : ['en-presentiel'],
    ...(lieuPlace ? { lieu: lieuOf(rng, lieuPlace) } : {}),
    ...(horaires ? { horaires_accueil: horaires } : {}),
    ...(note ? { horaires_note: note } : {}),
    eligibilite: eligibility(rng.pick(template.eligibilites), rng, place),
    fiche_liaison: ficheLiaison(rng.pick(template.liaisons), rng, ctx.nameSlug),
    ...(etat ? { capacite: saturationNote ? { etat, note: saturationNote } : { etat } } : {}),
    infos_temporaires: infosTemporaires(rng, ctx.nowMs, id.slice(id.indexOf('--') + 2)),
    regimes,
    ...(langues ? { langues } : {}),
    ...(rng.chance(0.3) ? { telephone: fictionalPhone(rng) } : {}),
    ...(rng.chance(0.25) ? { courriel: fictionalEmail(rng.pick(SERVICE_MAILBOXES), ctx.nameSlug) } : {}),
    ...(rng.chance(0.3) ? { contact_nom: rng.pick(CONTACT_ROLES) } : {}),
    visibilite,
    frequence_maj_mois: frequence,
    date_maj,
    verification,
    version: 1,
  };
}

function lieuOf(rng: Rng, p: Place): NonNullable<Service['lieu']> {
  const address = addressIn(rng, p);
  const salle = rng.pick(['Maison des associations', 'Salle de quartier', 'Local du bailleur', 'Centre social']);
  return { ...address, complement_adresse: `${salle} ${p.quartier}` };
}

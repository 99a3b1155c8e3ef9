// The floor of an orientation: the same question answered by a bare linear scan of the raw records — needs,
// the hard rules (age, gender, resources, papers, family, zone, distance, closure) and a numeric score, then the
// best 50 — with no prepared snapshot, no reasons, no hours. It is what any engine must at least pay; the
// benchmark prints it next to the real orientation so the ratio shows the engine's overhead.
import { communeByCode, zoneCovers } from '../src/domain/communes.ts';
import { distanceKmRaw } from '../src/domain/geo/distance.ts';
import type { Profile } from '../src/domain/profile.ts';
import type { Service } from '../src/domain/service.ts';
import type { Structure } from '../src/domain/structure.ts';
import { BESOINS } from '../src/domain/vocabulary.ts';

const TYPICAL_KM = { pied: 2, transports: 12, voiture: 30 } as const;

export function floorOrientation(
  profile: Profile,
  services: readonly Service[],
  structures: ReadonlyMap<string, Structure>,
  today: string,
): { id: string; score: number }[] {
  const needs = profile.besoins.map((b) => BESOINS[b]);
  const commune = profile.lieu?.code_insee;
  const centre = commune ? communeByCode(commune)?.centre : undefined;
  const lat = profile.lieu?.position?.latitude ?? centre?.latitude;
  const lon = profile.lieu?.position?.longitude ?? centre?.longitude;
  const max = profile.mobilite?.distance_max_km;
  const typical = profile.mobilite ? TYPICAL_KM[profile.mobilite.mode] : 8;
  const kept: { id: string; score: number }[] = [];
  for (const s of services) {
    let covered = 0;
    for (const n of needs) {
      if (
        s.categorie
          ? (n.categories as readonly string[]).includes(s.categorie)
          : s.thematiques.some((t) => (n.thematiques as readonly string[]).includes(t))
      )
        covered++;
    }
    if (needs.length > 0 && covered === 0) continue;
    const e = s.eligibilite;
    if (profile.age !== undefined && ((e.age_min ?? 0) > profile.age || (e.age_max ?? 200) < profile.age)) continue;
    if (e.genre && profile.genre && (e.genre === 'femmes') !== (profile.genre === 'femme')) continue;
    if (e.ressources?.length && profile.ressources && !e.ressources.includes(profile.ressources)) continue;
    const admin = profile.situation_administrative;
    if (e.situations_administratives?.length && admin && !e.situations_administratives.includes(admin)) continue;
    const family = profile.situation_familiale;
    if (e.situations_familiales?.length && family && !e.situations_familiales.includes(family)) continue;
    if (e.zone && commune && !e.zone.communes.some((c) => zoneCovers(c, commune))) continue;
    if (
      s.infos_temporaires.some(
        (i) => i.type === 'fermeture' && i.debut <= today && (i.fin === undefined || today <= i.fin),
      )
    )
      continue;
    const place = s.lieu ?? structures.get(s.structure_id);
    let score = (30 * covered) / Math.max(1, needs.length);
    if (lat !== undefined && lon !== undefined && place?.latitude != null && place.longitude != null) {
      const km = distanceKmRaw(lat, lon, place.latitude, place.longitude);
      if (max !== undefined && km > max) continue;
      score += Math.max(0, 20 * (1 - km / (2 * typical)));
    }
    score += s.tarif.type === 'gratuit' ? 4 : s.tarif.type === 'solidaire' ? 2 : -4;
    kept.push({ id: s.id, score });
  }
  kept.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return kept.slice(0, 50);
}

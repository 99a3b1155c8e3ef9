// Residence zones (eligibilite.zone: communes by INSEE code — Lyon 69123 covering its arrondissements — and QPV
// codes). Outside every listed commune and QPV excludes; an unknown commune, or a QPV-only zone with the
// person's QPV unknown, is "to check". Without a fixed address the place given is where the person is, not a
// residence: the domiciliation decides, so the service is "to check" rather than excluded.
import { LYON } from '../../domain/communes.ts';
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { adjust, type Criterion, exclude, explaining, toCheck } from './criterion.ts';

const LYON_ARRONDISSEMENT = /^6938[1-9]$/;

export const zoneCriterion: Criterion = {
  name: 'zone',
  concerns: TRAIT.zone,
  prepare(person) {
    const { commune, qpv, noFixedAddress } = person;
    // zoneCovers(code, commune) for every code of every zone, with the regular expression run once.
    const inLyon = commune !== null && LYON_ARRONDISSEMENT.test(commune);
    const covers = (code: string) => code === commune || (inLyon && code === LYON);
    return (entry, ev) => {
      const zone = entry.zone;
      if (zone === null) return;
      // The zone itself is the reasons' parameters ({ communes, qpv }): nothing allocated while scoring.
      const params = zone;
      if (noFixedAddress) return toCheck(ev, 'zone_no_fixed_address', params, null);
      if (qpv !== null && zone.qpv.includes(qpv)) {
        if (explaining(ev)) adjust(ev, POINTS.targetedMatch, 'zone_match', { commune: null, qpv });
        else ev.score += POINTS.targetedMatch;
        return;
      }
      if (commune === null) return toCheck(ev, 'zone_unknown', params, 'lieu');
      for (const code of zone.communes) {
        if (covers(code)) {
          if (explaining(ev)) adjust(ev, POINTS.targetedMatch, 'zone_match', { commune: code, qpv: null });
          else ev.score += POINTS.targetedMatch;
          return;
        }
      }
      // "Lyon" without the arrondissement, and the zone lists arrondissements: cannot tell.
      if (commune === LYON && zone.communes.some((c) => LYON_ARRONDISSEMENT.test(c))) {
        return toCheck(ev, 'zone_unknown', params, 'lieu');
      }
      if (zone.qpv.length > 0 && qpv === null) return toCheck(ev, 'zone_unknown', params, 'code_qpv');
      exclude(ev, 'zone_outside', params);
    };
  },
};

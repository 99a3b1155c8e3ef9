// Price: free, solidarity price, or paid (membership, cost price). It weighs twice for someone with no or minimal
// resources, or in urgency.
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining, NONE } from './criterion.ts';

export const priceCriterion: Criterion = {
  name: 'price',
  prepare(person) {
    const { ressources, urgence } = person.profile;
    const factor =
      ressources === 'sans-ressources' || ressources === 'minima-sociaux' || urgence === 'aujourdhui' ? 2 : 1;
    return (entry, ev) => {
      const type = entry.tarif;
      if (type === 'gratuit') adjust(ev, POINTS.free * factor, 'free', NONE);
      else if (type === 'payant') adjust(ev, POINTS.paid * factor, 'paid', NONE);
      else if (!explaining(ev)) ev.score += POINTS.solidarity * factor;
      else {
        const tarif = entry.service.tarif as { pourcentage_min?: number; pourcentage_max?: number };
        const params = { min: tarif.pourcentage_min ?? null, max: tarif.pourcentage_max ?? null };
        adjust(ev, POINTS.solidarity * factor, 'solidarity_price', params);
      }
    };
  },
};

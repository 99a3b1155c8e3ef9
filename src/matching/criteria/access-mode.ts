// How a person gets in: on referral (sur orientation, fiche de liaison required), by appointment, after
// registration, and the documents to bring. For a professional, a referral is no doubt but the action they take
// (send the fiche de liaison): the service stays eligible, with that action; an appointment or a registration
// beside a referral is arranged through it (the partner answers the fiche with a date). For a person looking by
// themselves, and for an appointment or a registration alone, each step makes the service "to check". A document
// the person probably cannot produce (no residence permit, no fixed address) makes it "to check" for a doubt.
// Under urgency, the steps are a penalty: a commission every fortnight does not feed someone today.
import type { Person } from '../person.ts';
import type { Document } from '../reasons.ts';
import { POINTS } from '../scoring.ts';
import { TRAIT } from '../snapshot-entry.ts';
import { action, adjust, type Criterion, explaining, info, NONE, step, toCheck } from './criterion.ts';

/** Placeholder parameters while only scoring (reasons are not kept then). */
const SCORING_ONLY = Object.freeze({ fiche: false, canaux: [] });

function documentsLikelyMissing(person: Person): readonly Document[] {
  const out: Document[] = [];
  const admin = person.profile.situation_administrative;
  if (admin === 'sans-titre') out.push('piece-identite', 'attestation-caf', 'avis-imposition');
  else if (admin === 'demandeur-asile') out.push('avis-imposition');
  if (person.noFixedAddress) out.push('justificatif-domicile');
  return out;
}

export const accessModeCriterion: Criterion = {
  name: 'access-mode',
  prepare(person, ctx) {
    const urgence = person.profile.urgence ?? null;
    const lacking = documentsLikelyMissing(person);
    const professional = ctx.audience === 'professionnel';
    return (entry, ev) => {
      const { referral, appointment, registration } = entry;
      const through = referral && professional ? action : step;
      if (referral) {
        const fiche = entry.service.fiche_liaison;
        const params = explaining(ev) ? { fiche: fiche.requise, canaux: fiche.canaux } : SCORING_ONLY;
        through(ev, 'needs_referral', params);
      }
      if (appointment) through(ev, 'needs_appointment', NONE);
      if (registration) through(ev, 'needs_registration', NONE);
      const steps = referral || appointment || registration;
      if (!steps) adjust(ev, POINTS.directAccess, 'direct_access', NONE);
      else if (urgence === 'aujourdhui') adjust(ev, POINTS.slowAccessToday, 'slow_access_for_urgency', { urgence });
      else if (urgence === 'semaine' && referral) {
        adjust(ev, POINTS.slowAccessThisWeek, 'slow_access_for_urgency', { urgence });
      }
      // The traits tell whether there are documents without reading the list, for the many services with none.
      if ((entry.traits & TRAIT.documents) === 0) return;
      const documents = entry.documents;
      if (explaining(ev)) info(ev, 'documents_required', { documents: documents as Document[] });
      for (const d of lacking) {
        if (documents.includes(d)) toCheck(ev, 'document_may_be_missing', { document: d }, null);
      }
    };
  },
};

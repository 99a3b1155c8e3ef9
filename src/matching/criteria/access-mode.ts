// How a person gets in: on referral (sur orientation, fiche de liaison required), by appointment, after
// registration — each makes the service "to check" (the worker has a step to take) — and the documents to bring.
// A document the person probably cannot produce (no residence permit, no fixed address) makes it "to check" too.
// Under urgency, the steps are a penalty: a commission every fortnight does not feed someone today.
import type { Person } from '../person.ts';
import type { Document } from '../reasons.ts';
import { POINTS } from '../scoring.ts';
import { adjust, type Criterion, explaining, info, NONE, toCheck } from './criterion.ts';

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
  prepare(person) {
    const urgence = person.profile.urgence ?? null;
    const lacking = documentsLikelyMissing(person);
    return (entry, ev) => {
      const { referral, appointment, registration, documents } = entry;
      if (referral) {
        const fiche = entry.service.fiche_liaison;
        const params = explaining(ev) ? { fiche: fiche.requise, canaux: fiche.canaux } : SCORING_ONLY;
        toCheck(ev, 'needs_referral', params, null);
      }
      if (appointment) toCheck(ev, 'needs_appointment', NONE, null);
      if (registration) toCheck(ev, 'needs_registration', NONE, null);
      const steps = referral || appointment || registration;
      if (!steps) adjust(ev, POINTS.directAccess, 'direct_access', NONE);
      else if (urgence === 'aujourdhui') adjust(ev, POINTS.slowAccessToday, 'slow_access_for_urgency', { urgence });
      else if (urgence === 'semaine' && referral) {
        adjust(ev, POINTS.slowAccessThisWeek, 'slow_access_for_urgency', { urgence });
      }
      if (documents.length === 0) return;
      if (explaining(ev)) info(ev, 'documents_required', { documents: documents as Document[] });
      for (const d of lacking) {
        if (documents.includes(d)) toCheck(ev, 'document_may_be_missing', { document: d }, null);
      }
    };
  },
};

// Update campaigns: a coordinator asks some partners to review some sections of their listing between
// two dates; each partner answers section by section (confirmed as is, or edited), from the app or — recorded by
// a coordinator on its behalf — by phone or during a visit.
//
// Two record kinds (src/domain/record-kinds.ts). `campagne` is what the coordinator decides. `reponse_campagne`
// is one partner's answers, a record of its own rather than a progress map inside the campaign, because:
// - it merges safely offline: the sync merges field by field, so a map in one field would make any two partners
//   answering the same day a conflict; here different partners never touch the same record, and each section
//   is a top-level field, so a partner confirming « horaires » in the app while a coordinator records
//   « tarifs » from a phone call merge silently (only the same section answered twice conflicts, visibly);
// - it is private: a partner reads its own answers, never the other partners' progress (server/sync/visibility.ts).
// The coordinator's device creates every answer record, empty, with the campaign (deterministic ids, see
// `campaignResponseId`), so that answering is always an update, never two concurrent creations of one record.
// The progress (à faire / commencé / terminé) is derived from the answers, never stored: nothing to keep in step.
import * as z from 'zod/mini';
import { isoDate, isoDateTime, recordId, setOf, sourceId, text } from './primitives.ts';

/** Keys only: the French labels are in src/ui/text/strings-campaigns-reports.ts (lazy screens), off the first load. */
export const SECTIONS = ['horaires', 'conditions', 'tarifs', 'contacts', 'fiche_liaison'] as const;
export const CANAUX = ['app', 'telephone', 'visite'] as const;
export type CampaignSection = (typeof SECTIONS)[number];
export type CampaignChannel = (typeof CANAUX)[number];
export type CampaignState = 'a-faire' | 'commence' | 'termine';

export const campaignSchema = z
  .object({
    id: recordId,
    source: sourceId,
    nom: text(150),
    description: z.optional(text(2000)),
    debut: isoDate,
    fin: isoDate,
    sections: setOf(z.enum(SECTIONS)).check(z.minLength(1, 'Choisissez au moins une rubrique')),
    partenaires: setOf(recordId).check(z.minLength(1, 'Choisissez au moins un partenaire'), z.maxLength(2000)),
    date_maj: isoDate,
    version: z.number().check(z.int(), z.minimum(1)),
  })
  .check(z.refine((c) => c.fin >= c.debut, { message: 'La fin précède le début', path: ['fin'] }));

/** One section's answer; `par` and `le` are stamped by the server. */
export const campaignResponseSectionSchema = z.object({
  etat: z.enum(['confirmee', 'modifiee']),
  canal: z.enum(CANAUX),
  par: text(120),
  le: isoDateTime,
});

export const campaignResponseSchema = z.object({
  id: recordId,
  source: sourceId,
  campagne_id: recordId,
  structure_id: recordId,
  horaires: z.optional(campaignResponseSectionSchema),
  conditions: z.optional(campaignResponseSectionSchema),
  tarifs: z.optional(campaignResponseSectionSchema),
  contacts: z.optional(campaignResponseSectionSchema),
  fiche_liaison: z.optional(campaignResponseSectionSchema),
  date_maj: isoDate,
  version: z.number().check(z.int(), z.minimum(1)),
});

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignResponseSection = z.infer<typeof campaignResponseSectionSchema>;
export type CampaignResponse = z.infer<typeof campaignResponseSchema>;

/** Fields of an answer that change after its creation: the sections. */
export const CAMPAIGN_RESPONSE_EDITABLE: ReadonlySet<string> = new Set(SECTIONS);

/** The id of a partner's answers to a campaign: the same on every device, from the two ids. */
export function campaignResponseId(campagneId: string, structureId: string): string {
  const local = (id: string) => id.replace('--', '.');
  return `reponse--${local(campagneId)}.${local(structureId)}`;
}

export interface Progression {
  etat: CampaignState;
  /** Sections answered, out of the campaign's. */
  faites: number;
  total: number;
  /** Channels the answers came through, in the order of CANAUX. */
  canaux: CampaignChannel[];
}

/** A partner's progress: nothing answered, some sections, or all of the campaign's sections. */
export function progression(campagne: Pick<Campaign, 'sections'>, reponse: CampaignResponse | undefined): Progression {
  const answers = campagne.sections.map((s) => reponse?.[s]).filter((a) => a !== undefined);
  const used = new Set(answers.map((a) => a.canal));
  const total = campagne.sections.length;
  const faites = answers.length;
  return {
    etat: faites === 0 ? 'a-faire' : faites === total ? 'termine' : 'commence',
    faites,
    total,
    canaux: CANAUX.filter((c) => used.has(c)),
  };
}

export type Compteurs = Record<CampaignState, number>;

/** How many of the campaign's partners are à faire, commencé, terminé (answers of other campaigns ignored). */
export function compteurs(campagne: Campaign, reponses: readonly CampaignResponse[]): Compteurs {
  const byPartner = new Map<string, CampaignResponse>();
  for (const r of reponses) if (r.campagne_id === campagne.id) byPartner.set(r.structure_id, r);
  const out: Compteurs = { 'a-faire': 0, commence: 0, termine: 0 };
  for (const partner of campagne.partenaires) out[progression(campagne, byPartner.get(partner)).etat]++;
  return out;
}

/** Whether a campaign is running on `today` (Paris date, YYYY-MM-DD). */
export function enCours(campagne: Pick<Campaign, 'debut' | 'fin'>, today: string): boolean {
  return campagne.debut <= today && today <= campagne.fin;
}

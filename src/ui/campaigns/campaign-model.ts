// Update campaigns on this device. A coordinator launches one offline: the campaign and every partner's
// (empty) answer record are written in ONE transaction with their outbox entries, so answering is always an update
// that merges section by section (src/domain/campaign.ts says why). A partner answers its checklist from the app
// (channel « app »); when every section is answered, its listing is confirmed as well — the same « Les
// informations sont à jour » as on the sheet (listing-actions.ts). A coordinator records an answer given by phone
// or during a visit on the partner's behalf.
import { readCampaigns } from '../../db/campaign-repo.ts';
import type { BoussoleDatabase } from '../../db/database.ts';
import { readAllStructures } from '../../db/directory-repo.ts';
import { editTogether } from '../../db/edit-batch.ts';
import { createRecord, editRecord } from '../../db/local-edits.ts';
import {
  type Campaign,
  type CampaignChannel,
  type CampaignResponse,
  type CampaignSection,
  campaignResponseId,
  campaignSchema,
  type Progression,
  progression,
} from '../../domain/campaign.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { shownToCoordinator } from '../../domain/territory.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { type Parsed, parse } from '../../domain/validation.ts';
import { liveValue } from '../components/live-value.ts';
import { yieldToPage } from '../components/page-turn.ts';
import { randomId } from '../components/random-id.ts';
import type { ListingActions } from '../partner-sheet/listing-actions.ts';

export interface CampaignDraft {
  nom: string;
  debut: string;
  fin: string;
  sections: CampaignSection[];
  partenaires: string[];
}

export interface PartnerProgress {
  structureId: string;
  nom: string;
  reponse: CampaignResponse | undefined;
  progression: Progression;
}

export interface CampaignView {
  campagne: Campaign;
  partners: PartnerProgress[];
}

export function createCampaignModel(
  db: BoussoleDatabase,
  account: () => Account | null | undefined,
  listings: () => Promise<ListingActions>,
) {
  const me = () => account() ?? { id: 'local', nom: 'Cet appareil', role: 'partenaire' as const };

  async function campaigns(): Promise<CampaignView[]> {
    const out: CampaignView[] = [];
    for (const { campagne, partners: rows } of await readCampaigns(db)) {
      // A coordinator of a territory follows (and records answers for) the partners of its communes only: a
      // Métropole-wide campaign shows there narrowed to them, one without any of them not at all.
      const partners = rows
        .filter((p) => shownToCoordinator(account(), [p.commune]))
        .map(({ structureId, nom, reponse }) => ({
          structureId,
          nom: nom ?? structureId,
          reponse,
          progression: progression(campagne, reponse),
        }));
      if (partners.length > 0) out.push({ campagne, partners });
    }
    return out.sort(
      (a, b) => b.campagne.debut.localeCompare(a.campagne.debut) || a.campagne.nom.localeCompare(b.campagne.nom),
    );
  }

  /** Writes some sections of a partner's answers; `canal` says how they reached the coordination. */
  async function answer(
    campagneId: string,
    structureId: string,
    sections: Partial<Record<CampaignSection, 'confirmee' | 'modifiee'>>,
    canal: CampaignChannel,
  ): Promise<Parsed<unknown>> {
    const at = new Date().toISOString();
    const changes: Record<string, unknown> = {};
    for (const [section, etat] of Object.entries(sections)) changes[section] = { etat, canal, par: me().nom, le: at };
    return editRecord(db, 'reponse_campagne', campaignResponseId(campagneId, structureId), changes);
  }

  return {
    /** The campaigns this account follows, newest first, while a screen follows them (`views.follow()`). */
    views: liveValue(campaigns, () => []),
    /** Published partners to choose from, by name. */
    async partners(): Promise<Array<{ id: string; nom: string; commune: string }>> {
      const all = await readAllStructures(db, yieldToPage);
      return (
        all
          // A coordinator of a territory runs campaigns of its communes only (the server refuses the others).
          .filter((s) => s.statut === 'publiee' && shownToCoordinator(account(), [s.code_insee]))
          .map((s) => ({ id: s.id, nom: s.nom, commune: s.commune }))
          .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
      );
    },
    /** The campaign and each partner's empty answers, in one transaction; problems name the form's fields. */
    async launch(draft: CampaignDraft): Promise<Parsed<Campaign>> {
      const today = parisDay(Date.now());
      const campagne = { id: `boussole--c-${randomId(16)}`, source: 'boussole', ...draft, date_maj: today, version: 1 };
      const parsed = parse(campaignSchema, campagne);
      if (!parsed.ok) return parsed;
      await editTogether(db, async () => {
        const created = [await createRecord(db, 'campagne', parsed.value)];
        for (const structureId of parsed.value.partenaires) {
          const reponse: CampaignResponse = {
            id: campaignResponseId(parsed.value.id, structureId),
            source: 'boussole',
            campagne_id: parsed.value.id,
            structure_id: structureId,
            date_maj: today,
            version: 1,
          };
          created.push(await createRecord(db, 'reponse_campagne', reponse));
        }
        if (created.some((r) => !r.ok)) throw new Error('Campagne non enregistrée');
      });
      return parsed;
    },
    /** A coordinator's note of an answer given by phone or during a visit. */
    record: answer,
    /** The partner's own answer from the app; the listing is confirmed when the checklist is complete. */
    async answerFromApp(
      view: CampaignView,
      structureId: string,
      section: CampaignSection,
      etat: 'confirmee' | 'modifiee',
    ): Promise<Parsed<unknown>> {
      const result = await answer(view.campagne.id, structureId, { [section]: etat }, 'app');
      if (!result.ok) return result;
      const answered = new Set(
        view.campagne.sections.filter((s) => view.partners.find((p) => p.structureId === structureId)?.reponse?.[s]),
      );
      answered.add(section);
      if (view.campagne.sections.every((s) => answered.has(s))) await (await listings()).confirm(structureId);
      return result;
    },
  };
}

export type CampaignModel = ReturnType<typeof createCampaignModel>;

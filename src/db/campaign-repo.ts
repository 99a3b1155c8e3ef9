// Update campaigns on the device: the campaigns and partners' answers the feed brought (or this device wrote), each
// parsed — a row that no longer fits its schema is left out — with the partners' names and communes from the
// directory copy. Launching and answering are ordinary offline edits (local-edits.ts, edit-batch.ts).
import { type Campaign, type CampaignResponse, campaignResponseSchema, campaignSchema } from '../domain/campaign.ts';
import { parse } from '../domain/validation.ts';
import type { BoussoleDatabase } from './database.ts';
import { storedStructures } from './directory-repo.ts';
import { feedPageTables } from './feed-pages.ts';
import { readRecords } from './record-reads.ts';

export interface CampaignPartnerRow {
  structureId: string;
  /** The partner's name and commune (INSEE) when the device holds its listing. */
  nom?: string;
  commune?: string;
  reponse: CampaignResponse | undefined;
}

export interface CampaignRow {
  campagne: Campaign;
  /** In the campaign's order of partners. */
  partners: CampaignPartnerRow[];
}

/** Every campaign on the device with each partner's answer, in storage order. */
export async function readCampaigns(db: BoussoleDatabase): Promise<CampaignRow[]> {
  const [answerRows, campaignRows] = await db.transaction(
    'r',
    [db.reponsesCampagne, db.campagnes, ...feedPageTables(db)],
    () => Promise.all([readRecords(db, 'reponse_campagne'), readRecords(db, 'campagne')]),
  );
  const answers: CampaignResponse[] = [];
  for (const row of answerRows) {
    const parsed = parse(campaignResponseSchema, row);
    if (parsed.ok) answers.push(parsed.value);
  }
  const out: CampaignRow[] = [];
  for (const row of campaignRows) {
    const parsed = parse(campaignSchema, row);
    if (!parsed.ok) continue;
    const campagne = parsed.value;
    const listings = await storedStructures(db, campagne.partenaires);
    const partners = campagne.partenaires.map((structureId, i) => {
      const listing = listings[i];
      const commune = listing?.code_insee;
      return {
        structureId,
        ...(listing?.nom === undefined ? {} : { nom: listing.nom }),
        ...(typeof commune === 'string' ? { commune } : {}),
        reponse: answers.find((a) => a.campagne_id === campagne.id && a.structure_id === structureId),
      };
    });
    out.push({ campagne, partners });
  }
  return out;
}

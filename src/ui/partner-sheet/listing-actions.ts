// What professionals do to keep listings true, each an ordinary offline edit (src/db/local-edits.ts: record and outbox
// entry in one transaction), so they sync through the same protocol as any change:
// - confirm: "Les informations sont à jour" sets only `verification` on the structure and each of its services, in
//   one transaction (the server stamps its own time and the account's name);
// - notes and own criteria on a service, MDM recommendations on a structure (element-wise merged on the server);
// - a coordinator's decision on a proposed partner: publish, refuse with a reason, or merge into a duplicate;
// - a worker's proposal of a new partner (the server makes it `proposee`, shown to its author and coordinators).
import type { BoussoleDatabase } from '../../db/database.ts';
import { countCriteres, getService, readAllStructures, serviceIdsOf } from '../../db/directory-repo.ts';
import { editTogether } from '../../db/edit-batch.ts';
import { createRecord, editRecord } from '../../db/local-edits.ts';
import { critere, type NotePro, normaliseCritere } from '../../domain/listing-annotations.ts';
import type { Structure } from '../../domain/structure.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { type Parsed, parse } from '../../domain/validation.ts';
import { yieldToPage } from '../components/page-turn.ts';
import { randomId } from '../components/random-id.ts';

export function createListingActions(db: BoussoleDatabase, account: () => Account | null) {
  const self = (): Promise<ListingActions> => Promise.resolve(actions);
  const me = () => account() ?? { id: 'local', nom: 'Cet appareil', role: 'travailleur' as const };
  const now = () => new Date().toISOString();
  const service = async (id: string) => (await getService(db, id)) ?? null;

  const actions = {
    /** Reports of errors: their model, in a chunk of its own. */
    reports: () => import('../reports/report-model.ts').then(({ createReportModel }) => createReportModel(db, account)),
    /** Update campaigns: their model, in a chunk of its own (it confirms listings through these actions). */
    campaigns: () =>
      import('../campaigns/campaign-model.ts').then(({ createCampaignModel }) =>
        createCampaignModel(db, account, self),
      ),

    /** One tap: the structure and all its services verified, nothing else changed. */
    async confirm(structureId: string): Promise<boolean> {
      const verification = { le: now(), par: me().nom };
      return editTogether(db, async () => {
        const results = [await editRecord(db, 'structure', structureId, { verification })];
        for (const id of await serviceIdsOf(db, structureId)) {
          results.push(await editRecord(db, 'service', id, { verification }));
        }
        if (results.some((r) => !r.ok)) throw new Error('Confirmation impossible');
        return true;
      });
    },

    async addNote(serviceId: string, texte: string): Promise<Parsed<unknown>> {
      const current = await service(serviceId);
      const { id, nom } = me();
      const note: NotePro = { id: randomId(), texte: texte.trim(), auteur: { account_id: id, nom }, le: now() };
      return editRecord(db, 'service', serviceId, { notes_pro: [...(current?.notes_pro ?? []), note] });
    },

    async removeNote(serviceId: string, noteId: string): Promise<Parsed<unknown>> {
      const notes = (await service(serviceId))?.notes_pro ?? [];
      const left = notes.filter((n) => n.id !== noteId);
      return editRecord(db, 'service', serviceId, { notes_pro: left.length > 0 ? left : undefined });
    },

    async addCritere(serviceId: string, value: string): Promise<Parsed<unknown>> {
      const tag = normaliseCritere(value);
      const checked = parse(critere, tag);
      if (!checked.ok) return checked;
      const tags = (await service(serviceId))?.criteres ?? [];
      return editRecord(db, 'service', serviceId, { criteres: tags.includes(tag) ? tags : [...tags, tag] });
    },

    async removeCritere(serviceId: string, tag: string): Promise<Parsed<unknown>> {
      const left = ((await service(serviceId))?.criteres ?? []).filter((t) => t !== tag);
      return editRecord(db, 'service', serviceId, { criteres: left.length > 0 ? left : undefined });
    },

    setRecommendations(structureId: string, communes: readonly string[]): Promise<Parsed<unknown>> {
      return editRecord(db, 'structure', structureId, {
        recommandee_pour: communes.length > 0 ? [...communes] : undefined,
      });
    },

    validate: (id: string) => editRecord(db, 'structure', id, { statut: 'publiee', refus: undefined }),
    refuse: (id: string, motif: string) =>
      editRecord(db, 'structure', id, { refus: { motif: motif.trim(), par: me().nom, le: now() } }),
    merge: (id: string, targetId: string) => editRecord(db, 'structure', id, { fusion_vers: targetId }),

    /**
     * Proposed partners on this device, each with the name of its author's team when the directory has it, and the
     * published structures (among which a coordinator finds the one a proposal duplicates). A worker's feed brings
     * only its own proposals; a coordinator's brings them all.
     */
    async proposals(): Promise<{ proposals: Proposal[]; published: Structure[] }> {
      const all = await readAllStructures(db, yieldToPage);
      const names = new Map(all.map((s) => [s.id, s.nom]));
      const byName = (a: Structure, b: Structure) => a.nom.localeCompare(b.nom, 'fr');
      return {
        proposals: all
          .filter((s) => s.statut === 'proposee')
          .sort(byName)
          .map((proposal) => {
            const team = proposal.proposee_par?.equipe_id;
            return { proposal, team: (team && names.get(team)) ?? null };
          }),
        published: all.filter((s) => s.statut === 'publiee').sort(byName),
      };
    },

    /** Criteria colleagues already use, most used first: suggestions, so that one idea stays one tag. */
    async criteresInUse(): Promise<string[]> {
      const counts = await countCriteres(db);
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr')).map(([tag]) => tag);
    },

    /** A new partner proposed by a worker: the server decides its status and signs it with its author. */
    propose(
      fields: Pick<Structure, 'nom' | 'adresse' | 'code_postal' | 'commune' | 'code_insee'> & { telephone?: string },
    ) {
      const { id, nom, role, equipe_id } = me();
      const record: Structure = {
        id: `boussole--${randomId()}`,
        source: 'boussole',
        ...fields,
        latitude: null,
        longitude: null,
        langues: [],
        reseaux_porteurs: [],
        visibilite: 'public',
        statut: 'proposee',
        date_maj: parisDay(Date.now()),
        verification: null,
        version: 1,
        // Shown at once on the device; the server signs and dates it again with its own clock.
        proposee_par: { account_id: id, nom, role, ...(equipe_id === undefined ? {} : { equipe_id }) },
        proposee_le: now(),
      };
      return createRecord(db, 'structure', record);
    },
  };
  return actions;
}

export type ListingActions = ReturnType<typeof createListingActions>;

export interface Proposal {
  proposal: Structure;
  /** The author's team (a worker's MDM, association) as the directory names it; null when unknown. */
  team: string | null;
}

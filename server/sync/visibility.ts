// Who may read what (docs/sync-protocol.md, "What a reader sees"). Pure: the feed, the list endpoints and the
// totals of every store apply these rules, so one place decides and one test suite proves them.
//
// - anonymous: published (`statut: publiee`), public structures, and the public services of those;
// - coordinateur: everything;
// - travailleur: every listing, professionals-only ones included, except a proposed structure (`proposee`) that
//   another account proposed, and its services: a proposal is seen by its author and coordinators only until a
//   coordinator publishes it (an unchecked partner must not reach colleagues' orientations);
// - partenaire: what anonymous sees, plus its own structure and all its services whatever their visibility.
// A service is never visible without its structure (a device must not hold a service whose partner it cannot show).
// An action is public when its own `visibilite` says so; its organising partners always see it.
// Since protocol 4, a report (`signalement`) is read by its author, the partner it is about and coordinators —
// not by other workers: it is an unchecked claim about a partner ("fermé") carrying its author's name, and what
// it leads to (the corrected listing) reaches everyone anyway. A campaign is read by coordinators and the partners
// it asks; a partner's answers by that partner and coordinators (never by the other partners of the campaign).
import type { Action } from '../../src/domain/action.ts';
import type { Campaign, CampaignResponse } from '../../src/domain/campaign.ts';
import { PROFESSIONAL_FIELDS } from '../../src/domain/listing-annotations.ts';
import type { Report } from '../../src/domain/report.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Structure } from '../../src/domain/structure.ts';
import type { Account } from '../../src/domain/sync-protocol.ts';

/** `server` is the store's own view (seeding, admin, tests): everything. Routes never use it for a request. */
export type Reader = { kind: 'server' } | { kind: 'anonymous' } | { kind: 'account'; account: Account };

export const SERVER_READER: Reader = { kind: 'server' };
export const ANONYMOUS_READER: Reader = { kind: 'anonymous' };

export function readerOf(account: Account | undefined): Reader {
  return account ? { kind: 'account', account } : ANONYMOUS_READER;
}

export function isProfessional(account: Account): boolean {
  return account.role === 'coordinateur' || account.role === 'travailleur';
}

/** The structure a partner reader speaks for, if any. */
function ownStructure(reader: Reader): string | undefined {
  return reader.kind === 'account' && reader.account.role === 'partenaire' ? reader.account.structure_id : undefined;
}

function seesEverything(reader: Reader): boolean {
  return reader.kind === 'server' || (reader.kind === 'account' && reader.account.role === 'coordinateur');
}

/** The worker account reading, if any (workers see every listing but others' proposals). */
function workerOf(reader: Reader): Account | undefined {
  return reader.kind === 'account' && reader.account.role === 'travailleur' ? reader.account : undefined;
}

function accountId(reader: Reader): string | undefined {
  return reader.kind === 'account' ? reader.account.id : undefined;
}

/** What of a structure decides who sees it and its services. */
export type StructureVisibility = Pick<Structure, 'statut' | 'visibilite' | 'proposee_par'>;

/** A proposal is seen by its author (and coordinators); any other structure by every professional. */
function workerSeesStructure(worker: Account, structure: StructureVisibility): boolean {
  return structure.statut !== 'proposee' || structure.proposee_par?.account_id === worker.id;
}

export function isPublicStructure(structure: StructureVisibility): boolean {
  return structure.visibilite === 'public' && structure.statut === 'publiee';
}

export function canSeeStructure(reader: Reader, structure: Structure): boolean {
  if (seesEverything(reader)) return true;
  const worker = workerOf(reader);
  if (worker) return workerSeesStructure(worker, structure);
  if (ownStructure(reader) === structure.id) return true;
  return isPublicStructure(structure);
}

/**
 * `parent` gives the service's structure, looked up only when the answer depends on it (a feed page asks for many
 * services); undefined (unknown structure) hides the service from non-professionals.
 */
export function canSeeService(
  reader: Reader,
  service: Service,
  parent: () => StructureVisibility | undefined,
): boolean {
  if (seesEverything(reader)) return true;
  const worker = workerOf(reader);
  if (worker) {
    const structure = parent();
    return structure === undefined || workerSeesStructure(worker, structure);
  }
  if (ownStructure(reader) === service.structure_id) return true;
  if (service.visibilite !== 'public') return false;
  const structure = parent();
  return structure !== undefined && isPublicStructure(structure);
}

export function canSeeAction(reader: Reader, action: Action): boolean {
  if (seesEverything(reader) || workerOf(reader)) return true;
  const own = ownStructure(reader);
  if (own !== undefined && action.organisateurs.includes(own)) return true;
  return action.visibilite === 'public';
}

export function canSeeReport(reader: Reader, signalement: Report): boolean {
  if (seesEverything(reader)) return true;
  if (accountId(reader) === signalement.auteur.account_id) return true;
  return ownStructure(reader) === signalement.structure_id;
}

export function canSeeCampaign(reader: Reader, campagne: Campaign): boolean {
  if (seesEverything(reader)) return true;
  const own = ownStructure(reader);
  return own !== undefined && campagne.partenaires.includes(own);
}

export function canSeeCampaignResponse(reader: Reader, reponse: CampaignResponse): boolean {
  return seesEverything(reader) || ownStructure(reader) === reponse.structure_id;
}

const ANNOTATIONS: readonly string[] = [...PROFESSIONAL_FIELDS.structure, ...PROFESSIONAL_FIELDS.service];

/**
 * A record as this reader may read it: professionals' annotations (notes, own criteria, MDM recommendations)
 * never reach partners or anonymous readers — not in the feed, not in the lists. Same object when nothing to hide.
 */
export function readable<T extends object>(reader: Reader, record: T): T {
  const professional = seesEverything(reader) || workerOf(reader) !== undefined;
  if (professional || !ANNOTATIONS.some((f) => f in record)) return record;
  const out = { ...record } as Record<string, unknown>;
  for (const field of ANNOTATIONS) delete out[field];
  return out as T;
}

/** Conflicts reach the two authors involved and coordinators, never anonymous readers nor other accounts. */
export function canSeeConflict(reader: Reader, conflict: { mine_by: string; theirs_by: string }): boolean {
  if (reader.kind === 'server') return true;
  if (reader.kind === 'anonymous') return false;
  const { account } = reader;
  return account.role === 'coordinateur' || account.id === conflict.mine_by || account.id === conflict.theirs_by;
}

/**
 * Readers that see exactly the same records share a class: totals are cached per class (and per seq), and the
 * SQL count of a class is one query per kind. What a worker or a partner sees depends on its own
 * account too (its proposals, the reports it wrote), so those classes are per account.
 */
export type ReaderClass =
  | { kind: 'everything' }
  | { kind: 'worker'; account: string }
  | { kind: 'public'; partnerOf?: string; account?: string };

export function readerClass(reader: Reader): ReaderClass {
  if (seesEverything(reader)) return { kind: 'everything' };
  const worker = workerOf(reader);
  if (worker) return { kind: 'worker', account: worker.id };
  const own = ownStructure(reader);
  const account = accountId(reader);
  return {
    kind: 'public',
    ...(own === undefined ? {} : { partnerOf: own }),
    ...(account === undefined ? {} : { account }),
  };
}

export function readerClassKey(cls: ReaderClass): string {
  if (cls.kind === 'everything') return 'everything';
  if (cls.kind === 'worker') return `worker:${cls.account}`;
  return `public:${cls.partnerOf ?? ''}:${cls.account ?? ''}`;
}

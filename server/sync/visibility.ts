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
export type StructureVisibility = Pick<Structure, 'statut' | 'visibilite'> & {
  proposee_par?: { account_id: string } | undefined;
};

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
 * Readers that see exactly the same records share a class: a class's total is the sum of a few count buckets
 * (below). What a worker or a partner sees depends on its own account too (its proposals, the reports it wrote), so
 * those classes are per account.
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

// Count buckets: the totals kept at write time (docs/sync-protocol.md, « total »). A live record is counted in a
// few buckets, chosen so that a reader class's total of a kind is the sum of the buckets it reads, less those it
// subtracts, and each record counts once exactly for the classes that see it (the same rules as canSee* above;
// visibility.test.ts and the stores' randomized totals test check both agree). Buckets name the audience, never a
// kind: the stores keep one counter per (bucket, kind).
//
// - everything: `all`;
// - workers: `workers` (every listing but proposals, every action), `worker <id>` (the proposals it made and the
//   listings of those, the reports it wrote);
// - non-professionals: `public` (published public listings, public actions), `partner <id>` (what only that partner
//   sees besides: its listing and services when not public, its actions, reports about it, campaigns asking it,
//   its answers), `author <id>` (reports it wrote); a report about a partner written by that partner's own account
//   is in both, so the class takes `partner author <structure> <account>` away.
const bucket = (...parts: string[]) => JSON.stringify(parts);
const EVERYTHING_BUCKET = bucket('all');
const WORKERS = bucket('workers');
const PUBLIC = bucket('public');
const workerBucket = (account: string) => bucket('worker', account);
const partnerBucket = (structure: string) => bucket('partner', structure);
const authorBucket = (account: string) => bucket('author', account);
const partnerAuthorBucket = (structure: string, account: string) => bucket('partner author', structure, account);

/** Which workers see a structure's listing: all, its proposer only (a proposal), or none (unsigned proposal). */
function workerSide(structure: StructureVisibility | undefined): string[] {
  if (structure === undefined || structure.statut !== 'proposee') return [WORKERS];
  const author = structure.proposee_par?.account_id;
  return author === undefined ? [] : [workerBucket(author)];
}

export function structureBuckets(structure: StructureVisibility & Pick<Structure, 'id'>): string[] {
  return [
    EVERYTHING_BUCKET,
    ...workerSide(structure),
    isPublicStructure(structure) ? PUBLIC : partnerBucket(structure.id),
  ];
}

/** `parent` undefined: a service whose structure is not live (workers see it, non-professionals do not). */
export function serviceBuckets(
  service: Pick<Service, 'structure_id' | 'visibilite'>,
  parent: StructureVisibility | undefined,
): string[] {
  const everyone = service.visibilite === 'public' && parent !== undefined && isPublicStructure(parent);
  return [EVERYTHING_BUCKET, ...workerSide(parent), everyone ? PUBLIC : partnerBucket(service.structure_id)];
}

export function actionBuckets(action: Pick<Action, 'visibilite' | 'organisateurs'>): string[] {
  const others = action.visibilite === 'public' ? [PUBLIC] : [...new Set(action.organisateurs)].map(partnerBucket);
  return [EVERYTHING_BUCKET, WORKERS, ...others];
}

export function reportBuckets(signalement: Pick<Report, 'structure_id' | 'auteur'>): string[] {
  const author = signalement.auteur.account_id;
  return [
    EVERYTHING_BUCKET,
    workerBucket(author),
    partnerBucket(signalement.structure_id),
    authorBucket(author),
    partnerAuthorBucket(signalement.structure_id, author),
  ];
}

export function campaignBuckets(campagne: Pick<Campaign, 'partenaires'>): string[] {
  return [EVERYTHING_BUCKET, ...[...new Set(campagne.partenaires)].map(partnerBucket)];
}

export function campaignResponseBuckets(reponse: Pick<CampaignResponse, 'structure_id'>): string[] {
  return [EVERYTHING_BUCKET, partnerBucket(reponse.structure_id)];
}

/** The buckets a class's total adds, and those it takes away (each holds a subset of what the added ones count). */
export function readerBuckets(cls: ReaderClass): { add: string[]; subtract: string[] } {
  if (cls.kind === 'everything') return { add: [EVERYTHING_BUCKET], subtract: [] };
  if (cls.kind === 'worker') return { add: [WORKERS, workerBucket(cls.account)], subtract: [] };
  const { partnerOf, account } = cls;
  return {
    add: [
      PUBLIC,
      ...(partnerOf === undefined ? [] : [partnerBucket(partnerOf)]),
      ...(account === undefined ? [] : [authorBucket(account)]),
    ],
    subtract: partnerOf === undefined || account === undefined ? [] : [partnerAuthorBucket(partnerOf, account)],
  };
}

/** What a write changes in the counters of one kind: +1 per bucket gained, -1 per bucket lost. */
export function bucketChanges(before: readonly string[], after: readonly string[]): Map<string, number> {
  const changes = new Map<string, number>();
  for (const b of before) changes.set(b, (changes.get(b) ?? 0) - 1);
  for (const b of after) changes.set(b, (changes.get(b) ?? 0) + 1);
  for (const [b, n] of changes) if (n === 0) changes.delete(b);
  return changes;
}

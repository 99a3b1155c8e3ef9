// Demo mode only (BOUSSOLE_MODE=demo, what `npm start` runs): one reusable invitation code per role, so that a
// newcomer can try every role at once. The codes are random per database (two demo servers never share them),
// kept in meta in clear (they are printed at every start and served by GET /api/v1/demo) and as sha-256 in the
// invitations table like any code. Each code signs in as one shared demo account of its role, created on first
// use. Production mode never calls this and refuses reusable codes.
import type { Structure } from '../src/domain/structure.ts';
import { type DemoCodes, demoCodesSchema } from '../src/domain/sync-protocol.ts';
import { parse } from '../src/domain/validation.ts';
import { withReach } from './auth/partner-reach.ts';
import { newDemoCode, sha256 } from './auth/secrets.ts';
import type { Logger } from './logger.ts';
import type { DirectoryStore } from './storage/directory-store.ts';
import type { NewInvitation } from './storage/sync-store.ts';
import { isoInstant } from './sync/server-clock.ts';
import { SERVER_READER } from './sync/visibility.ts';

/** What the demo accounts use of the store. */
export type DemoStore = Pick<
  DirectoryStore,
  'createInvitations' | 'getMeta' | 'getStructure' | 'listServices' | 'listStructures' | 'upsert'
>;

export const DEMO_CODES_KEY = 'demo_codes';

/** The demo codes of this database, or undefined when it has none (production, or not seeded yet). */
export async function readDemoCodes(store: Pick<DirectoryStore, 'getMeta'>): Promise<DemoCodes | undefined> {
  const stored = await store.getMeta(DEMO_CODES_KEY);
  if (stored === undefined) return undefined;
  const parsed = parse(demoCodesSchema, JSON.parse(stored));
  return parsed.ok ? parsed.value : undefined;
}

/**
 * The partner the demo partner account speaks for: the structure of the first épicerie sociale (it has services
 * to edit), else of the first service at all; undefined for an empty directory (no partner code then).
 */
async function demoPartnerStructure(store: DemoStore) {
  for (const categorie of ['social_grocery_stores', undefined] as const) {
    const { items } = await store.listServices({
      reader: SERVER_READER,
      limit: 1,
      ...(categorie ? { categorie } : {}),
    });
    const service = items[0];
    if (service) return (await store.getStructure(service.structure_id, SERVER_READER))?.structure;
  }
  return undefined;
}

/** Demo directories name their MDMs « Maison de la Métropole … » (src/demo/archetypes-social.ts). */
const MDM_NAME = /^Maison de la Métropole\b/;

/**
 * The team of the demo worker, so that the demo shows referrals shared by a team: the first MDM of the directory
 * (what a worker of the Métropole belongs to), else the first structure; undefined for an empty directory. Read
 * by pages at first start only (the codes are created once).
 */
async function demoWorkerTeam(store: DemoStore) {
  let first: Structure | undefined;
  let after: string | undefined;
  do {
    const page = await store.listStructures({ reader: SERVER_READER, limit: 500, ...(after ? { after } : {}) });
    first ??= page.items[0];
    const mdm = page.items.find((s) => MDM_NAME.test(s.nom));
    if (mdm) return mdm;
    after = page.next ?? undefined;
  } while (after);
  return first;
}

/** Creates the demo codes once (idempotent: a restart returns the stored ones). Call after seeding the directory. */
export async function seedDemoAccounts(
  store: DemoStore,
  { now, logger }: { now: Date; logger: Logger },
): Promise<DemoCodes> {
  const existing = await readDemoCodes(store);
  if (existing) return existing;
  const partner = await demoPartnerStructure(store);
  const team = await demoWorkerTeam(store);
  const planned: Array<{ tag: string; invitation: Omit<NewInvitation, 'codeHash' | 'created_at' | 'reusable'> }> = [
    { tag: 'COORD', invitation: { role: 'coordinateur', nom: 'Coordination de démonstration' } },
    {
      tag: 'TRAV',
      invitation: {
        role: 'travailleur',
        nom: 'Travailleur·se social·e de démonstration',
        ...(team ? { equipe_id: team.id } : {}),
      },
    },
  ];
  if (partner) {
    planned.push({
      tag: 'PART',
      invitation: {
        role: 'partenaire',
        nom: `${partner.nom} (démo)`.slice(0, 120),
        structure_id: partner.id,
      },
    });
  }
  const codes: DemoCodes = { codes: [] };
  const invitations: NewInvitation[] = planned.map(({ tag, invitation }) => {
    const code = newDemoCode(tag);
    codes.codes.push({ role: invitation.role, nom: invitation.nom, code });
    return { ...invitation, codeHash: sha256(code), created_at: isoInstant(now), reusable: true };
  });
  await store.createInvitations(invitations, { meta: { [DEMO_CODES_KEY]: JSON.stringify(codes) } });
  // The demo partner can always sign in (its code is reusable): its listing receives referrals from the start, so
  // that a demo worker can try a referral before anyone signed in as the partner.
  const reachable = partner && withReach(partner, true);
  if (reachable) await store.upsert([{ kind: 'structure', record: reachable }]);
  logger.info({ event: 'demo_accounts_created', roles: codes.codes.map((c) => c.role) });
  return codes;
}

const ROLE_WORDS = { coordinateur: 'coordinateur', travailleur: 'travailleur', partenaire: 'partenaire' } as const;

/** The lines main prints after its URL line: `Code démo coordinateur : DEMO-COORD-XXXX-XXXX-XXXX-XXXX`. */
export function demoCodeLines(codes: DemoCodes): string[] {
  return codes.codes.map((c) => `Code démo ${ROLE_WORDS[c.role]} : ${c.code}`);
}

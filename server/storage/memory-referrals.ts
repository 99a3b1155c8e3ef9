// Referrals of the in-memory store (contract: ReferralStore in referral-store.ts). Sends and status changes are
// decided by mutation-runner.ts inside the store's transaction, which holds the store's gate (serial-gate.ts):
// concurrent duplicates land on one referral.
import type { Referral } from '../../src/domain/referral.ts';
import { senderScope } from '../../src/domain/referral-rules.ts';
import type { ReferralRow } from '../referrals/decide.ts';
import { assertLimit } from './directory-store.ts';
import { assertOpen, type MemoryState } from './memory-state.ts';
import { referralFact } from './orientation-event-store.ts';
import type { ReferralCounts, ReferralQueries } from './referral-store.ts';
import type { ReferralTransaction } from './store-port.ts';

interface Stored extends ReferralRow {
  seq: number;
}

/** The referral queries, and the referral half of a transaction. */
export function memoryReferrals(state: MemoryState): { queries: ReferralQueries; tx: ReferralTransaction } {
  const rows = new Map<string, Stored>();
  const changes = new Map<string, { referral_id: string; hash: string }>();
  let lastSeq = 0;
  let reused = 0;

  const view = (row: Stored): Referral => structuredClone({ ...row.referral, seq: row.seq });
  const write = (row: ReferralRow) => {
    const stored = { ...structuredClone(row), seq: ++lastSeq };
    rows.set(row.referral.id, stored);
    return stored;
  };

  const tx: ReferralTransaction = {
    async referral(id) {
      const row = rows.get(id);
      return row && structuredClone(row);
    },
    async referralChange(changeId) {
      return structuredClone(changes.get(changeId));
    },
    async insertReferral(row) {
      return view(write(row));
    },
    async updateReferral(referral) {
      const row = rows.get(referral.id);
      if (!row) throw new Error(`Orientation inconnue : ${referral.id}`);
      return view(write({ ...row, referral }));
    },
    async flagReusedReferral() {
      reused++;
    },
    async recordReferralChange(changeId, referralId, hash) {
      changes.set(changeId, { referral_id: referralId, hash });
    },
    async referralsToSweep() {
      return structuredClone([...rows.values()].sort((a, b) => a.seq - b.seq));
    },
  };

  const queries: ReferralQueries = {
    async referralFeed({ account, cursor, limit }) {
      assertOpen(state);
      assertLimit(limit);
      const scope = senderScope(account);
      const own = account.role === 'partenaire' ? account.structure_id : undefined;
      const mine = [...rows.values()]
        .filter((r) => r.seq > cursor && (r.sender_scope === scope || r.referral.structure_id === own))
        .sort((a, b) => a.seq - b.seq);
      const page = mine.slice(0, limit);
      return { referrals: page.map(view), cursor: page.at(-1)?.seq ?? cursor, hasMore: mine.length > limit };
    },

    async referralCounts(structures) {
      assertOpen(state);
      const only = structures === undefined ? undefined : new Set(structures);
      const counted = [...rows.values()].filter(
        ({ referral }) => only === undefined || only.has(referral.structure_id),
      );
      const counts: ReferralCounts = {
        total: counted.length,
        par_statut: {},
        par_motif: {},
        effacees: 0,
        identifiants_reutilises: reused,
      };
      for (const { referral } of counted) {
        counts.par_statut[referral.statut] = (counts.par_statut[referral.statut] ?? 0) + 1;
        if (referral.motif) counts.par_motif[referral.motif] = (counts.par_motif[referral.motif] ?? 0) + 1;
        if (referral.effacee_le) counts.effacees++;
      }
      return counts;
    },

    async referralFacts() {
      assertOpen(state);
      return [...rows.values()].map((row) => referralFact(row.sender_scope, row.referral));
    },
  };
  return { queries, tx };
}

// Referrals of the in-memory store (contract: ReferralStore in referral-store.ts), on the same pure decisions as
// SQLite (referrals/decide.ts). Each method runs without an await between its reads and writes: atomic in Node's
// single thread, which is what makes concurrent duplicates land on one referral.
import type { Referral, ReferralPolicy } from '../../src/domain/referral.ts';
import { senderScope } from '../../src/domain/referral-rules.ts';
import { decideSend, decideStatus, type ReferralRow, sweepOne } from '../referrals/decide.ts';
import { assertLimit } from './directory-store.ts';
import { assertOpen, type MemoryState } from './memory-state.ts';
import { referralFact } from './orientation-event-store.ts';
import type { ReferralCounts, ReferralStore } from './referral-store.ts';

interface Stored extends ReferralRow {
  seq: number;
}

export function memoryReferrals(state: MemoryState): ReferralStore {
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

  return {
    async sendReferral(input) {
      assertOpen(state);
      const existing = rows.get(input.draft.id);
      const decision = decideSend(existing, input);
      if (decision.kind === 'create') return { kind: 'created', referral: view(write(decision.row)) };
      if (decision.kind === 'replay' && existing) return { kind: 'replayed', referral: view(existing) };
      if (decision.kind === 'reused') reused++;
      return { kind: decision.kind === 'replay' ? 'reused' : decision.kind };
    },

    async changeReferralStatus(input) {
      assertOpen(state);
      const row = rows.get(input.referralId);
      const decision = decideStatus(row, changes.get(input.change.id), input);
      if (!row || decision.kind === 'not-found') return { kind: 'not-found' };
      if (decision.kind === 'replay') return { kind: 'replayed', referral: view(row) };
      if (decision.kind !== 'apply') return decision;
      changes.set(input.change.id, { referral_id: input.referralId, hash: input.hash });
      return { kind: 'changed', referral: view(write({ ...row, referral: decision.referral })) };
    },

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

    async sweepReferrals(now: Date, policy: ReferralPolicy) {
      assertOpen(state);
      let expired = 0;
      let erased = 0;
      for (const row of [...rows.values()].sort((a, b) => a.seq - b.seq)) {
        const next = sweepOne(row.referral, now, policy);
        if (!next) continue;
        if (next.statut === 'expiree' && row.referral.statut !== 'expiree') expired++;
        if (next.effacee_le && !row.referral.effacee_le) erased++;
        write({ ...row, referral: next });
      }
      return { expired, erased };
    },
  };
}

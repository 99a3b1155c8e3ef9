// Referrals on PostgreSQL (contracts: ReferralQueries in referral-store.ts, ReferralTransaction in store-port.ts),
// as sqlite-referrals.ts: a seq of their own, rows parsed with the domain schema when read (a row that does not
// parse is left out and logged by seq, never by content). Sends, status changes and the sweep are decided by
// mutation-runner.ts inside the store's write transaction, so that referral seqs also become visible in order.
import type { ISql, Sql, TransactionSql } from 'postgres';
import { type Referral, referralSchema } from '../../src/domain/referral.ts';
import { type StoredReferral, senderScope } from '../../src/domain/referral-rules.ts';
import { parse } from '../../src/domain/validation.ts';
import type { Logger } from '../logger.ts';
import type { ReferralRow } from '../referrals/decide.ts';
import { assertLimit } from './directory-store.ts';
import { referralFact } from './orientation-event-store.ts';
import type { ReferralQueries } from './referral-store.ts';
import type { ReferralTransaction } from './store-port.ts';

interface Row {
  seq: number;
  content_hash: string;
  sender_scope: string;
  data: unknown;
}

/** The referrals a sweep at these cutoffs expires or erases (referrals/decide.ts sweepOne). */
function dueAt(db: ISql, { expiry, erasure }: { expiry: string; erasure: string }) {
  return db`(statut IN ('envoyee', 'recue') AND sent_at <= ${expiry})
    OR (erased_at IS NULL AND closed_at IS NOT NULL AND closed_at <= ${erasure})`;
}

export function postgresReferrals(
  sql: Sql,
  logger: Logger,
): {
  queries: ReferralQueries;
  transaction(tx: TransactionSql): ReferralTransaction;
  anyDue(cutoffs: { expiry: string; erasure: string }): Promise<boolean>;
} {
  function decode(row: Row): (ReferralRow & { seq: number }) | undefined {
    const raw = typeof row.data === 'object' && row.data !== null ? { ...row.data, seq: row.seq } : undefined;
    const parsed = parse(referralSchema, raw);
    if (!parsed.ok) {
      logger.error({ event: 'referral_row_invalid', seq: row.seq });
      return undefined;
    }
    const { seq, ...referral } = parsed.value;
    return { referral, hash: row.content_hash, sender_scope: row.sender_scope, seq };
  }

  async function nextReferralSeq(tx: ISql): Promise<number> {
    const [row] = await tx<{ last: number }[]>`UPDATE referral_seq SET last = last + 1 WHERE id = 1 RETURNING last`;
    if (!row) throw new Error('Compteur des orientations absent : migration incomplète');
    return row.last;
  }

  async function save(tx: ISql, referral: StoredReferral): Promise<Referral> {
    const seq = await nextReferralSeq(tx);
    await tx`UPDATE referrals SET seq = ${seq}, statut = ${referral.statut}, motif = ${referral.motif ?? null},
      closed_at = ${referral.cloturee_le ?? null}, erased_at = ${referral.effacee_le ?? null},
      data = ${JSON.stringify(referral)}::text::jsonb
      WHERE id = ${referral.id}`;
    return { ...referral, seq };
  }

  function transaction(tx: TransactionSql): ReferralTransaction {
    return {
      async referral(id) {
        const [found] = await tx<Row[]>`SELECT seq, content_hash, sender_scope, data FROM referrals WHERE id = ${id}`;
        if (!found) return undefined;
        return decode(found) ?? 'unreadable';
      },
      async referralChange(changeId) {
        const [found] = await tx<{ referral_id: string; content_hash: string }[]>`
          SELECT referral_id, content_hash FROM referral_changes WHERE change_id = ${changeId}`;
        return found && { referral_id: found.referral_id, hash: found.content_hash };
      },
      async insertReferral(row) {
        const seq = await nextReferralSeq(tx);
        const { referral } = row;
        await tx`
          INSERT INTO referrals (id, seq, content_hash, structure_id, service_id, sender_account_id, sender_scope,
            statut, motif, sent_at, closed_at, erased_at, data)
          VALUES (${referral.id}, ${seq}, ${row.hash}, ${referral.structure_id}, ${referral.service_id},
            ${referral.envoyeur.account_id}, ${row.sender_scope}, ${referral.statut}, ${referral.motif ?? null},
            ${referral.envoyee_le}, ${referral.cloturee_le ?? null}, ${referral.effacee_le ?? null},
            ${JSON.stringify(referral)}::text::jsonb)`;
        return { ...referral, seq };
      },
      updateReferral: (referral) => save(tx, referral),
      async flagReusedReferral(id) {
        await tx`UPDATE referrals SET reuse_attempts = reuse_attempts + 1 WHERE id = ${id}`;
      },
      async recordReferralChange(changeId, referralId, hash) {
        await tx`INSERT INTO referral_changes (change_id, referral_id, content_hash)
          VALUES (${changeId}, ${referralId}, ${hash})`;
      },
      async referralsToSweep(cutoffs) {
        const due = await tx<Row[]>`
          SELECT seq, content_hash, sender_scope, data FROM referrals WHERE ${dueAt(tx, cutoffs)} ORDER BY seq`;
        return due.flatMap((found) => decode(found) ?? []);
      },
    };
  }

  const byKey = (rows: readonly { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

  const queries: ReferralQueries = {
    async referralFeed({ account, cursor, limit }) {
      assertLimit(limit);
      const own = account.role === 'partenaire' ? (account.structure_id ?? null) : null;
      const found = await sql<Row[]>`
        SELECT seq, content_hash, sender_scope, data FROM referrals
        WHERE seq > ${cursor} AND (structure_id = ${own} OR sender_scope = ${senderScope(account)})
        ORDER BY seq LIMIT ${limit + 1}`;
      const shown = found.slice(0, limit);
      const referrals: Referral[] = [];
      for (const row of shown) {
        const decoded = decode(row);
        if (decoded) referrals.push({ ...decoded.referral, seq: decoded.seq });
      }
      return { referrals, cursor: shown.at(-1)?.seq ?? cursor, hasMore: found.length > limit };
    },
    async referralCounts(structures) {
      const [totals = { total: 0, erased: 0, reused: 0 }] = await sql<
        { total: number; erased: number; reused: number }[]
      >`
        SELECT count(*) AS total, count(erased_at) AS erased, coalesce(sum(reuse_attempts), 0)::bigint AS reused
        FROM referrals`;
      if (structures !== undefined) {
        const only = [...structures];
        const [within = { total: 0, erased: 0 }] = await sql<{ total: number; erased: number }[]>`
          SELECT count(*) AS total, count(erased_at) AS erased FROM referrals WHERE structure_id = ANY(${only})`;
        return {
          total: within.total,
          par_statut: byKey(
            await sql<{ key: string; n: number }[]>`SELECT statut AS key, count(*) AS n FROM referrals
            WHERE structure_id = ANY(${only}) GROUP BY 1`,
          ),
          par_motif: byKey(
            await sql<{ key: string; n: number }[]>`SELECT motif AS key, count(*) AS n FROM referrals
            WHERE motif IS NOT NULL AND structure_id = ANY(${only}) GROUP BY 1`,
          ),
          effacees: within.erased,
          identifiants_reutilises: totals.reused,
        };
      }
      return {
        total: totals.total,
        par_statut: byKey(
          await sql<{ key: string; n: number }[]>`SELECT statut AS key, count(*) AS n FROM referrals
          GROUP BY 1`,
        ),
        par_motif: byKey(
          await sql<{ key: string; n: number }[]>`SELECT motif AS key, count(*) AS n FROM referrals
          WHERE motif IS NOT NULL GROUP BY 1`,
        ),
        effacees: totals.erased,
        identifiants_reutilises: totals.reused,
      };
    },
    async referralFacts() {
      const all = await sql<Row[]>`SELECT seq, content_hash, sender_scope, data FROM referrals ORDER BY seq`;
      return all.flatMap((row) => {
        const decoded = decode(row);
        return decoded ? [referralFact(decoded.sender_scope, decoded.referral)] : [];
      });
    },
  };
  /**
   * Whether a sweep at these cutoffs has anything to do, read without the write lock: a referral only becomes due as
   * time passes, so a referral read (which sweeps first) takes the lock only when there is something to sweep.
   */
  async function anyDue(cutoffs: { expiry: string; erasure: string }): Promise<boolean> {
    const [row] = await sql<
      { due: boolean }[]
    >`SELECT EXISTS (SELECT 1 FROM referrals WHERE ${dueAt(sql, cutoffs)}) AS due`;
    return row?.due ?? false;
  }

  return { queries, transaction, anyDue };
}

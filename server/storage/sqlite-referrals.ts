// Referrals in SQLite (contract: ReferralStore in referral-store.ts; schema: migration v3). Sends and status
// changes are decided by mutation-runner.ts inside the store's transaction, which holds the connection's gate
// (serial-gate.ts): two identical sends arriving at once are one insert and one replay. Rows are parsed with the domain schema when read: a row that does not parse is left
// out and logged by id (never by content).
import type Database from 'better-sqlite3';
import { type Referral, referralSchema } from '../../src/domain/referral.ts';
import { type StoredReferral, senderScope } from '../../src/domain/referral-rules.ts';
import { parse } from '../../src/domain/validation.ts';
import type { Logger } from '../logger.ts';
import type { ReferralRow } from '../referrals/decide.ts';
import { assertLimit } from './directory-store.ts';
import { referralFact } from './orientation-event-store.ts';
import type { ReferralCounts, ReferralQueries } from './referral-store.ts';
import type { ReferralTransaction } from './store-port.ts';

interface Row {
  seq: number;
  content_hash: string;
  sender_scope: string;
  data: string;
}

/** The referral queries, and the referral half of a transaction (valid only inside the store's open transaction). */
export function sqliteReferrals(
  db: Database.Database,
  logger: Logger,
): { queries: ReferralQueries; tx: ReferralTransaction } {
  const s = {
    nextSeq: db.prepare<[], { last: number }>('UPDATE referral_seq SET last = last + 1 WHERE id = 1 RETURNING last'),
    get: db.prepare<[string], Row>('SELECT seq, content_hash, sender_scope, data FROM referrals WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO referrals (id, seq, content_hash, structure_id, service_id, sender_account_id, sender_scope,
         statut, motif, sent_at, closed_at, erased_at, data)
       VALUES (@id, @seq, @hash, @structure_id, @service_id, @sender, @scope, @statut, @motif, @sent_at, @closed_at,
         @erased_at, @data)`,
    ),
    update: db.prepare(
      `UPDATE referrals SET seq = @seq, statut = @statut, motif = @motif, closed_at = @closed_at,
         erased_at = @erased_at, data = @data WHERE id = @id`,
    ),
    flagReuse: db.prepare<[string]>('UPDATE referrals SET reuse_attempts = reuse_attempts + 1 WHERE id = ?'),
    change: db.prepare<[string], { referral_id: string; content_hash: string }>(
      'SELECT referral_id, content_hash FROM referral_changes WHERE change_id = ?',
    ),
    insertChange: db.prepare<[string, string, string]>(
      'INSERT INTO referral_changes (change_id, referral_id, content_hash) VALUES (?, ?, ?)',
    ),
    feed: db.prepare<[number, string | null, string, number], Row>(
      `SELECT seq, content_hash, sender_scope, data FROM referrals
       WHERE seq > ? AND (structure_id = ? OR sender_scope = ?) ORDER BY seq LIMIT ?`,
    ),
    byStatut: db.prepare<[], { key: string; n: number }>(
      'SELECT statut AS key, count(*) AS n FROM referrals GROUP BY 1',
    ),
    byMotif: db.prepare<[], { key: string; n: number }>(
      'SELECT motif AS key, count(*) AS n FROM referrals WHERE motif IS NOT NULL GROUP BY 1',
    ),
    all: db.prepare<[], Row>('SELECT seq, content_hash, sender_scope, data FROM referrals ORDER BY seq'),
    totals: db.prepare<[], { total: number; erased: number; reused: number }>(
      `SELECT count(*) AS total, count(erased_at) AS erased, coalesce(sum(reuse_attempts), 0) AS reused
       FROM referrals`,
    ),
    // A territory: its structures as a JSON array (json_each), one statement whatever its size.
    byStatutIn: db.prepare<[string], { key: string; n: number }>(
      'SELECT statut AS key, count(*) AS n FROM referrals WHERE structure_id IN (SELECT value FROM json_each(?)) GROUP BY 1',
    ),
    byMotifIn: db.prepare<[string], { key: string; n: number }>(
      `SELECT motif AS key, count(*) AS n FROM referrals
       WHERE motif IS NOT NULL AND structure_id IN (SELECT value FROM json_each(?)) GROUP BY 1`,
    ),
    totalsIn: db.prepare<[string], { total: number; erased: number }>(
      `SELECT count(*) AS total, count(erased_at) AS erased FROM referrals
       WHERE structure_id IN (SELECT value FROM json_each(?))`,
    ),
    due: db.prepare<[string, string], Row>(
      `SELECT seq, content_hash, sender_scope, data FROM referrals
       WHERE (statut IN ('envoyee', 'recue') AND sent_at <= ?)
          OR (erased_at IS NULL AND closed_at IS NOT NULL AND closed_at <= ?)
       ORDER BY seq`,
    ),
  };

  function decode(row: Row): (ReferralRow & { seq: number }) | undefined {
    let raw: unknown;
    try {
      raw = { ...JSON.parse(row.data), seq: row.seq };
    } catch {
      raw = undefined;
    }
    const parsed = parse(referralSchema, raw);
    if (!parsed.ok) {
      logger.error({ event: 'referral_row_invalid', seq: row.seq });
      return undefined;
    }
    const { seq, ...referral } = parsed.value;
    return { referral, hash: row.content_hash, sender_scope: row.sender_scope, seq };
  }

  const columns = (referral: StoredReferral, seq: number) => ({
    id: referral.id,
    seq,
    statut: referral.statut,
    motif: referral.motif ?? null,
    closed_at: referral.cloturee_le ?? null,
    erased_at: referral.effacee_le ?? null,
    data: JSON.stringify(referral),
  });

  function save(referral: StoredReferral): Referral {
    const seq = s.nextSeq.get()?.last;
    if (seq === undefined) throw new Error('Compteur des orientations absent : migration incomplète');
    s.update.run(columns(referral, seq));
    return { ...referral, seq };
  }

  const tx: ReferralTransaction = {
    async referral(id) {
      const found = s.get.get(id);
      if (!found) return undefined;
      return decode(found) ?? 'unreadable';
    },
    async referralChange(changeId) {
      const found = s.change.get(changeId);
      return found && { referral_id: found.referral_id, hash: found.content_hash };
    },
    async insertReferral(row) {
      const seq = s.nextSeq.get()?.last;
      if (seq === undefined) throw new Error('Compteur des orientations absent : migration incomplète');
      const { referral } = row;
      s.insert.run({
        ...columns(referral, seq),
        hash: row.hash,
        structure_id: referral.structure_id,
        service_id: referral.service_id,
        sender: referral.envoyeur.account_id,
        scope: row.sender_scope,
        sent_at: referral.envoyee_le,
      });
      return { ...referral, seq };
    },
    async updateReferral(referral) {
      return save(referral);
    },
    async flagReusedReferral(id) {
      s.flagReuse.run(id);
    },
    async recordReferralChange(changeId, referralId, hash) {
      s.insertChange.run(changeId, referralId, hash);
    },
    async referralsToSweep({ expiry, erasure }) {
      return s.due.all(expiry, erasure).flatMap((found) => decode(found) ?? []);
    },
  };

  const queries: ReferralQueries = {
    async referralFeed({ account, cursor, limit }) {
      assertLimit(limit);
      const own = account.role === 'partenaire' ? (account.structure_id ?? null) : null;
      const found = s.feed.all(cursor, own, senderScope(account), limit + 1);
      const shown = found.slice(0, limit);
      const referrals: Referral[] = [];
      for (const row of shown) {
        const decoded = decode(row);
        if (decoded) referrals.push({ ...decoded.referral, seq: decoded.seq });
      }
      return { referrals, cursor: shown.at(-1)?.seq ?? cursor, hasMore: found.length > limit };
    },
    async referralCounts(structures) {
      const totals = s.totals.get() ?? { total: 0, erased: 0, reused: 0 };
      if (structures !== undefined) {
        const only = JSON.stringify(structures);
        const within = s.totalsIn.get(only) ?? { total: 0, erased: 0 };
        return {
          total: within.total,
          par_statut: Object.fromEntries(s.byStatutIn.all(only).map((r) => [r.key, r.n])),
          par_motif: Object.fromEntries(s.byMotifIn.all(only).map((r) => [r.key, r.n])),
          effacees: within.erased,
          identifiants_reutilises: totals.reused,
        };
      }
      const counts: ReferralCounts = {
        total: totals.total,
        par_statut: Object.fromEntries(s.byStatut.all().map((r) => [r.key, r.n])),
        par_motif: Object.fromEntries(s.byMotif.all().map((r) => [r.key, r.n])),
        effacees: totals.erased,
        identifiants_reutilises: totals.reused,
      };
      return counts;
    },
    async referralFacts() {
      return s.all.all().flatMap((row) => {
        const decoded = decode(row);
        return decoded ? [referralFact(decoded.sender_scope, decoded.referral)] : [];
      });
    },
  };
  return { queries, tx };
}

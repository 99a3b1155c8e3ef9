// Mail end to end: the HTTP app, its SQLite store, the mail job and nodemailer, against a real SMTP server in the
// test process. Every message sent is read back: who received it, its subject and body, and — scanning the raw
// message and its decoded form — that nothing of the person oriented ever leaves in an e-mail.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin-commands.ts';
import { createApp } from '../../server/app.ts';
import { createCapturingLogger } from '../../server/logger.ts';
import {
  createMailer,
  invitationNotifier,
  MAX_ATTEMPTS,
  type Mailer,
  mailInvitation,
  retryDelayMs,
} from '../../server/mail/mailer.ts';
import { smtpTransport } from '../../server/mail/transport.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { notificationSettingsSchema } from '../../src/domain/notifications.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { referralPageSchema } from '../../src/domain/referral.ts';
import { acceptWith, aDraft, refuse } from '../fixtures/referrals.ts';
import { asWrites, makeDirectory } from './fixtures/directory-fixture.ts';
import { type Device, postJson, signInAs } from './fixtures/http-client.ts';
import { type SmtpSink, startSmtpSink } from './fixtures/smtp-sink.ts';
import { jsonOf } from './fixtures/test-app.ts';

const APP_URL = 'https://boussole.test';
const FROM = 'boussole@metropole.test';

/** A person's details no message may carry, each distinctive enough to be found anywhere in a raw message. */
const PERSON = {
  nom: 'Zéphyrine Quatremarre',
  telephone: '07 98 76 54 31',
  situation: 'Expulsion imminente Pangolin',
  message: 'Merci de recevoir Mme Quatremarre mardi',
  lieu: 'Salle Okapi, 12 rue Xylophone',
  interlocuteur: 'Demander Capucine Vermeer',
  heure: '16:45',
  note: 'Note de refus Ornithorynque',
};
/** Each value, each of its distinctive words, and the appointment's day written the other ways. */
const SECRETS = [
  ...Object.values(PERSON),
  ...['Zéphyrine', 'Quatremarre', '0798765431', 'Pangolin', 'Okapi', 'Xylophone', 'Capucine', 'Vermeer'],
  ...['Ornithorynque', '2026-03-05', '05/03/2026', '5 mars'],
];

const personalDraft = (over: Parameters<typeof aDraft>[0] = {}) =>
  aDraft({
    ...over,
    reponses: {
      personne_nom: PERSON.nom,
      personne_telephone: PERSON.telephone,
      situation: PERSON.situation,
    },
    message: PERSON.message,
  });

describe('mail (SMTP server in the test process)', () => {
  let sink: SmtpSink;
  let store: DirectoryStore;
  let now: number;
  let logger: ReturnType<typeof createCapturingLogger>;
  let mailer: Mailer;
  let transport: ReturnType<typeof smtpTransport> | null;

  const clock = () => new Date(now);

  async function setUp(options: { smtp: boolean }) {
    now = Date.parse('2026-03-02T10:00:00Z');
    sink = await startSmtpSink();
    logger = createCapturingLogger();
    store = openSqliteStore({ path: ':memory:' });
    await store.upsert(asWrites(makeDirectory(3, 2)));
    transport = options.smtp ? smtpTransport(sink.url, FROM) : null;
    mailer = createMailer({ store, transport, links: { appUrl: APP_URL }, logger, clock });
    const app = createApp({ store, logger, clock, mailer, notify: invitationNotifier(mailer, `${APP_URL}/connexion`) });
    const enrol = async (who: Parameters<typeof signInAs>[2], email?: string) => {
      const device = await signInAs(app, store, who);
      if (email) await store.setAccountMail(device.account.id, { email });
      return device;
    };
    const team = { role: 'travailleur', equipe_id: 'test--s003' } as const;
    const people = {
      worker: await enrol({ ...team, nom: 'Mina Travailleuse' }, 'mina@mdm.test'),
      colleague: await enrol({ ...team, nom: 'Marc Collègue' }, 'marc@mdm.test'),
      outsider: await enrol({ role: 'travailleur', nom: 'Alix Ailleurs' }, 'alix@ccas.test'),
      partnerA: await enrol({ role: 'partenaire', nom: 'Épicerie A', structure_id: 'test--s001' }, 'a@epicerie.test'),
      partnerB: await enrol({ role: 'partenaire', nom: 'Épicerie B', structure_id: 'test--s001' }, 'b@epicerie.test'),
      other: await enrol({ role: 'partenaire', nom: 'Épicerie C', structure_id: 'test--s002' }, 'c@asso.test'),
    };
    const send = (device: Device, referral: unknown) =>
      postJson(app, '/api/v1/referrals', { protocol: PROTOCOL_VERSION, referral }, device.auth);
    const setStatus = (device: Device, id: string, change: unknown) =>
      postJson(app, `/api/v1/referrals/${id}/status`, { protocol: PROTOCOL_VERSION, change }, device.auth);
    return { app, people, send, setStatus };
  }

  afterEach(async () => {
    await mailer.stop();
    transport?.close();
    await store.close();
    await sink.close();
  });

  const expectNoPersonalData = () => {
    expect(sink.messages.length).toBeGreaterThan(0);
    for (const mail of sink.messages) {
      for (const secret of SECRETS) {
        expect(mail.raw).not.toContain(secret);
        expect(mail.decoded).not.toContain(secret);
      }
      // No names either: not the workers', not the partners'.
      for (const name of ['Mina', 'Marc', 'Épicerie A', 'Epicerie']) expect(mail.decoded).not.toContain(name);
    }
  };

  describe('with SMTP configured', () => {
    let t: Awaited<ReturnType<typeof setUp>>;
    beforeEach(async () => {
      t = await setUp({ smtp: true });
    });

    it('tells the structure’s partners of a new referral, then the sending team of the answer, with no personal data', async () => {
      const draft = personalDraft();
      expect((await t.send(t.people.worker, draft)).status).toBe(200);
      await mailer.drain();
      expect(sink.messages.map((m) => m.to).sort()).toEqual([['a@epicerie.test'], ['b@epicerie.test']]);
      for (const mail of sink.messages) {
        expect(mail.from).toBe(FROM);
        expect(mail.subject).toBe('Une nouvelle orientation vous attend dans Boussole');
        expect(mail.text).toContain('Une nouvelle orientation vous attend dans Boussole.');
        expect(mail.text).toContain(`${APP_URL}/orientations`);
        expect(mail.html).toContain(`<a href="${APP_URL}/orientations">`);
      }

      sink.messages.length = 0;
      const accepted = acceptWith({
        date: '2026-03-05',
        heure: PERSON.heure,
        lieu: PERSON.lieu,
        interlocuteur: PERSON.interlocuteur,
      });
      expect((await t.setStatus(t.people.partnerA, draft.id, accepted)).status).toBe(200);
      await mailer.drain();
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['marc@mdm.test', 'mina@mdm.test']);
      for (const mail of sink.messages) {
        expect(mail.subject).toBe('Une orientation a été acceptée dans Boussole');
        expect(mail.text).toContain('Un partenaire a accepté une orientation');
      }

      const refused = personalDraft();
      await t.send(t.people.worker, refused);
      await t.setStatus(t.people.partnerB, refused.id, refuse('complet', PERSON.note));
      await mailer.drain();
      const refusals = sink.messages.filter((m) => m.subject === 'Une orientation a été refusée dans Boussole');
      expect(refusals.map((m) => m.to[0]).sort()).toEqual(['marc@mdm.test', 'mina@mdm.test']);
      expect(sink.messages.some((m) => m.to.includes('c@asso.test') || m.to.includes('alix@ccas.test'))).toBe(false);
      expectNoPersonalData();
    });

    it('mails an event once however often the device resends it', async () => {
      const draft = personalDraft();
      await t.send(t.people.worker, draft);
      await t.send(t.people.worker, draft);
      const change = acceptWith({ date: '2026-03-05' });
      await t.setStatus(t.people.partnerA, draft.id, change);
      await t.setStatus(t.people.partnerA, draft.id, change);
      await mailer.drain();
      await mailer.drain();
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual([
        'a@epicerie.test',
        'b@epicerie.test',
        'marc@mdm.test',
        'mina@mdm.test',
      ]);
    });

    it('keeps a message when the SMTP server is down, sends it once later, and abandons it after the last attempt', async () => {
      sink.down = true;
      const draft = personalDraft();
      expect((await t.send(t.people.worker, draft)).status).toBe(200);
      expect(await mailer.drain()).toEqual({ sent: 0, failed: 2, abandoned: 0 });
      expect(sink.messages).toEqual([]);
      expect(await store.outboxCounts()).toEqual({ pending: 2, sent: 0, abandoned: 0 });
      expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'mail_failed', attempts: 1 }));

      sink.down = false;
      expect(await mailer.drain()).toEqual({ sent: 0, failed: 0, abandoned: 0 }); // not due yet
      now += retryDelayMs(1);
      expect(await mailer.drain()).toEqual({ sent: 2, failed: 0, abandoned: 0 });
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a@epicerie.test', 'b@epicerie.test']);
      now += 86_400_000;
      await mailer.drain();
      expect(sink.messages).toHaveLength(2);

      sink.down = true;
      await t.send(t.people.worker, personalDraft());
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await mailer.drain();
        now += retryDelayMs(attempt);
      }
      expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 2, abandoned: 2 });
      expect(logger.lines.filter((l) => l.event === 'mail_abandoned')).toHaveLength(2);
      const logged = JSON.stringify(logger.lines);
      for (const address of ['epicerie.test', 'mdm.test', ...SECRETS]) expect(logged).not.toContain(address);
    });

    it('answers the request at once when the SMTP server cannot be reached', async () => {
      await sink.close();
      const draft = personalDraft();
      const response = await t.send(t.people.worker, draft);
      expect(response.status).toBe(200);
      await mailer.drain();
      expect(await store.outboxCounts()).toEqual({ pending: 2, sent: 0, abandoned: 0 });
      sink = await startSmtpSink(); // afterEach closes it
    });

    it('sends a daily account one digest of the day’s events the next morning, and the others at once', async () => {
      await store.setAccountMail(t.people.partnerA.account.id, { notifications: 'daily' });
      await store.setAccountMail(t.people.worker.account.id, { notifications: 'daily' });
      await store.setAccountMail(t.people.colleague.account.id, { notifications: 'none' });
      const drafts = [personalDraft(), personalDraft(), personalDraft()];
      for (const draft of drafts) await t.send(t.people.worker, draft);
      await t.setStatus(t.people.partnerB, drafts[0]?.id ?? '', acceptWith({ date: '2026-03-05' }));
      await t.setStatus(t.people.partnerB, drafts[1]?.id ?? '', refuse('complet', PERSON.note));
      await mailer.drain();
      expect(sink.messages.map((m) => m.to[0])).toEqual(['b@epicerie.test', 'b@epicerie.test', 'b@epicerie.test']);

      sink.messages.length = 0;
      expect(await mailer.collectDigests()).toBe(0); // the same day
      now = Date.parse('2026-03-03T05:30:00Z'); // 6:30 in Lyon: before the digest hour
      expect(await mailer.collectDigests()).toBe(0);
      now = Date.parse('2026-03-03T07:00:00Z');
      expect(await mailer.collectDigests()).toBe(2);
      await mailer.drain();
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['a@epicerie.test', 'mina@mdm.test']);
      const partnerDigest = sink.messages.find((m) => m.to[0] === 'a@epicerie.test');
      expect(partnerDigest?.subject).toBe('Boussole : vos orientations de la veille');
      expect(partnerDigest?.text).toContain('3 nouvelles orientations vous attendent.');
      const workerDigest = sink.messages.find((m) => m.to[0] === 'mina@mdm.test');
      expect(workerDigest?.text).toContain('1 orientation a été acceptée.');
      expect(workerDigest?.text).toContain('1 orientation a été refusée.');
      expect(await mailer.collectDigests()).toBe(0);
      expectNoPersonalData();
    });

    it('mails an invitation with its code and the sign-in address, once', async () => {
      const invitation = {
        to: 'nouvelle@epicerie.test',
        code: 'INV-ABCD-EFGH-JKLM',
        signInUrl: `${APP_URL}/connexion`,
        role: 'partenaire',
      };
      expect(await mailInvitation(mailer, invitation)).toBe('queued');
      expect(await mailInvitation(mailer, invitation)).toBe('already');
      await mailer.drain();
      expect(sink.messages).toHaveLength(1);
      const [mail] = sink.messages;
      expect(mail?.to).toEqual(['nouvelle@epicerie.test']);
      expect(mail?.subject).toBe('Votre invitation à Boussole');
      expect(mail?.text).toContain('INV-ABCD-EFGH-JKLM');
      expect(mail?.text).toContain(`${APP_URL}/connexion`);
      expect(mail?.text).toContain('« Partenaire (structure) »');
      expect(mail?.html).toContain('INV-ABCD-EFGH-JKLM');
    });

    it('an invitation made in Administration with an address is mailed with its code, and says so', async () => {
      const coordinator = await signInAs(t.app, store, { role: 'coordinateur', nom: 'Coordination' });
      const response = await postJson(
        t.app,
        '/api/v1/admin/invitations',
        {
          protocol: PROTOCOL_VERSION,
          role: 'partenaire',
          nom: 'Épicerie B2',
          structure_id: 'test--s002',
          email: 'b2@asso.test',
        },
        coordinator.auth,
      );
      expect(response.status).toBe(201);
      const answer = (await jsonOf(response)) as { code: string; courriel_envoye: boolean };
      expect(answer.courriel_envoye).toBe(true);
      await mailer.drain();
      const mail = sink.messages.find((m) => m.to.includes('b2@asso.test'));
      expect(mail?.subject).toBe('Votre invitation à Boussole');
      expect(mail?.text).toContain(answer.code);
      expect(mail?.text).toContain(`${APP_URL}/connexion`);
    });

    it('npm run admin -- invite --email mails the code and gives the address to the account', async () => {
      const out: string[] = [];
      const code = await runAdmin(
        {
          store,
          out: (l) => out.push(l),
          err: (l) => out.push(l),
          now: new Date(now),
          mailer,
          signInUrl: `${APP_URL}/connexion`,
        },
        [
          'invite',
          '--role',
          'partenaire',
          '--nom',
          'Épicerie D',
          '--structure',
          'test--s002',
          '--email',
          'd@asso.test',
        ],
      );
      expect(code).toBe(0);
      const printed = /Code d’invitation : (\S+)/.exec(out.join('\n'))?.[1];
      expect(out).toContain('Invitation envoyée par courriel à l’adresse indiquée.');
      expect(sink.messages.map((m) => m.to)).toEqual([['d@asso.test']]);
      expect(sink.messages[0]?.text).toContain(printed);

      // The partner who signs in with it is told of the referrals of its structure at that address.
      const signIn = await postJson(t.app, '/api/v1/session', {
        protocol: PROTOCOL_VERSION,
        code: printed,
        appareil: 'PC',
      });
      expect(signIn.status).toBe(200);
      sink.messages.length = 0;
      await t.send(t.people.worker, personalDraft({ structure_id: 'test--s002', service_id: 'test--v003' }));
      await mailer.drain();
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['c@asso.test', 'd@asso.test']);
    });

    it('refuses a malformed --email with the usage, creating nothing', async () => {
      const err: string[] = [];
      const code = await runAdmin(
        { store, out: () => {}, err: (l) => err.push(l), now: new Date(now), mailer, signInUrl: APP_URL },
        ['invite', '--role', 'travailleur', '--nom', 'X', '--email', 'pas-une-adresse'],
      );
      expect(code).toBe(2);
      expect(err[0]).toContain('--email');
      await mailer.drain();
      expect(sink.messages).toEqual([]);
    });
  });

  describe('without SMTP', () => {
    it('sends nothing, queues nothing, answers the request, and tells the app notifications are off', async () => {
      const t = await setUp({ smtp: false });
      expect((await t.send(t.people.worker, personalDraft())).status).toBe(200);
      await mailer.drain();
      expect(await mailer.collectDigests()).toBe(0);
      expect(sink.messages).toEqual([]);
      expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 0, abandoned: 0 });
      const page = await t.app.request('/api/v1/referrals', { headers: t.people.partnerA.auth });
      expect(referralPageSchema.parse(await jsonOf(page)).policy.notifications_courriel).toBe(false);
      expect(await mailInvitation(mailer, { to: 'x@y.test', code: 'C', signInUrl: APP_URL, role: 'travailleur' })).toBe(
        'off',
      );
    });
  });

  it('tells the app notifications are on when SMTP is configured', async () => {
    const t = await setUp({ smtp: true });
    const page = await t.app.request('/api/v1/referrals', { headers: t.people.partnerA.auth });
    expect(referralPageSchema.parse(await jsonOf(page)).policy.notifications_courriel).toBe(true);
  });
});

describe('GET and PUT /api/v1/notifications', () => {
  it('lets an account read and set its own address and how often it is told; bad input changes nothing', async () => {
    const logger = createCapturingLogger();
    const store = openSqliteStore({ path: ':memory:' });
    await store.upsert(asWrites(makeDirectory(1, 1)));
    const mailer = createMailer({ store, transport: null, links: { appUrl: APP_URL }, logger });
    const app = createApp({ store, logger, mailer });
    const worker = await signInAs(app, store, { role: 'travailleur', nom: 'Wendy' });
    const other = await signInAs(app, store, { role: 'travailleur', nom: 'Walid' });
    const put = (body: object, device = worker) =>
      app.request('/api/v1/notifications', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...device.auth },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, ...body }),
      });
    const read = async (device = worker) =>
      notificationSettingsSchema.parse(
        await jsonOf(await app.request('/api/v1/notifications', { headers: device.auth })),
      );

    expect(await read()).toMatchObject({ courriel: false, email: null, notifications: 'immediate' });
    const set = await put({ email: 'wendy@mdm.test', notifications: 'daily' });
    expect(set.status).toBe(200);
    expect(await read()).toMatchObject({ email: 'wendy@mdm.test', notifications: 'daily' });
    expect(await read(other)).toMatchObject({ email: null, notifications: 'immediate' });

    for (const [body, path] of [
      [{ email: 'pas une adresse' }, 'email'],
      [{ notifications: 'hebdomadaire' }, 'notifications'],
      [{ account_id: other.account.id, notifications: 'none' }, ''],
    ] as const) {
      const refused = await put(body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await jsonOf(refused))).toContain(`"path":"${path}`);
    }
    expect(await read()).toMatchObject({ email: 'wendy@mdm.test', notifications: 'daily' });
    expect(await read(other)).toMatchObject({ notifications: 'immediate' });
    expect((await put({ email: null })).status).toBe(200);
    expect((await read()).email).toBeNull();
    expect((await app.request('/api/v1/notifications')).status).toBe(401);
    expect(JSON.stringify(logger.lines)).not.toContain('wendy@mdm.test');
    await store.close();
  });
});

describe('an invitation’s code in the outbox', () => {
  it('stays in the database only until its message leaves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'boussole-mail-'));
    const path = join(dir, 'mail.sqlite');
    const sink = await startSmtpSink();
    const store = openSqliteStore({ path });
    const transport = smtpTransport(sink.url, FROM);
    const mailer = createMailer({ store, transport, links: { appUrl: APP_URL }, logger: createCapturingLogger() });
    const peek = new Database(path, { readonly: true });
    const params = () => peek.prepare<[], { params: string }>('SELECT params FROM mail_outbox').all();
    try {
      sink.down = true;
      await mailInvitation(mailer, {
        to: 'x@asso.test',
        code: 'INV-SECRET-CODE',
        signInUrl: APP_URL,
        role: 'partenaire',
      });
      await mailer.drain();
      expect(JSON.stringify(params())).toContain('INV-SECRET-CODE'); // kept for the retry
      sink.down = false;
      const later = new Date(Date.now() + retryDelayMs(1) + 1000);
      const retrying = createMailer({
        store,
        transport,
        links: { appUrl: APP_URL },
        logger: createCapturingLogger(),
        clock: () => later,
      });
      expect(await retrying.drain()).toMatchObject({ sent: 1 });
      expect(sink.messages[0]?.text).toContain('INV-SECRET-CODE');
      expect(params()).toEqual([{ params: '{}' }]);
    } finally {
      peek.close();
      await mailer.stop();
      transport.close();
      await store.close();
      await sink.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// No log line carries what a request carried, on the error paths too: a handler that throws (500), a store that
// fails, a body that is not JSON, a body the schema refuses, a refused sign-in. Foreign errors are the risk: their
// messages quote what they were given (JSON.parse quotes the text, a driver the value). A 500 stays diagnosable
// from the log: route pattern, error name, code and the stack frames that say which line threw.
import { describe, expect, it } from 'vitest';
import { describeError } from '../../server/logger.ts';
import type { DirectoryStore } from '../../server/storage/directory-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { leakedValues, tracesOf } from '../fixtures/personal-traces.ts';
import { aDraft, PERSONAL, refuse } from '../fixtures/referrals.ts';
import { postJson, signInAs } from './fixtures/http-client.ts';
import { makeTestApp } from './fixtures/test-app.ts';

const NOTE = 'Awa Diallo ne répond pas au 06 12 34 56 78';
const SECRET_VALUES = [...PERSONAL, NOTE, 'awa.diallo@exemple.fr', '1984-07-19'];

/** A referral carrying every personal value, an e-mail and a birth date among its free-text answers. */
const personalDraft = () => {
  const draft = aDraft();
  return {
    ...draft,
    reponses: { ...draft.reponses, composition_foyer: 'Née le 1984-07-19', regime: 'awa.diallo@exemple.fr' },
  };
};

/** The app on a SQLite store whose `overrides` replace the real methods (to make them fail). */
async function appWith(overrides: Partial<DirectoryStore> = {}) {
  const store: DirectoryStore = { ...openSqliteStore({ path: ':memory:' }), ...overrides };
  const test = await makeTestApp({ store });
  const worker = await signInAs(test.app, test.store, { role: 'travailleur', nom: 'Wendy' });
  const partner = await signInAs(test.app, test.store, {
    role: 'partenaire',
    nom: 'Épicerie Un',
    structure_id: 'test--s001',
  });
  const sendReferral = (referral: unknown) =>
    postJson(test.app, '/api/v1/referrals', { protocol: PROTOCOL_VERSION, referral }, worker.auth);
  return { ...test, worker, partner, sendReferral };
}

function expectNoPersonalValueLogged(lines: unknown[]) {
  expect(leakedValues(JSON.stringify(lines), SECRET_VALUES)).toEqual([]);
}

/** The log line of the 500, which must say where it failed without saying what was sent. */
function unhandled(lines: Array<Record<string, unknown>>) {
  const line = lines.find((l) => l.event === 'unhandled_error');
  if (!line) throw new Error(`no unhandled_error line in ${JSON.stringify(lines)}`);
  return line as { route: string; error: { name: string; code?: unknown; frames: string[] } };
}

describe('the log of a request that fails', () => {
  it('keeps a foreign error’s message out when a handler throws one quoting the body (500)', async () => {
    const test = await appWith({
      sendReferral: async (input) => {
        throw new TypeError(`Cannot send ${JSON.stringify(input.draft)}`);
      },
    });
    const response = await test.sendReferral(personalDraft());
    expect(response.status).toBe(500);
    expectNoPersonalValueLogged(test.logger.lines);
    const line = unhandled(test.logger.lines);
    expect(line.route).toBe('/api/v1/referrals');
    expect(line.error.name).toBe('TypeError');
    expect(line.error.frames[0]).toContain('log-privacy.test.ts');
  });

  it('keeps a store error’s message out and its code in (500)', async () => {
    const test = await appWith({
      changeReferralStatus: async (input) => {
        const error = new Error(`UNIQUE constraint failed: note = '${input.change.note}'`);
        throw Object.assign(error, { name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' });
      },
    });
    const draft = personalDraft();
    expect((await test.sendReferral(draft)).status).toBe(200);
    const response = await postJson(
      test.app,
      `/api/v1/referrals/${draft.id}/status`,
      { protocol: PROTOCOL_VERSION, change: refuse('injoignable', NOTE) },
      test.partner.auth,
    );
    expect(response.status).toBe(500);
    expectNoPersonalValueLogged(test.logger.lines);
    expect(unhandled(test.logger.lines)).toMatchObject({
      route: '/api/v1/referrals/:id/status',
      error: { name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' },
    });
  });

  it('keeps JSON.parse’s quote of the text out when a store parses request data (500)', async () => {
    const test = await appWith({
      sendReferral: async (input) => JSON.parse(`{"message": ${input.draft.message}}`),
    });
    expect((await test.sendReferral(personalDraft())).status).toBe(500);
    expectNoPersonalValueLogged(test.logger.lines);
    expect(unhandled(test.logger.lines).error).toMatchObject({ name: 'SyntaxError', frames: expect.any(Array) });
  });

  it('keeps a thrown non-Error (a string quoting the request) out (500)', async () => {
    const test = await appWith({
      sendReferral: async (input) => {
        throw `échec pour ${input.draft.reponses.personne_nom}`;
      },
    });
    expect((await test.sendReferral(personalDraft())).status).toBe(500);
    expectNoPersonalValueLogged(test.logger.lines);
    expect(unhandled(test.logger.lines).error).toEqual({ name: 'NonError', type: 'string' });
    expect(test.logger.lines).toContainEqual(expect.objectContaining({ event: 'request', status: 500 }));
  });

  it('logs nothing of a body that is not JSON (400)', async () => {
    const test = await appWith();
    const body = `{"protocol": ${PROTOCOL_VERSION}, "referral": {"message": Awa Diallo 06 12 34 56 78 Merci de la recevoir`;
    const response = await postJson(test.app, '/api/v1/referrals', body, test.worker.auth);
    expect(response.status).toBe(400);
    expectNoPersonalValueLogged(test.logger.lines);
  });

  it('logs nothing of a body the schema refuses (400)', async () => {
    const test = await appWith();
    const response = await test.sendReferral({ ...personalDraft(), id: NOTE, consentement: 'Awa Diallo' });
    expect(response.status).toBe(400);
    expectNoPersonalValueLogged(test.logger.lines);
  });

  it('logs a refused sign-in’s reason, never the code typed nor the device name', async () => {
    const test = await appWith();
    const refused = await postJson(test.app, '/api/v1/session', {
      protocol: PROTOCOL_VERSION,
      code: 'AWA-DIALLO-0612345678',
      appareil: 'Tablette de Awa Diallo',
    });
    expect(refused.status).toBe(401);
    const malformed = await postJson(test.app, '/api/v1/session', {
      protocol: PROTOCOL_VERSION,
      code: 'Awa Diallo',
      appareil: 'Tablette de Awa Diallo',
    });
    expect(malformed.status).toBe(400);
    expect(test.logger.lines).toContainEqual(expect.objectContaining({ event: 'sign_in_refused' }));
    expect(leakedValues(JSON.stringify(test.logger.lines), ['AWA-DIALLO-0612345678', 'Awa Diallo'])).toEqual([]);
  });
});

describe('describeError', () => {
  it('gives name, code and frames, and no line of a multi-line message', () => {
    const error = Object.assign(new RangeError('Awa Diallo\n    at Merci de la recevoir (x.ts:1:1)'), {
      code: 'ERR_OUT_OF_RANGE',
    });
    const described = describeError(error);
    expect(described).toMatchObject({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
    expect(leakedValues(JSON.stringify(described), PERSONAL)).toEqual([]);
    expect((described.frames as string[])[0]).toMatch(/^at .*log-privacy\.test\.ts:\d+:\d+/);
  });

  it('drops a name or code that is not an identifier', () => {
    const error = Object.assign(new Error('x'), { name: 'Awa Diallo', code: '06 12 34 56 78' });
    expect(describeError(error)).toEqual({ name: 'Error', frames: expect.any(Array) });
  });
});

describe('the search for personal values in a log', () => {
  it.each([
    ['as typed', 'Awa Diallo', 'nom=Awa Diallo'],
    ['in another case', 'Awa Diallo', 'AWA DIALLO'],
    ['URL-encoded', 'Zoé Martin', '/x?nom=Zo%C3%A9%20Martin'],
    ['form-encoded', 'Zoé Martin', 'nom=Zo%c3%a9+Martin'],
    ['JSON-escaped', 'Il a dit "non"', '{"note":"Il a dit \\"non\\""}'],
    ['JSON-escaped twice', 'Il a dit "non"', '{"body":"{\\"note\\":\\"Il a dit \\\\\\"non\\\\\\"\\"}"}'],
    ['with \\u escapes', 'Zoé', '{"nom":"Zo\\u00e9"}'],
    ['with decomposed accents', 'Zoé', 'Zoe\u0301'],
    ['a phone without its spaces', '06 12 34 56 78', 'tel=0612345678'],
  ])('finds a value %s', (_form, value, log) => {
    expect(leakedValues(log, [value])).toEqual([value]);
  });

  it('finds nothing in a log without the values', () => {
    expect(leakedValues('{"event":"request","route":"/api/v1/referrals","status":500}', SECRET_VALUES)).toEqual([]);
    expect(tracesOf('Awa Diallo')).toContain('awa%20diallo');
  });
});

// The devices of the load benchmark: each one its own account (invited by the demo coordinator through the
// Administration API, then signed in with its own single-use code), its own token, client id, cursor and mutation
// ids — so the server cannot answer them all with one kept page. They act as the app does: pull what changed since
// their cursor, push a few edits, read their referrals, pausing between actions (an exponential think time).
// Requests go round-robin over the instances, as a reverse proxy without affinity would send them.
import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';

export type Action = 'pull' | 'push' | 'referrals';

export interface Sample {
  action: Action;
  ms: number;
  /** The HTTP status, or the network error's code when there was no answer. */
  outcome: number | string;
  /** When the request left (Date.now(), the clock of the servers' logs). */
  at: number;
}

interface Answer {
  status: number;
  body: unknown;
}

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/**
 * One HTTP request with gzip accepted (as browsers send), the JSON answer decoded. A kept-alive connection the server
 * closed as the request left (its idle timeout) is retried once on a new one, as browsers do: that race is not an
 * error of the server's.
 */
async function call(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Answer> {
  try {
    return await callOnce(url, init);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket !== true) throw error;
    return callOnce(url, init);
  }
}

function callOnce(url: string, init: { method?: string; token?: string; body?: unknown }): Promise<Answer> {
  const payload = init.body === undefined ? undefined : Buffer.from(JSON.stringify(init.body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: init.method ?? 'GET',
        headers: {
          'accept-encoding': 'gzip',
          'x-boussole-protocol': String(PROTOCOL_VERSION),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reset = error.code === 'ECONNRESET' && req.reusedSocket;
      reject(reset ? Object.assign(error, { reusedSocket: true }) : error);
    });
    req.end(payload);
  });
}

async function expectOk(url: string, init: Parameters<typeof call>[1], status = 200): Promise<Record<string, unknown>> {
  const answer = await call(url, init);
  if (answer.status !== status) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${answer.status}`);
  return answer.body as Record<string, unknown>;
}

interface Device {
  role: 'travailleur' | 'partenaire';
  token: string;
  clientId: string;
  cursor: number;
  nextMutationId: number;
  /** Mutations sent without an answer: sent again first, as the app's outbox does (else the next push has a gap). */
  pending: unknown[];
  /** The services this device edits (its own, so that devices do not conflict) and the note it last wrote. */
  services: Array<{ id: string; note: string | null }>;
}

export interface Fleet {
  devices: Device[];
  /** Runs every device until `until` (performance.now()), collecting a sample per request from `from` on. */
  run(options: { from: number; until: number; thinkMs: number; samples: Sample[] }): Promise<MutationCounts>;
}

export type MutationCounts = Record<'applied' | 'conflict' | 'rejected', number>;

/** Services with their structure and note, read as the coordinator (the first `count`, by id). */
async function someServices(url: string, token: string, count: number) {
  const out: Array<{ id: string; structure_id: string; note: string | null }> = [];
  let after: string | undefined;
  while (out.length < count) {
    const page = await expectOk(
      `${url}/api/v1/services?limit=100${after === undefined ? '' : `&after=${encodeURIComponent(after)}`}`,
      { token },
    );
    const services = page.services as Array<{ id: string; structure_id: string; horaires_note?: string }>;
    out.push(...services.map((s) => ({ id: s.id, structure_id: s.structure_id, note: s.horaires_note ?? null })));
    if (page.next === null || services.length === 0) break;
    after = String(page.next);
  }
  return out.slice(0, count);
}

/**
 * Invites and signs in `count` devices through `urls[0]`: about one in ten a partner (each for its own structure),
 * the others workers. Each is then brought up to date (its cursor at the feed's last seq), as a device that
 * finished its first download.
 */
export async function enrolFleet(urls: readonly string[], count: number): Promise<Fleet> {
  const [url] = urls;
  if (url === undefined) throw new Error('no instance');
  const demo = await expectOk(`${url}/api/v1/demo`, {});
  const codes = demo.codes as Array<{ role: string; code: string }>;
  const coordinatorCode = codes.find((c) => c.role === 'coordinateur')?.code;
  const signIn = (code: string, appareil: string) =>
    expectOk(`${url}/api/v1/session`, { method: 'POST', body: { protocol: PROTOCOL_VERSION, code, appareil } });
  const coordinator = await signIn(coordinatorCode ?? '', 'Banc de charge');
  const services = await someServices(url, String(coordinator.token), count * 6);
  const structures = [...new Set(services.map((s) => s.structure_id))];
  const head = await expectOk(`${url}/api/v1/directory?cursor=1000000000&limit=1`, {
    token: String(coordinator.token),
  });

  const devices: Device[] = [];
  for (let i = 0; i < count; i++) {
    const partner = i % 10 === 9 && structures[i] !== undefined;
    const invitation = await expectOk(
      `${url}/api/v1/admin/invitations`,
      {
        method: 'POST',
        token: String(coordinator.token),
        body: {
          protocol: PROTOCOL_VERSION,
          role: partner ? 'partenaire' : 'travailleur',
          nom: `Appareil de charge ${i + 1}`,
          ...(partner ? { structure_id: structures[i] } : {}),
        },
      },
      201,
    );
    const session = await signIn(String(invitation.code), `Appareil ${i + 1}`);
    devices.push({
      role: partner ? 'partenaire' : 'travailleur',
      token: String(session.token),
      clientId: String(session.clientId),
      cursor: Number(head.cursor),
      nextMutationId: 1,
      pending: [],
      services: services.filter((_, j) => j % count === i).map(({ id, note }) => ({ id, note })),
    });
  }

  let turn = 0;
  const next = () => urls[turn++ % urls.length] as string;
  const counts: MutationCounts = { applied: 0, conflict: 0, rejected: 0 };

  async function act(device: Device, action: Action): Promise<number> {
    if (action === 'pull') {
      const answer = await call(`${next()}/api/v1/directory?cursor=${device.cursor}&limit=500`, {
        token: device.token,
      });
      if (answer.status === 200) device.cursor = Number((answer.body as { cursor: number }).cursor);
      return answer.status;
    }
    if (action === 'referrals') {
      return (await call(`${next()}/api/v1/referrals?cursor=0&limit=200`, { token: device.token })).status;
    }
    const edits = device.services.slice(0, 1 + Math.floor(Math.random() * Math.min(3, device.services.length)));
    const mutations = edits.map((service) => {
      const note = `Ouvert pendant les travaux (${device.nextMutationId})`;
      const mutation = {
        id: device.nextMutationId++,
        name: 'record.update',
        args: {
          kind: 'service',
          id: service.id,
          base: { horaires_note: service.note },
          changes: { horaires_note: note },
        },
      };
      service.note = note;
      return mutation;
    });
    device.pending.push(...mutations);
    const answer = await call(`${next()}/api/v1/push`, {
      method: 'POST',
      token: device.token,
      body: { protocol: PROTOCOL_VERSION, clientId: device.clientId, mutations: device.pending },
    });
    if (answer.status !== 200) return answer.status;
    device.pending = [];
    for (const result of (answer.body as { results: Array<{ status: keyof MutationCounts }> }).results) {
      counts[result.status]++;
    }
    return answer.status;
  }

  /** 80 % pulls, 15 % pushes of 1 to 3 edits (workers; a partner pulls instead), 5 % referral reads. */
  const pick = (device: Device): Action => {
    const r = Math.random();
    if (r < 0.8) return 'pull';
    if (r < 0.95) return device.role === 'travailleur' && device.services.length > 0 ? 'push' : 'pull';
    return 'referrals';
  };

  return {
    devices,
    async run({ from, until, thinkMs, samples }) {
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      await Promise.all(
        devices.map(async (device) => {
          // Devices start spread over one think time, not all at the same instant.
          await sleep(Math.random() * thinkMs);
          while (performance.now() < until) {
            const action = pick(device);
            const at = Date.now();
            const started = performance.now();
            let outcome: number | string;
            try {
              outcome = await act(device, action);
            } catch (error) {
              outcome = (error as { code?: string }).code ?? 'error';
            }
            if (started >= from) samples.push({ action, ms: performance.now() - started, outcome, at });
            await sleep(-Math.log(1 - Math.random()) * thinkMs);
          }
        }),
      );
      return counts;
    },
  };
}

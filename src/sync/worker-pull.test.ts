import { describe, expect, it } from 'vitest';
import { OfflineError, UnauthenticatedError } from './transport-errors.ts';
import { describeFailure, directoryWorker, type WorkerReply, type WorkerRequest } from './worker-pull.ts';

/** A stand-in for the download worker: the test answers each request by hand. */
class FakeWorker {
  static created: FakeWorker[] = [];
  requests: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.created.push(this);
  }
  postMessage(request: WorkerRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(reply: WorkerReply) {
    this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function setUp(token: string | null = 'jeton', eager = false) {
  FakeWorker.created = [];
  const { pull, refreshCatalogCache } = directoryWorker(
    () => new FakeWorker() as unknown as Worker,
    () => token,
    eager,
  );
  return { pull, refreshCatalogCache, worker: () => FakeWorker.created.at(-1) as FakeWorker };
}

describe('the download handed to the worker', () => {
  it('starts the worker at once when a download is about to start (its code loads meanwhile), else at the first request', async () => {
    setUp('jeton', true);
    expect(FakeWorker.created).toHaveLength(1);
    const { pull } = setUp('jeton', false);
    expect(FakeWorker.created).toHaveLength(0);
    void pull(() => {});
    expect(FakeWorker.created).toHaveLength(1);
  });

  it('sends the current token, relays progress and resolves when the worker is done', async () => {
    const { pull, worker } = setUp();
    const progress: number[] = [];
    const done = pull((p) => progress.push(p.received));
    const [request] = worker().requests;
    expect(request).toEqual({ id: 1, type: 'pull', token: 'jeton' });
    worker().reply({ id: 1, type: 'progress', progress: { received: 1000, total: 2000 } });
    worker().reply({ id: 1, type: 'done' });
    await expect(done).resolves.toBeUndefined();
    expect(progress).toEqual([1000]);
  });

  it("rebuilds the transport's typed errors, so the controller asks to sign in again rather than retrying", async () => {
    const { pull, worker } = setUp();
    const refused = pull(() => {});
    worker().reply({ id: 1, type: 'failed', error: { name: 'UnauthenticatedError', message: 'Session expirée' } });
    await expect(refused).rejects.toBeInstanceOf(UnauthenticatedError);
    const offline = pull(() => {});
    worker().reply({ id: 2, type: 'failed', error: { name: 'OfflineError', message: 'réseau' } });
    await expect(offline).rejects.toBeInstanceOf(OfflineError);
    expect(FakeWorker.created).toHaveLength(1);
  });

  it('a revoked device stays revoked across the worker: the page erases its personal data, not only its token', async () => {
    const { pull, worker } = setUp();
    const refused = pull(() => {});
    const revoked = new UnauthenticatedError('Appareil révoqué par la coordination', true);
    worker().reply({ id: 1, type: 'failed', error: describeFailure(revoked) });
    await expect(refused).rejects.toMatchObject({ name: 'UnauthenticatedError', revoked: true });
    const expired = pull(() => {});
    worker().reply({ id: 2, type: 'failed', error: describeFailure(new UnauthenticatedError('Session expirée')) });
    await expect(expired).rejects.toMatchObject({ name: 'UnauthenticatedError', revoked: false });
  });

  it('a worker that crashes fails the running download, and the next download starts a new worker', async () => {
    const { pull, worker } = setUp();
    const running = pull(() => {});
    const first = worker();
    first.crash('script introuvable');
    await expect(running).rejects.toThrow(/script introuvable/);
    expect(first.terminated).toBe(true);
    const next = pull(() => {});
    expect(FakeWorker.created).toHaveLength(2);
    worker().reply({ id: 2, type: 'done' });
    await expect(next).resolves.toBeUndefined();
  });

  it('start-up copies asked for while one is being made coalesce into one more, made after it', async () => {
    const { refreshCatalogCache, worker } = setUp();
    const first = refreshCatalogCache();
    const second = refreshCatalogCache();
    const third = refreshCatalogCache();
    expect(worker().requests).toEqual([{ id: 1, type: 'catalog' }]);
    worker().reply({ id: 1, type: 'done' });
    await Promise.resolve();
    await Promise.resolve();
    expect(worker().requests).toEqual([
      { id: 1, type: 'catalog' },
      { id: 2, type: 'catalog' },
    ]);
    worker().reply({ id: 2, type: 'done' });
    await expect(Promise.all([first, second, third])).resolves.toBeDefined();
    expect(worker().requests).toHaveLength(2);
  });
});

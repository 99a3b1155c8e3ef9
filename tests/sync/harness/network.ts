// The network between the devices and the in-process server, scripted by the test (ENGINEERING.md principle 6:
// a transport you can flush by hand). Each device gets its own `fetch`, handed to the real `httpTransport`; every
// request goes through `route` (the server's `app.fetch`) unless a fault says otherwise. Faults model what a
// phone on 4G meets: a request that never leaves, an answer lost after the server committed, a proxy's 5xx, a
// captive portal's HTML 200, a timeout, the same request delivered twice at once or again much later, a request
// that hangs until the transport's own timeout aborts it, and the server killed while it handles the request.

export type Fault =
  /** Reaches the server; the answer reaches the device. */
  | 'deliver'
  /** Never reaches the server; fetch rejects (network error). */
  | 'drop-request'
  /** The server commits; the answer is lost and fetch rejects. */
  | 'drop-response'
  /** Delivered twice at once (a retrying proxy); the device gets one of the two answers. */
  | 'duplicate'
  /** Delivered now, and a copy of the request again later (`flushLate`), whose answer nobody reads. */
  | 'late-duplicate'
  /** A gateway answers 503 without reaching the server. */
  | 'server-error'
  /** The server commits, the gateway answers 504. */
  | 'server-error-after'
  /** A captive portal answers 200 with an HTML page; the server never sees the request. */
  | 'non-json'
  /** Fetch rejects with a TimeoutError at once, as when the transport's AbortSignal.timeout fires. */
  | 'timeout'
  /** The server commits, then the answer never comes and the TimeoutError fires. */
  | 'timeout-after'
  /** Hangs until the transport's own `AbortSignal.timeout` aborts it (a real timer, short in that test). */
  | 'hang'
  /** The server commits, then the answer never comes: hangs until the transport's timeout aborts it. */
  | 'hang-after'
  /**
   * The server process is killed while it handles the request (`serverFaults.kill`, e.g. SyncServer `killDuring`):
   * what it committed before dying stays, the connection is reset and fetch rejects.
   */
  | 'kill'
  /**
   * The server commits, then the device is revoked before the answer arrives (a coordinator revoking a tablet
   * thought lost while it syncs: `serverFaults.revoke`), and the answer is lost: the device will sign in again as
   * a new client, its outbox renumbered.
   */
  | 'revoked-after';

export interface Exchange {
  device: string;
  method: string;
  path: string;
  fault: Fault;
  /** HTTP status of the server's answer, when the server answered. */
  status?: number;
}

/** A request stopped on its way (`hold`), to be delivered or failed by the test in any order. */
export interface HeldRequest {
  device: string;
  method: string;
  path: string;
  deliver(): Promise<void>;
  fail(): void;
}

type Route = (request: Request) => Promise<Response>;
const ORIGIN = 'http://boussole.test';

export class ScriptedNetwork {
  /** Devices cut from the network (a partition): every request of theirs fails at once. */
  readonly offline = new Set<string>();
  /** Every exchange, in the order requests were made. */
  readonly log: Exchange[] = [];
  /** Requests stopped by `hold`, waiting for the test. */
  readonly held: HeldRequest[] = [];
  /** Picks the fault of a request no script covers (the fuzz test's dice); default: deliver. */
  chooser: (exchange: { device: string; method: string; path: string }) => Fault = () => 'deliver';
  /** The faults the server itself plays (`kill`, `revoked-after`), set by the test. */
  serverFaults: { kill(request: Request): Promise<void>; revoke(request: Request): Promise<void> } | null = null;

  private readonly scripts = new Map<string, Fault[]>();
  private readonly holding = new Set<string>();
  private late: Request[] = [];

  constructor(private route: Route) {}

  /** The server behind the network changed (restarted): later requests go to the new one. */
  reroute(route: Route): void {
    this.route = route;
  }

  readonly origin = ORIGIN;

  /** The faults of a device's next requests, in order; requests after them use `chooser`. */
  script(device: string, ...faults: Fault[]): void {
    this.scripts.set(device, [...(this.scripts.get(device) ?? []), ...faults]);
  }

  /** Stops a device's requests until the test delivers them (`held`); `release` lets later ones through. */
  hold(device: string): void {
    this.holding.add(device);
  }

  release(device: string): void {
    this.holding.delete(device);
  }

  /** Delivers the copies kept by `late-duplicate`, oldest first; their answers are dropped. */
  async flushLate(): Promise<number> {
    const copies = this.late;
    this.late = [];
    for (const copy of copies) await this.route(copy);
    return copies.length;
  }

  /** Exchanges of one device, optionally only of one path. */
  of(device: string, path?: string): Exchange[] {
    return this.log.filter((e) => e.device === device && (path === undefined || e.path.startsWith(path)));
  }

  fetchFor(device: string): typeof fetch {
    return async (input, init) => {
      const request = new Request(new URL(String(input), ORIGIN), init);
      const url = new URL(request.url);
      const exchange: Exchange = {
        device,
        method: request.method,
        path: url.pathname + url.search,
        fault: this.offline.has(device) ? 'drop-request' : 'deliver',
      };
      if (exchange.fault === 'deliver') exchange.fault = this.scripts.get(device)?.shift() ?? this.chooser(exchange);
      this.log.push(exchange);
      if (this.holding.has(device)) await this.waitForTest(exchange);
      return this.perform(exchange, request, init?.signal ?? null);
    };
  }

  private waitForTest(exchange: Exchange): Promise<void> {
    return new Promise((resolve, reject) => {
      this.held.push({
        device: exchange.device,
        method: exchange.method,
        path: exchange.path,
        deliver: async () => resolve(),
        fail: () => reject(new TypeError('Failed to fetch (held request failed by the test)')),
      });
    });
  }

  private async perform(exchange: Exchange, request: Request, signal: AbortSignal | null): Promise<Response> {
    const send = async (r: Request) => {
      const response = await this.route(r);
      exchange.status = response.status;
      return response;
    };
    switch (exchange.fault) {
      case 'deliver':
        return send(request);
      case 'drop-request':
        throw new TypeError('Failed to fetch');
      case 'drop-response':
        await send(request);
        throw new TypeError('Failed to fetch');
      case 'duplicate': {
        const [first] = await Promise.all([send(request.clone()), send(request)]);
        return first;
      }
      case 'late-duplicate':
        this.late.push(request.clone());
        return send(request);
      case 'server-error':
        return new Response('Service Unavailable', { status: 503, headers: { 'content-type': 'text/plain' } });
      case 'server-error-after':
        await send(request);
        return new Response('<html>504 Gateway Timeout</html>', {
          status: 504,
          headers: { 'content-type': 'text/html' },
        });
      case 'non-json':
        return new Response('<html><body>Connectez-vous au Wi-Fi</body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        });
      case 'timeout':
        throw new DOMException('The operation timed out.', 'TimeoutError');
      case 'timeout-after':
        await send(request);
        throw new DOMException('The operation timed out.', 'TimeoutError');
      case 'hang':
        return aborted(signal);
      case 'hang-after':
        await send(request);
        return aborted(signal);
      case 'kill':
        if (!this.serverFaults) throw new Error('kill: no serverFaults set for this network');
        await this.serverFaults.kill(request);
        throw new TypeError('Failed to fetch (connection reset: the server was killed)');
      case 'revoked-after': {
        if (!this.serverFaults) throw new Error('revoked-after: no serverFaults set for this network');
        await send(request);
        await this.serverFaults.revoke(request);
        throw new TypeError('Failed to fetch');
      }
    }
  }
}

/** Rejects when the transport's signal aborts (at once if it already has): what a hung request comes to. */
function aborted(signal: AbortSignal | null): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (!signal) return reject(new Error('hang: the transport gave no AbortSignal'));
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

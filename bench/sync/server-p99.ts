// `server-p99`: 50 devices pulling their deltas at once from the real server on loopback (autocannon, 50
// connections): `GET /api/v1/directory?cursor=<recent>` signed in as a worker, so each answer carries the last
// 100 changes of the 10k directory. Latencies are collected from every response.
import autocannon from 'autocannon';
import { directoryPageSchema } from '../../src/domain/directory.ts';
import { PROTOCOL_VERSION } from '../../src/domain/protocol-version.ts';
import { p99, summarize } from './stats.ts';

export async function measureServerP99(url: string, token: string, { seconds }: { seconds: number }) {
  const headers = {
    authorization: `Bearer ${token}`,
    'x-boussole-protocol': String(PROTOCOL_VERSION),
    'accept-encoding': 'gzip',
  };
  // A cursor from the future comes back as the server's last seq.
  const head = await fetch(`${url}/api/v1/directory?cursor=1000000000&limit=1`, { headers });
  const last = directoryPageSchema.parse(await head.json()).cursor;
  const cursor = Math.max(0, last - 100);
  const target = `${url}/api/v1/directory?cursor=${cursor}&limit=500`;
  const check = directoryPageSchema.parse(await (await fetch(target, { headers })).json());

  const times: number[] = [];
  const run = autocannon({ url: target, connections: 50, duration: seconds, headers });
  run.on('response', (_client, status, _bytes, ms) => {
    if (status === 200) times.push(ms);
  });
  const result = await run;
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`server-p99: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  }
  return {
    n: check.entries.length,
    ...summarize(times),
    p99_ms: p99(times),
    connections: 50,
    requests_per_s: Math.round(result.requests.average),
  };
}

// No gap in the feed. The feed holds one row per record version, tombstone and conflict, each at its seq (a row
// moves to a new seq when it changes). A GAP is a row a device skipped: its seq is at or below the device's cursor
// in the device's epoch, yet it was in no page the device applied since it last started over from 0. Two things
// together rule it out, and each is checked on its own:
// 1. the server: every page it reads holds exactly the feed's rows after the cursor asked (the server's last seq
//    when the cursor is ahead of it), in seq order, up to the limit; its cursor is the last of them (the cursor
//    asked when there is none), never above its last seq, and `hasMore` says whether rows remain — checked against
//    the feed's seqs read beside each page (SyncServer `pages`);
// 2. each device: every page it applied was asked at the cursor it held, or at 0 when it started over, in the
//    epoch it held — resuming a cut download neither skips nor repeats (SimDevice `pages`).
import { expect } from 'vitest';
import type { ServerUnderTest } from '../harness/sync-server.ts';
import type { Actor } from './fuzz-ops.ts';

export function checkServedPages(server: ServerUnderTest): void {
  for (const page of server.pages) {
    const from = Math.min(page.asked, page.lastSeq);
    const after = page.seqs.filter((seq) => seq > from);
    const read = after.slice(0, page.limit);
    const expected = { cursor: read.at(-1) ?? from, hasMore: after.length > page.limit };
    const what = `page after ${page.asked} (limit ${page.limit}, last seq ${page.lastSeq}, feed seqs ${after.join(' ')})`;
    expect({ cursor: page.cursor, hasMore: page.hasMore }, `${what}: a gap or an overlap`).toEqual(expected);
    expect(page.cursor, `${what}: cursor above the last seq`).toBeLessThanOrEqual(page.lastSeq);
  }
}

export function checkDownloads(actor: Actor): void {
  // A device signed in once as one account (the fuzz signs in again as the same one) never empties its copy
  // except through a page that starts over.
  let held: { epoch: string | null; cursor: number } = { epoch: null, cursor: 0 };
  actor.device.pages.forEach((page, n) => {
    const what = `${actor.name}: page ${n + 1} asked after ${page.asked}`;
    expect(page.from, `${what}, applied as following ${page.from}`).toBe(page.asked);
    if (page.reset) expect(page.asked, `${what}: starting over, not from 0`).toBe(0);
    else {
      expect(page.asked, `${what}: the device held ${held.cursor}`).toBe(held.cursor);
      if (held.epoch !== null)
        expect(page.epoch, `${what}: another epoch, applied without starting over`).toBe(held.epoch);
    }
    held = { epoch: page.epoch, cursor: page.cursor };
  });
}

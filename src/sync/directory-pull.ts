// Downloads the directory feed page by page into the device's store. Pure control flow: transport, store and
// clock are passed in. A page is applied with its cursor atomically (see src/db/directory-repo.ts), so a download
// cut by the network resumes from the last applied page. A different epoch (the server's database was replaced)
// or a cursor the server no longer knows restarts from zero and replaces the local copy.
import type { FeedEntry } from '../domain/directory.ts';
import type { ReceivedPage, SyncTransport } from './transport.ts';

/** Entries per page: fewer round trips and IndexedDB transactions on a first download, progress still shown. */
export const DEFAULT_PAGE_SIZE = 2000;

export interface DirectoryStoreOnDevice {
  readState(): Promise<{ epoch: string | null; cursor: number }>;
  applyPage(
    /** `body`: the page's JSON as received, when the transport kept it. */
    page: { epoch: string; cursor: number; total: number; entries: readonly FeedEntry[]; body?: ArrayBuffer },
    /** `from`: the cursor the page was asked at (the store refuses a page that no longer follows its copy). */
    options: { reset: boolean; completedAt: string | null; from: number },
  ): Promise<void>;
}

export interface PullProgress {
  received: number;
  total: number;
}

export interface PullResult {
  pages: number;
  received: number;
  restarted: boolean;
}

export async function pullDirectory(options: {
  transport: Pick<SyncTransport, 'getDirectoryPage'>;
  store: DirectoryStoreOnDevice;
  now: () => Date;
  pageSize?: number;
  onProgress?: (progress: PullProgress) => void;
}): Promise<PullResult> {
  const { transport, store, now, pageSize = DEFAULT_PAGE_SIZE, onProgress } = options;
  const state = await store.readState();
  let cursor = state.cursor;
  let reset = false;
  let restarted = false;
  let pages = 0;
  let received = 0;
  // The next page is asked for while this one is written: the server and the network work while IndexedDB does.
  let prefetched: Promise<ReceivedPage> | null = null;
  // And a page is handed to the store without waiting for the previous one to be committed: the store prepares
  // its writes meanwhile, and commits in order (a page that no longer follows the copy is refused whole).
  const writing: Array<{ done: Promise<void>; received: number; total: number }> = [];
  /** Waits until at most `left` pages are being written, reporting progress for each one committed. */
  const committed = async (left = 0) => {
    while (writing.length > left) {
      const oldest = writing.shift() as (typeof writing)[number];
      await oldest.done;
      onProgress?.({ received: oldest.received, total: oldest.total });
    }
  };
  try {
    return await download();
  } catch (error) {
    // Pages still being written finish (or fail) before the download says it stopped.
    await Promise.allSettled(writing.map((w) => w.done));
    throw error;
  }

  async function download(): Promise<PullResult> {
    for (;;) {
      let page = await (prefetched ?? transport.getDirectoryPage(cursor, pageSize));
      prefetched = null;
      const staleCopy = state.epoch !== null && page.epoch !== state.epoch && !restarted;
      if ((staleCopy || page.cursor < cursor) && !restarted) {
        await committed();
        restarted = true;
        reset = true;
        cursor = 0;
        page = await transport.getDirectoryPage(0, pageSize);
      }
      if (page.hasMore) {
        if (page.cursor <= cursor) throw new Error('Le serveur ne fait pas avancer le curseur');
        prefetched = transport.getDirectoryPage(page.cursor, pageSize);
        prefetched.catch(() => {}); // a failure surfaces when it is awaited, after this page is safely applied
      }
      pages++;
      received += page.entries.length;
      const done = store.applyPage(page, {
        reset,
        completedAt: page.hasMore ? null : now().toISOString(),
        from: cursor,
      });
      done.catch(() => {}); // surfaces when awaited, after the previous page's outcome
      writing.push({ done, received, total: page.total });
      await committed(1);
      reset = false;
      if (!page.hasMore) {
        await committed();
        return { pages, received, restarted };
      }
      cursor = page.cursor;
    }
  }
}

/** The download as the sync controller runs it: one device store, one transport. */
export function directoryPuller(options: {
  transport: Pick<SyncTransport, 'getDirectoryPage'>;
  store: DirectoryStoreOnDevice;
  now: () => Date;
}) {
  return (onProgress: (progress: PullProgress) => void) => pullDirectory({ ...options, onProgress });
}

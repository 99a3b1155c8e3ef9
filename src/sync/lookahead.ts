// Feed pages asked for before the download is: the worker starts a first visit's download from the network as it
// loads, while the page is still booting, and the download takes those pages when it asks for them. Nothing is
// written before it asks (the sync controller decides when, one tab at a time); pages are only held in memory, a
// few at most, and a page continues the feed from its cursor whenever it is applied (the store checks it then).
import type { ReceivedPage, SyncTransport } from './transport.ts';

export interface Lookahead {
  /** A page asked ahead for this cursor and size is taken (once); any other is asked now. */
  getDirectoryPage(cursor: number, limit: number): Promise<ReceivedPage>;
  /** Forgets the pages asked ahead (the download is another reader's, or they were taken). */
  stop(): void;
}

export function lookahead(
  transport: Pick<SyncTransport, 'getDirectoryPage'>,
  { from, pageSize, pages }: { from: number; pageSize: number; pages: number },
): Lookahead {
  const held = new Map<number, Promise<ReceivedPage>>();
  let asked = 0;
  let stopped = false;
  const ask = (cursor: number) => {
    asked++;
    const page = transport.getDirectoryPage(cursor, pageSize);
    page.catch(() => {}); // a failure surfaces if the download takes this page
    held.set(cursor, page);
    page.then(
      (received) => {
        if (!stopped && received.hasMore && asked < pages) ask(received.cursor);
      },
      () => {},
    );
  };
  ask(from);
  return {
    getDirectoryPage(cursor, limit) {
      const page = limit === pageSize ? held.get(cursor) : undefined;
      if (!page) return transport.getDirectoryPage(cursor, limit);
      held.delete(cursor);
      return page;
    },
    stop() {
      stopped = true;
      held.clear();
    },
  };
}

// The worker that downloads the directory (see src/sync/worker-pull.ts): its own connection to the device's
// database and its own transport, the same code the page would run. One download at a time: the page's sync
// controller never asks for a second before the first has answered.
import { BoussoleDatabase } from '../db/database.ts';
import { applyDirectoryPage, readSyncState } from '../db/directory-repo.ts';
import { pullDirectory } from '../sync/directory-pull.ts';
import { httpTransport } from '../sync/transport.ts';
import { describeFailure, type PullReply, type PullRequest } from '../sync/worker-pull.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<PullRequest>) => void) | null;
  postMessage(reply: PullReply): void;
};
const db = new BoussoleDatabase();

scope.onmessage = async ({ data: { id, token } }) => {
  try {
    const result = await pullDirectory({
      transport: httpTransport({ getToken: () => token }),
      store: {
        readState: () => readSyncState(db),
        applyPage: (page, options) => applyDirectoryPage(db, page, options),
      },
      now: () => new Date(),
      onProgress: (progress) => scope.postMessage({ id, type: 'progress', progress }),
    });
    scope.postMessage({ id, type: 'done', result });
  } catch (error) {
    scope.postMessage({ id, type: 'failed', error: describeFailure(error) });
  }
};

// Who is signed in on this device, and the sign-in / sign-out actions. The token lives in the device database
// (src/db/session-repo.ts); this model only mirrors the account for the screens.
import { computed, signal } from '@preact/signals';
import type { BoussoleDatabase } from '../../db/database.ts';
import {
  dismissRevokedNotice,
  eraseRevokedDevice,
  readSession,
  type Session,
  saveSession,
  signOutDevice,
} from '../../db/session-repo.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import type { HttpTransport } from '../../sync/transport.ts';

/** `transport` comes with the sync's chunk (src/ui/sync/sync-wiring.ts), loaded after the first paint. */
export function createSessionModel(db: BoussoleDatabase, transport: Promise<HttpTransport>, initial: Session | null) {
  const account = signal<Account | null>(initial?.account ?? null);
  /** When the coordination revoked this device and its personal data was erased (shown until dismissed). */
  const revoked = signal<string | null>(null);
  let token: string | null = initial?.token ?? null;

  return {
    account,
    revoked,
    /** The server said this device is revoked: erase its personal data now, then say so. */
    async deviceRevoked(at: Date): Promise<void> {
      await eraseRevokedDevice(db, at.toISOString());
      token = null;
      account.value = null;
      revoked.value = at.toISOString();
    },
    async dismissRevoked(): Promise<void> {
      await dismissRevokedNotice(db);
      revoked.value = null;
    },
    signedIn: computed(() => account.value !== null),
    token: () => token,
    /** Exchanges an invitation code for this device's token; the caller then syncs. */
    async signIn(code: string, appareil: string): Promise<void> {
      const response = await (await transport).signIn(code.trim().toUpperCase(), appareil);
      await saveSession(db, { token: response.token, clientId: response.clientId, account: response.account });
      token = response.token;
      account.value = response.account;
    },
    demoCodes: () => transport.then((t) => t.demoCodes()),
    /** Revokes the token on the server when online, then erases the account's data from the device. */
    async signOut(): Promise<void> {
      await (await transport).signOut();
      await signOutDevice(db);
      token = null;
      account.value = null;
    },
    /** The server refused the token: forget it (pending changes stay for the next sign-in). */
    async tokenRefused(): Promise<void> {
      token = null;
      account.value = null;
    },
    async clientId(): Promise<string | null> {
      return token ? ((await readSession(db))?.clientId ?? null) : null;
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;

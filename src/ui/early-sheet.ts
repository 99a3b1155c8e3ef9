// A partner sheet opened from its link before the device holds the partner (a link shared with someone who never
// used Boussole: no account, nothing on the device) shows the server's copy. Asked for as the entry starts, with the
// app's scripts, instead of once they have run and the database is open; and the directory's download waits for the
// sheet's first paint instead of sharing the connection and the cores with it. src/main.tsx imports this module
// first, with early-worker.ts.

import type { StructureSummary } from '../db/directory-repo.ts';

/** A partner sheet's address (its editors' are longer). */
export const SHEET_PATH = /^\/partenaires\/([^/]+)\/?$/;

/** The partner whose sheet the page was opened on, if it was. */
export function sheetOpened(path: string): string | null {
  const id = SHEET_PATH.exec(path)?.[1];
  if (id === undefined) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

const openedOn = typeof location === 'undefined' ? null : sheetOpened(location.pathname);
// Without a token: a signed-in device holds its partners, and asks with its token when it does not.
let early: { id: string; response: Promise<Response | null> } | null =
  openedOn !== null && navigator.onLine
    ? { id: openedOn, response: fetch(`/api/v1/structures/${encodeURIComponent(openedOn)}`).catch(() => null) }
    : null;

/** The server's answer for `id` asked for at the start, once; null when it was not asked for (or was taken). */
function takeEarlySheet(id: string): Promise<Response | null> | null {
  if (early?.id !== id) return null;
  const { response } = early;
  early = null;
  return response;
}

/**
 * Server copies of partners asked for by this page, by token and id: the sheet asks again whenever the device's
 * state moves (its pending edits read, a sync's page), and keeps what it was first given rather than waiting for a
 * new answer. The device's copy replaces it once the download brings the partner; a copy not found is asked again.
 */
const serverCopies = new Map<string, Promise<StructureSummary | undefined>>();

/**
 * A partner and its services from the server, as the account of `token` may see them (boot.ts `structureFromServer`).
 * Undefined when the server cannot be reached or does not have it.
 */
export function serverCopy(id: string, token: string | null): Promise<StructureSummary | undefined> {
  const key = `${token ?? ''} ${id}`;
  let copy = serverCopies.get(key);
  if (!copy) {
    copy = askServer(id, token);
    serverCopies.set(key, copy);
    void copy.then((found) => found ?? serverCopies.delete(key));
  }
  return copy;
}

async function askServer(id: string, token: string | null): Promise<StructureSummary | undefined> {
  const [{ structureSummaryFrom }, response] = await Promise.all([
    import('../db/directory-repo.ts'),
    (token ? null : takeEarlySheet(id)) ??
      fetch(`/api/v1/structures/${encodeURIComponent(id)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }).catch(() => null),
  ]);
  if (!response?.ok) return undefined;
  return structureSummaryFrom(await response.json().catch(() => null), id);
}

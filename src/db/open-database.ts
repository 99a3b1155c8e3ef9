// The device's database as the page and the download worker open it: each holds its own connection, opened at
// once; what reads and writes it are the repositories of src/db.
import { BoussoleDatabase } from './database.ts';

/** The device's database, opening: `opened` settles once it is open, or rejects when it cannot be. */
export function openDatabase(): { db: BoussoleDatabase; opened: Promise<unknown> } {
  const db = new BoussoleDatabase();
  return { db, opened: db.open() };
}

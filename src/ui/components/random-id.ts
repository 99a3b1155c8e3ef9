// Ids the device gives what it creates (records, notes, campaigns), so that an edit made offline keeps its id
// when it is sent, and two devices never pick the same one: random hex from the platform's UUID generator.

/** `length` random hexadecimal characters (at most 32). Record ids take 20; campaigns and actions keep their 16. */
export function randomId(length = 20): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, length);
}

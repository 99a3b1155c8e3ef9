// The snapshot made in steps, as the page makes it so that typing and painting go on meanwhile, is the snapshot made
// in one go, and lets the page have its turn while the directory's services are joined.
import { expect, test } from 'vitest';
import { generateDirectory } from '../demo/generate-directory.ts';
import { prepareDirectory, prepareDirectoryInSteps } from './snapshot.ts';

test('a snapshot made in steps equals the one made at once, with a pause between every few hundred services', async () => {
  const directory = generateDirectory({ services: 1200 });
  let pauses = 0;
  const stepped = await prepareDirectoryInSteps(directory.structures, directory.services, async () => {
    pauses++;
  });
  expect(stepped).toEqual(prepareDirectory(directory.structures, directory.services));
  expect(stepped.entries.length).toBeGreaterThanOrEqual(1200);
  // Sorting, then each 500 services joined: three pauses at least before the arrays are filled.
  expect(pauses).toBeGreaterThanOrEqual(3);
});

test('made in steps, the snapshot still leaves out proposed structures when asked to', async () => {
  const directory = generateDirectory({ services: 300 });
  const options = { publishedOnly: true };
  const stepped = await prepareDirectoryInSteps(directory.structures, directory.services, async () => {}, options);
  expect(stepped).toEqual(prepareDirectory(directory.structures, directory.services, options));
});

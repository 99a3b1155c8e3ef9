import { describe, expect, it } from 'vitest';
import { aFeed } from '../../tests/fixtures/records.ts';
import { ScriptedServer } from '../../tests/fixtures/scripted-transport.ts';
import { lookahead } from './lookahead.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('feed pages asked ahead of the download', () => {
  it('asks a few pages in a row from the cursor, and hands each one once to the download', async () => {
    const server = new ScriptedServer(aFeed(25));
    const ahead = lookahead(server, { from: 0, pageSize: 10, pages: 2 });
    for (let i = 0; i < 5; i++) await settle();
    expect(server.calls).toEqual([
      { cursor: 0, limit: 10 },
      { cursor: 10, limit: 10 },
    ]);
    expect((await ahead.getDirectoryPage(0, 10)).cursor).toBe(10);
    expect((await ahead.getDirectoryPage(10, 10)).cursor).toBe(20);
    expect((await ahead.getDirectoryPage(20, 10)).cursor).toBe(30);
    await ahead.getDirectoryPage(0, 10);
    expect(server.calls.map((c) => c.cursor)).toEqual([0, 10, 20, 0]);
  });

  it('a page of another size, or asked after stop, is asked again', async () => {
    const server = new ScriptedServer(aFeed(25));
    const ahead = lookahead(server, { from: 0, pageSize: 10, pages: 1 });
    await ahead.getDirectoryPage(0, 5);
    ahead.stop();
    await ahead.getDirectoryPage(0, 10);
    expect(server.calls).toEqual([
      { cursor: 0, limit: 10 },
      { cursor: 0, limit: 5 },
      { cursor: 0, limit: 10 },
    ]);
  });
});

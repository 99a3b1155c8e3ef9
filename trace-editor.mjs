import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
const context = await chromium.launchPersistentContext('/tmp/prof-editor-profile', { executablePath: '/usr/bin/chromium', viewport: { width: 390, height: 844 } });
const page = await context.newPage();
for (const p of context.pages()) if (p !== page) await p.close();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const browser = context.browser();
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink', transferMode: 'ReturnAsStream' });
await page.goto('http://localhost:8099/partenaires/boussole-demo--s0001/services/boussole-demo--s0001-1/modifier');
await page.locator('#service-editor-title').waitFor();
await page.waitForTimeout(2500);
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end');
const { stream } = await done;
let data = '';
for (;;) { const c = await cdp.send('IO.read', { handle: stream }); data += c.data; if (c.eof) break; }
await context.close();
const events = JSON.parse(data).traceEvents ?? JSON.parse(data);
const threads = new Map();
for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
const main = events.filter((e) => threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
const tasks = main.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur > 40000);
const t0 = Math.min(...main.filter((e) => e.ts).map((e) => e.ts));
for (const t of tasks) {
  const inner = main.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && (e.dur ?? 0) > 8000)
    .map((e) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.split('/').pop().slice(0, 28) + ')' : ''}${e.args?.data?.functionName ? '[' + e.args.data.functionName + ']' : ''}${e.args?.fileName ? '{' + String(e.args.fileName).split('/').pop().slice(0,28) + '}' : ''}:${(e.dur / 1000).toFixed(0)}`).slice(0, 10);
  console.log(((t.ts - t0) / 1000).toFixed(0), (t.dur / 1000).toFixed(0), inner.join(' '));
}

/**
 * Where the record cache lives (issue 13): reading one 2,000-row listing's
 * entries from the extension origin's IndexedDB against storage.local (which
 * content scripts can write, so its entries would need a MAC the background
 * checks on every read). Measured in an extension page of the built extension
 * in Chromium, with entries of a real record's size.
 *
 *   npx tsx bench/cache-store.ts [--runs 5]
 */
import { readFileSync } from 'node:fs';
import { launchWithExtension } from '../test/e2e/browser';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const text = readFileSync(new URL('../test/fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8');

const browser = await launchWithExtension();
try {
  const page = await browser.context.newPage();
  // tsx keeps function names with a helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const result = await page.evaluate(
    async ({ text, runs }) => {
      const N = 2000;
      const entry = (i: number) => ({
        v: 2,
        kind: 'record',
        fetchedAt: i,
        host: 'pith.science',
        text,
        stamp: 's',
        report: { state: 'verified', checks: [] },
        bind: { dois: [] },
      });
      const keys = Array.from({ length: N }, (_, i) => `pl:c:arxiv:2404.${String(i).padStart(5, '0')}`);
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('bench-cache', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise((ok, fail) => {
        const tx = db.transaction('kv', 'readwrite');
        keys.forEach((k, i) => tx.objectStore('kv').put(entry(i), k));
        tx.oncomplete = ok;
        tx.onerror = fail;
      });
      await chrome.storage.local.set(Object.fromEntries(keys.map((k, i) => [k, entry(i)])));
      const idbRead = () =>
        new Promise<number>((ok, fail) => {
          const t0 = performance.now();
          const tx = db.transaction('kv', 'readonly');
          let got = 0;
          for (const k of keys) tx.objectStore('kv').get(k).onsuccess = (e) => (e.target as IDBRequest).result && got++;
          tx.oncomplete = () => (got === N ? ok(performance.now() - t0) : fail(new Error(`read ${got}`)));
          tx.onerror = fail;
        });
      const localRead = async () => {
        const t0 = performance.now();
        const got = await chrome.storage.local.get(keys);
        if (Object.keys(got).length !== N) throw new Error('short read');
        return performance.now() - t0;
      };
      const idb: number[] = [];
      const local: number[] = [];
      for (let r = 0; r < runs; r++) {
        idb.push(await idbRead());
        local.push(await localRead());
      }
      await chrome.storage.local.remove(keys);
      db.close();
      indexedDB.deleteDatabase('bench-cache');
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      return { entryChars: JSON.stringify(entry(0)).length, idb: median(idb), local: median(local), idbAll: idb, localAll: local };
    },
    { text, runs },
  );
  const f = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`cache read of 2,000 entries (${result.entryChars} chars each), median of ${runs}:`);
  console.log(`  IndexedDB (extension origin): ${f(result.idb)}   [${result.idbAll.map(f).join(', ')}]`);
  console.log(`  storage.local:                ${f(result.local)}   [${result.localAll.map(f).join(', ')}]`);
} finally {
  await browser.close();
}

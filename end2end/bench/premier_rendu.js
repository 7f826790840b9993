// Benchmark (not a test): time to first render of the SPA on loopback, and the size of what it loads.
// Usage: PASSERELLE_URL=http://127.0.0.1:PORT node bench/premier_rendu.js [runs]
// Each run uses a fresh browser context (cold cache). Prints the median and the extremes.
import { lancerNavigateur } from '../tests/fixtures/navigateur.js';

const url = process.env.PASSERELLE_URL;
if (!url) throw new Error('PASSERELLE_URL is not set');
const runs = Number(process.argv[2] ?? 7);
const navigateur = await lancerNavigateur();
const mesures = [];
let octets = 0;
for (let i = 0; i < runs; i += 1) {
  const contexte = await navigateur.newContext();
  const page = await contexte.newPage();
  let transfert = 0;
  page.on('response', async (r) => {
    const taille = Number(r.headers()['content-length'] ?? 0);
    transfert += taille;
  });
  const debut = Date.now();
  await page.goto(`${url}/connexion`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const total = Date.now() - debut;
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  mesures.push({ total, fcp });
  octets = transfert;
  await contexte.close();
}
await navigateur.close();
const tri = (xs) => [...xs].sort((a, b) => a - b);
const mediane = (xs) => tri(xs)[Math.floor(xs.length / 2)];
const totaux = mesures.map((m) => m.total);
const fcps = mesures.map((m) => m.fcp).filter((x) => x !== null);
console.log(`runs: ${runs}`);
console.log(`time to the sign-in heading (navigation → h1 visible): median ${mediane(totaux)} ms, min ${Math.min(...totaux)} ms, max ${Math.max(...totaux)} ms`);
if (fcps.length) console.log(`first contentful paint: median ${mediane(fcps).toFixed(0)} ms`);
console.log(`bytes announced by content-length on a cold load: ${octets}`);

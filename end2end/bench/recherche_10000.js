// Benchmark, not a test (no assertion on time; `node --test tests/` does not run it):
// Factures émises › Rechercher on a supplier with many invoices, timed in the page.
//
//   passerelle-server --addr 127.0.0.1:0 --db :memory: --dist <dist> --seed-factures 10000
//   PASSERELLE_URL=http://127.0.0.1:<port> node bench/recherche_10000.js [runs=5]
//
// Each figure is measured inside the page with performance.now(): from the user's action (click,
// change) to the first animation frame where the new results are in the DOM; « réseau » is
// the summed duration of the `rechercher/fournisseur` requests (Resource Timing: server + transfer;
// parallel calls overlap, so it can exceed the total), the
// rest is JSON decoding and rendering in WebAssembly. Prints mean / min / max per step.
// « tableau de bord » reads every invoice in one call; « Factures émises + retards » is the screen's
// opening: its search page and the Synthèse's late-invoice notice (a search of the invoices awaiting
// payment).
import { lancerNavigateur, ouvrirPage } from '../tests/fixtures/navigateur.js';
import { fr } from '../tests/fixtures/i18n.js';
import { connecterDemo } from '../tests/fixtures/session.js';

const RUNS = Number(process.argv[2] ?? 5);

/**
 * Runs `action` in the page, then waits (one check per animation frame) until `pret` holds;
 * returns { total, reseau } in ms.
 */
async function mesurer(page, action, pret, args) {
  return page.evaluate(async ({ action, pret, args }) => {
    const agir = new Function('args', action);
    const estPret = new Function('args', pret);
    performance.clearResourceTimings();
    const t0 = performance.now();
    agir(args);
    await new Promise((resolve, reject) => {
      const limite = t0 + 60000;
      const verifier = () => {
        if (estPret(args)) resolve();
        else if (performance.now() > limite) reject(new Error('timeout'));
        else requestAnimationFrame(verifier);
      };
      requestAnimationFrame(verifier);
    });
    const total = performance.now() - t0;
    const appels = performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/rechercher/fournisseur'));
    const reseau = appels.reduce((s, e) => s + (e.responseEnd - e.startTime), 0);
    return { total, reseau, lignes: document.querySelectorAll('#recherche-titre ~ table tbody tr').length };
  }, { action: action.toString().replace(/^[^{]*\{|\}$/g, ''), pret: pret.toString().replace(/^[^{]*\{|\}$/g, ''), args });
}

// In-page snippets (function bodies, run with `args`).
const RESULTATS_PRETS = function () {
  const region = document.querySelector('section[aria-labelledby="recherche-titre"]');
  return region && !region.textContent.includes(args.chargement) && region.querySelector('tbody tr')
    && (!args.premiere || region.querySelector('tbody th')?.textContent !== args.premiere)
    && (!args.lignes || region.querySelectorAll('tbody tr').length === args.lignes);
};
const CHERCHER = function () {
  [...document.querySelectorAll('section[aria-labelledby="recherche-titre"] button[type="submit"]')][0].click();
};
const SUIVANTE = function () {
  [...document.querySelectorAll('.pagination button')].find((b) => b.textContent.trim() === args.suivante).click();
};
const PAR_PAGE = function () {
  const select = document.querySelector('#par-page');
  select.value = String(args.taille);
  select.dispatchEvent(new Event('change', { bubbles: true }));
};
const TRI_MONTANT = function () {
  [...document.querySelectorAll('section[aria-labelledby="recherche-titre"] th button.tri')]
    .find((b) => b.textContent.trim() === args.colonne).click();
};
const TABLEAU_PRET = function () {
  return document.querySelector('#table-statuts tbody tr');
};
const FACTURES_PRETES = function () {
  const region = document.querySelector('section[aria-labelledby="recherche-titre"]');
  return document.querySelector('.alerte-retards') && region && region.querySelector('tbody tr')
    && !region.textContent.includes(args.chargement);
};
const OUVRIR_FACTURES = function () {
  [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === args.lien).click();
};
const OUVRIR_TABLEAU = function () {
  [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === args.lien).click();
};

function stats(valeurs) {
  const n = valeurs.length;
  const moyenne = valeurs.reduce((a, b) => a + b, 0) / n;
  return { moyenne, min: Math.min(...valeurs), max: Math.max(...valeurs) };
}

const navigateur = await lancerNavigateur();
try {
  const { page } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  await page.getByRole('navigation', { name: fr.shell.navigation_principale })
    .getByRole('link', { name: fr.shell.factures_emises }).click();
  const total = page.locator('.resultats-total');
  await total.waitFor();
  const nFactures = (await total.innerText()).trim();
  const premiere = () => page.locator('section[aria-labelledby="recherche-titre"] tbody th').first().innerText();

  const mesures = { 'page 1 (10 par page)': [], 'page suivante': [], '100 par page': [], 'tri par montant': [], 'tableau de bord (toutes)': [], 'Factures émises + retards': [] };
  const reseaux = Object.fromEntries(Object.keys(mesures).map((k) => [k, []]));
  const noter = (cle, m) => { mesures[cle].push(m.total); reseaux[cle].push(m.reseau); };
  const base = { chargement: fr.suivi.chargement };
  for (let run = 0; run < RUNS; run += 1) {
    noter('page 1 (10 par page)', await mesurer(page, CHERCHER, RESULTATS_PRETS, { ...base, lignes: 10 }));
    noter('page suivante', await mesurer(page, SUIVANTE, RESULTATS_PRETS, { ...base, suivante: fr.suivi.suivante, premiere: await premiere() }));
    noter('100 par page', await mesurer(page, PAR_PAGE, RESULTATS_PRETS, { ...base, taille: 100, lignes: 100 }));
    noter('tri par montant', await mesurer(page, TRI_MONTANT, RESULTATS_PRETS, { ...base, colonne: fr.suivi.col_montant_ttc, premiere: await premiere(), lignes: 100 }));
    // Back to 10 per page for the next run (not timed).
    await mesurer(page, PAR_PAGE, RESULTATS_PRETS, { ...base, taille: 10, lignes: 10 });
    noter('tableau de bord (toutes)', await mesurer(page, OUVRIR_TABLEAU, TABLEAU_PRET, { lien: fr.tableau.lien }));
    noter('Factures émises + retards', await mesurer(page, OUVRIR_FACTURES, FACTURES_PRETES, { ...base, lien: fr.shell.factures_emises }));
  }

  console.log(`\nRechercher — ${nFactures} — ${RUNS} runs, Chromium headless, temps dans la page (ms)\n`);
  console.log('| étape                     | moyenne | min    | max    | réseau, somme des appels (moy.) |');
  console.log('|---------------------------|--------:|-------:|-------:|--------------------------------:|');
  for (const [cle, valeurs] of Object.entries(mesures)) {
    const s = stats(valeurs);
    const r = stats(reseaux[cle]);
    const f = (x) => x.toFixed(0).padStart(6);
    console.log(`| ${cle.padEnd(25)} | ${f(s.moyenne)}  | ${f(s.min)} | ${f(s.max)} | ${f(r.moyenne)}                          |`);
  }
} finally {
  await navigateur.close();
}

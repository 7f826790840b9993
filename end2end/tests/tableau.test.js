// Tableau de bord: after a few invoices are sent and played by the recipient (one paid, one sent
// back, one left with the recipient), the dashboard's numbers are those of `rechercher/fournisseur`
// (computed here from the API, whatever other tests left on the server), the three charts are
// images with a label, each has its data table, and the page follows the language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr, en } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { soumettreFacture, avancerHorloge, traiterFacture } from './fixtures/chorus.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each. */
async function violations(page) {
  await page.evaluate(AXE);
  const resultats = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return resultats.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

/** Every invoice of the signed-in user, as the dashboard asks for them. */
async function toutesLesFactures(page) {
  const reponse = await page.request.post(`${BASE_URL}/cpro/factures/v1/rechercher/fournisseur`, {
    data: { rechercheFactureParFournisseur: { pageResultatDemandee: 1, nbResultatsParPage: 10000 } },
  });
  assert.equal(reponse.status(), 200);
  return (await reponse.json()).listeFactures ?? [];
}

const centimes = (montant) => Math.round(Number(montant ?? 0) * 100);

/** An amount as the French screen writes it: `1 234,56 €` (narrow no-break space between thousands). */
function montantFr(c) {
  const signe = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  const entier = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${signe}${entier},${String(abs % 100).padStart(2, '0')} €`;
}

/** Count and cents per key. */
function regrouper(factures, cle) {
  const groupes = new Map();
  for (const f of factures) {
    const k = cle(f);
    if (k === undefined) continue;
    const g = groupes.get(k) ?? { nombre: 0, centimes: 0 };
    g.nombre += 1;
    g.centimes += centimes(f.montantTTC);
    groupes.set(k, g);
  }
  return groupes;
}

/** The rows of a table body as arrays of cell texts. */
async function lignes(table) {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

test('le tableau de bord compte les factures comme le serveur et dessine ses graphiques', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  // Numbers unique per run (20 characters at most), so that the test can be run again on the same server.
  const suffixe = Date.now().toString(36).toUpperCase();
  const payee = await soumettreFacture(page, `TDB-PAYE-${suffixe}`);
  const renvoyee = await soumettreFacture(page, `TDB-RECY-${suffixe}`);
  await soumettreFacture(page, `TDB-ATTE-${suffixe}`);
  // Routing is due after 10 minutes: everything deposited so far reaches the recipient now, so
  // nothing moves on its own while the page and the test read the invoices.
  await avancerHorloge(page, { minutes: 15 });
  await traiterFacture(page, payee, 'MISE_EN_PAIEMENT');
  await traiterFacture(page, renvoyee, 'A_RECYCLER', 'Code service erroné');

  // From Factures émises, next to the deposit button.
  await page.getByRole('navigation', { name: fr.shell.navigation_principale })
    .getByRole('link', { name: fr.shell.factures_emises }).click();
  await page.getByRole('link', { name: fr.tableau.lien, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: fr.tableau.titre }).waitFor();
  await page.locator('#table-statuts').waitFor();
  const factures = await toutesLesFactures(page);
  assert.ok(factures.length >= 3);

  // Tiles.
  assert.equal(await page.locator('[data-tuile="total"]').innerText(), String(factures.length));

  // By status: every status of the server's answer, with its count and sum.
  const parStatut = regrouper(factures, (f) => f.statut);
  const tableStatuts = page.locator('#table-statuts');
  assert.equal(await tableStatuts.locator('tbody tr').count(), parStatut.size);
  for (const [code, attendu] of parStatut) {
    const cellules = await tableStatuts.locator(`tr[data-statut="${code}"] td`).allInnerTexts();
    assert.equal(cellules[1], String(attendu.nombre), code);
    assert.equal(cellules[2], montantFr(attendu.centimes), code);
  }
  assert.ok(parStatut.get('MISE_EN_PAIEMENT')?.nombre >= 1);
  assert.ok(parStatut.get('A_RECYCLER')?.nombre >= 1);

  // The three charts are images whose label gives the numbers.
  const graphes = [
    ['graphe-familles', fr.tableau.familles_titre, fr.tableau.familles_aria],
    ['graphe-attente', fr.tableau.attente_titre, fr.tableau.attente_aria],
    ['graphe-mois', fr.tableau.mois_titre, fr.tableau.mois_aria],
  ];
  for (const [id, titre, aria] of graphes) {
    const carte = page.getByRole('region', { name: titre });
    const image = carte.getByRole('img');
    assert.equal(await image.count(), 1, id);
    assert.ok((await image.getAttribute('aria-label')).startsWith(aria), id);
    assert.ok(await carte.locator('svg rect').count() > 0, id);
  }

  // By stage: the data table opens with the keyboard and sums to every invoice.
  const familles = page.getByRole('region', { name: fr.tableau.familles_titre });
  await familles.getByText(fr.tableau.voir_donnees).focus();
  await page.keyboard.press('Enter');
  await familles.getByRole('table').waitFor();
  const lignesFamilles = await lignes(familles.getByRole('table'));
  assert.deepEqual(lignesFamilles.map((l) => l[0]), [
    fr.tableau.famille_acheminement, fr.tableau.famille_a_traiter, fr.tableau.famille_destinataire,
    fr.tableau.famille_payees, fr.tableau.famille_rejetees,
  ]);
  assert.equal(lignesFamilles.reduce((s, l) => s + Number(l[1]), 0), factures.length);
  const payees = lignesFamilles.find((l) => l[0] === fr.tableau.famille_payees);
  assert.equal(payees[1], String(parStatut.get('MISE_EN_PAIEMENT').nombre));
  assert.equal(payees[2], montantFr(parStatut.get('MISE_EN_PAIEMENT').centimes));
  const imageFamilles = await familles.getByRole('img').getAttribute('aria-label');
  assert.ok(imageFamilles.includes(`${fr.tableau.famille_payees} ${payees[1]}`), imageFamilles);

  // By month: the 12 months ending this month, each with the invoices deposited then.
  const mois = page.getByRole('region', { name: fr.tableau.mois_titre });
  await mois.getByText(fr.tableau.voir_donnees).click();
  const noms = fr.tableau.mois_courts.split('|');
  const aujourdhui = new Date();
  const attendusMois = [];
  for (let recul = 11; recul >= 0; recul -= 1) {
    const d = new Date(aujourdhui.getFullYear(), aujourdhui.getMonth() - recul, 1);
    const cle = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    const g = regrouper(factures, (f) => (f.dateDepot?.slice(0, 7) === cle ? cle : undefined)).get(cle)
      ?? { nombre: 0, centimes: 0 };
    attendusMois.push([`${noms[d.getMonth()]} ${d.getFullYear()}`, String(g.nombre), montantFr(g.centimes)]);
  }
  assert.deepEqual(await lignes(mois.getByRole('table')), attendusMois);

  // Awaiting payment: the tile and the chart's table agree.
  const attente = page.getByRole('region', { name: fr.tableau.attente_titre });
  await attente.getByText(fr.tableau.voir_donnees).click();
  const lignesAttente = await lignes(attente.getByRole('table'));
  const totalAttente = lignesAttente.reduce((s, l) => s + centimes(l[2].replace(/[\s\u202f€]/g, '').replace(',', '.')), 0);
  assert.equal(await page.locator('[data-tuile="attente"]').innerText(), montantFr(totalAttente));
  await capture(page, 'tableau-de-bord');
  assert.deepEqual(await violations(page), [], 'WCAG 2.1 AA, data tables open');

  // Late invoices (if any on this server) link to their page.
  const retards = page.locator('#table-retards');
  if (await retards.count()) {
    const lien = retards.getByRole('link').first();
    const numero = await lien.innerText();
    await lien.click();
    await page.getByRole('heading', { level: 1, name: `${fr.suivi.detail_titre} ${numero}` }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: fr.tableau.titre }).waitFor();
  }

  // Late invoices also stand out in the Synthèse of Factures émises, with a way back here.
  const nRetard = Number(await page.locator('[data-tuile="retard"]').innerText());
  if (nRetard > 0) {
    await page.getByRole('link', { name: fr.suivi.retour_liste }).click();
    const alerte = page.getByRole('region', { name: fr.suivi.synthese_titre }).locator('.alerte-retards');
    await alerte.waitFor();
    assert.ok((await alerte.innerText()).startsWith(`${nRetard} ${fr.tableau.synthese_retards}`));
    await capture(page, 'synthese-retards');
    await alerte.getByRole('link', { name: fr.tableau.synthese_voir_tout }).click();
    await page.getByRole('heading', { level: 1, name: fr.tableau.titre }).waitFor();
  }

  // The language switch translates the page, charts included.
  await page.getByRole('button', { name: fr.shell.changer_langue_aria }).click();
  await page.getByRole('heading', { level: 1, name: en.tableau.titre }).waitFor();
  const imageEn = page.getByRole('region', { name: en.tableau.familles_titre }).getByRole('img');
  assert.ok((await imageEn.getAttribute('aria-label')).startsWith(en.tableau.familles_aria));
  await capture(page, 'tableau-de-bord-en');
  assert.deepEqual(await violations(page), [], 'WCAG 2.1 AA, in English');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

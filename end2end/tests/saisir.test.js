// Saisir une facture: three lines with two VAT rates, totals computed as typed, a line deleted, the
// draft kept across a reload, then sent (SAISIE_API: Chorus Pro numbers it) and found on the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

async function remplirLigne(page, numero, valeurs) {
  for (const [colonne, valeur] of Object.entries(valeurs)) {
    await page.getByLabel(`${fr.saisir[colonne]} ${numero}`, { exact: true }).fill(valeur);
  }
}

test('une facture de trois lignes à deux taux de TVA est saisie, survit au rechargement et part', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  await page.getByRole('navigation', { name: fr.shell.navigation_principale })
    .getByRole('link', { name: fr.shell.factures_emises }).click();
  await page.getByRole('link', { name: fr.saisir.lien }).click();
  await page.getByRole('heading', { level: 1, name: fr.saisir.titre }).waitFor();

  // The only structure of the demo user is chosen, and its only valid account… of two: pick one.
  await page.waitForFunction(() => document.getElementById('saisie-structure')?.value !== '');
  await page.getByLabel(fr.saisir.compte_bancaire).selectOption({ index: 1 });
  await page.getByLabel(fr.saisir.siret_destinataire).fill('110 002 011 00044');
  await page.getByLabel(fr.saisir.code_service).fill('SGC-ACHATS');
  await page.getByLabel(fr.saisir.engagement).fill('1300123456');

  await remplirLigne(page, 1, { col_denomination: 'Maintenance', col_quantite: '2', col_prix: '450,00', col_taux: '20' });
  await page.getByRole('button', { name: fr.saisir.ajouter_ligne }).click();
  await remplirLigne(page, 2, { col_denomination: 'Pièces', col_quantite: '3', col_prix: '12,50', col_taux: '20' });
  await page.getByRole('button', { name: fr.saisir.ajouter_ligne }).click();
  await remplirLigne(page, 3, { col_denomination: 'Erreur', col_quantite: '1', col_prix: '1', col_taux: '20' });
  await page.getByRole('button', { name: fr.saisir.ajouter_ligne }).click();
  await remplirLigne(page, 4, { col_denomination: 'Livres', col_quantite: '4', col_prix: '25', col_taux: '5,5' });
  // The third line was a mistake.
  await page.getByRole('button', { name: `${fr.saisir.supprimer_ligne} 3` }).click();
  assert.equal(await page.getByLabel(`${fr.saisir.col_denomination} 3`, { exact: true }).inputValue(), 'Livres');

  const totaux = page.locator('.totaux');
  await page.waitForFunction(() => /1\s230,50/.test(document.querySelector('.totaux')?.textContent ?? ''));
  const texte = await totaux.innerText();
  assert.match(texte, /1\s037,50\s€/, 'total HT');
  assert.match(texte, /193,00\s€/, 'total TVA: 187,50 at 20 % + 5,50 at 5,5 %');
  const recap = page.getByRole('table', { name: fr.saisir.recap_tva });
  assert.equal(await recap.locator('tbody tr').count(), 2, 'two VAT rates');
  await page.getByText(fr.deposer.resume_bloquants).waitFor({ state: 'detached' }).catch(() => {});
  // A purchase order goes with the invoice as a typed attachment.
  const pieces = page.getByRole('group', { name: fr.deposer.pj_titre });
  await pieces.getByLabel(fr.deposer.pj_ajouter).setInputFiles({
    name: 'bon-de-commande.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await pieces.getByLabel(`${fr.deposer.pj_type} bon-de-commande.pdf`).selectOption('BON_COMMANDE');
  await capture(page, 'saisir-trois-lignes');

  // The draft survives a reload, attachment included (kept by its Chorus Pro id).
  await page.reload();
  await page.getByRole('heading', { level: 1, name: fr.saisir.titre }).waitFor();
  await page.waitForFunction(() => document.getElementById('saisie-ligne-2-denomination')?.value === 'Livres');
  assert.equal(await page.getByLabel(fr.saisir.code_service).inputValue(), 'SGC-ACHATS');
  assert.equal(await page.getByLabel(`${fr.deposer.pj_type} bon-de-commande.pdf`).inputValue(), 'BON_COMMANDE');

  const envoyer = page.getByRole('button', { name: fr.envoi.envoyer, exact: true });
  await page.waitForFunction(() => [...document.querySelectorAll('button')]
    .some((b) => b.getAttribute('aria-disabled') === 'false' && b.getAttribute('aria-describedby') === 'envoi-etat'));
  await envoyer.click();
  const dialogue = page.getByRole('dialog', { name: fr.envoi.confirmation_titre });
  assert.match(await dialogue.innerText(), /1\s230,50\s€/);
  await dialogue.getByRole('button', { name: fr.envoi.confirmer }).click();
  const recapitulatif = page.getByRole('region', { name: fr.envoi.recap_titre });
  await recapitulatif.waitFor();
  const identifiant = (await recapitulatif.innerText()).match(new RegExp(`${fr.envoi.identifiant_cpp}\\s+(\\d+)`))?.[1];
  assert.ok(identifiant, 'the Chorus Pro id is shown');
  await capture(page, 'saisir-envoyee');

  const reponse = await page.request.post(`${BASE_URL}/cpro/factures/v1/consulter/fournisseur`, {
    data: { identifiantFactureCPP: Number(identifiant) },
  });
  const facture = (await reponse.json()).facture;
  assert.equal(facture.modeDepot, 'SAISIE_API');
  assert.equal(Number(facture.montantTotal.montantAPayer), 1230.5);
  const jointes = JSON.stringify(facture.listeDesPiecesJointes);
  assert.match(jointes, /bon-de-commande\.pdf/, jointes);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

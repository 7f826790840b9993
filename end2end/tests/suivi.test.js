// Follow-up: the work list (Synthèse), an invoice sent back for recycling, corrected and paid on the
// sandbox clock; a suspended one completed; a rejected one acknowledged; a search with three criteria
// and its CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { soumettreFacture, avancerHorloge, traiterFacture } from './fixtures/chorus.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

async function ouvrirFacturesEmises(page) {
  await page.getByRole('navigation', { name: fr.shell.navigation_principale })
    .getByRole('link', { name: fr.shell.factures_emises }).click();
  await page.getByRole('heading', { level: 2, name: fr.suivi.synthese_titre }).waitFor();
}

function synthese(page) {
  return page.getByRole('region', { name: fr.suivi.synthese_titre });
}

test('une facture À recycler est corrigée depuis la synthèse, renvoyée, puis mise en paiement', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  const numero = 'E2E-SUIVI-RECYCLE';
  const id = await soumettreFacture(page, numero);
  await avancerHorloge(page, { minutes: 15 });
  await traiterFacture(page, id, 'A_RECYCLER', 'Code service erroné : utilisez SFACT-INFO');

  await ouvrirFacturesEmises(page);
  const ligne = synthese(page).getByRole('row', { name: new RegExp(numero) });
  await ligne.waitFor();
  assert.match(await ligne.innerText(), new RegExp(fr.suivi.action_recycler));
  await capture(page, 'suivi-synthese');
  await ligne.getByRole('link', { name: new RegExp(fr.suivi.action_recycler) }).click();

  await page.getByRole('heading', { level: 1, name: `${fr.suivi.detail_titre} ${numero}` }).waitFor();
  assert.ok(await page.getByText('Code service erroné').first().isVisible(), 'the reason is shown');
  const service = page.getByLabel(fr.suivi.code_service);
  assert.equal(await service.inputValue(), 'SGC-ACHATS');
  await service.fill('SFACT-INFO');
  await capture(page, 'suivi-recycler');
  await page.getByRole('button', { name: fr.suivi.recycler_bouton }).click();
  // Once recycled, nothing more is asked and the history shows the step.
  await page.getByRole('heading', { name: fr.suivi.recycler_titre }).waitFor({ state: 'detached' });
  const suivi = page.getByRole('region', { name: fr.suivi.suivi_traitement });
  assert.match(await suivi.innerText(), /À recycler/);

  // The recipient pays a few days later: the detail shows it, with the payment clock.
  await avancerHorloge(page, { minutes: 15 });
  await traiterFacture(page, id, 'MISE_EN_PAIEMENT');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: `${fr.suivi.detail_titre} ${numero}` }).waitFor();
  assert.match(await page.locator('.statut-courant').innerText(), /Mise en paiement/);
  const delai = page.getByRole('region', { name: fr.suivi.delai_titre });
  assert.match(await delai.innerText(), new RegExp(fr.suivi.date_limite));
  assert.match(await delai.innerText(), /30 jours/);
  assert.match(await delai.innerText(), new RegExp(fr.suivi.payee_a_temps));
  await capture(page, 'suivi-paye');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('une facture suspendue est complétée, une facture rejetée est prise en compte et quitte la synthèse', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  const suspendue = await soumettreFacture(page, 'E2E-SUIVI-SUSP');
  const rejetee = await soumettreFacture(page, 'E2E-SUIVI-REJET');
  await avancerHorloge(page, { minutes: 15 });
  await traiterFacture(page, suspendue, 'SUSPENDUE', 'Bon de livraison manquant');
  await traiterFacture(page, rejetee, 'REJETEE', 'Facture en double');

  await ouvrirFacturesEmises(page);
  await synthese(page).getByRole('link', { name: 'E2E-SUIVI-SUSP', exact: true }).click();
  await page.getByRole('heading', { name: fr.suivi.completer_titre }).waitFor();
  await page.getByLabel(fr.suivi.commentaire).fill('Bon de livraison n° 42 envoyé par courriel au service.');
  await page.getByRole('button', { name: fr.suivi.completer_bouton }).click();
  await page.getByRole('heading', { name: fr.suivi.completer_titre }).waitFor({ state: 'detached' });
  assert.match(await page.locator('.statut-courant').innerText(), /Complétée/);

  await ouvrirFacturesEmises(page);
  await synthese(page).getByRole('link', { name: 'E2E-SUIVI-REJET', exact: true }).click();
  await page.getByRole('heading', { name: fr.suivi.rejet_titre }).waitFor();
  assert.ok(await page.getByText('Facture en double').first().isVisible());
  await page.getByRole('button', { name: fr.suivi.rejet_bouton }).click();
  await page.getByRole('heading', { name: fr.suivi.rejet_titre }).waitFor({ state: 'detached' });
  // The rejected invoice is re-issued as a new typed invoice, pre-filled from it.
  await page.getByRole('button', { name: fr.suivi.reemettre }).click();
  await page.getByRole('heading', { level: 1, name: fr.saisir.titre }).waitFor();
  await page.waitForFunction(() => document.getElementById('saisie-code_service')?.value === 'SGC-ACHATS');
  assert.equal(await page.getByLabel(fr.saisir.commentaire).inputValue(), `${fr.suivi.remplace_la_facture} E2E-SUIVI-REJET`);
  await page.waitForFunction(() => /1\s200,00/.test(document.querySelector('.totaux')?.textContent ?? ''));
  await capture(page, 'suivi-reemission');
  await page.goBack();

  await ouvrirFacturesEmises(page);
  const liste = synthese(page);
  await liste.getByText(fr.suivi.chargement).waitFor({ state: 'detached' });
  assert.equal(await liste.getByRole('link', { name: 'E2E-SUIVI-REJET', exact: true }).count(), 0);
  assert.equal(await liste.getByRole('link', { name: 'E2E-SUIVI-SUSP', exact: true }).count(), 0);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('une recherche à trois critères trouve les bonnes factures, se trie et s’exporte en CSV', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur, { acceptDownloads: true });
  await connecterDemo(page, fr);
  const maintenant = await avancerHorloge(page);
  const [a, b] = [await soumettreFacture(page, 'E2E-RECH-A'), await soumettreFacture(page, 'E2E-RECH-B')];
  await soumettreFacture(page, 'E2E-RECH-C');
  await avancerHorloge(page, { minutes: 15 });
  await traiterFacture(page, a, 'A_RECYCLER', 'SIRET à vérifier');
  await traiterFacture(page, b, 'A_RECYCLER', 'SIRET à vérifier');

  await ouvrirFacturesEmises(page);
  const recherche = page.getByRole('region', { name: fr.suivi.recherche_titre });
  await recherche.getByLabel(fr.suivi.critere_statut).selectOption('A_RECYCLER');
  await recherche.getByLabel(fr.suivi.critere_destinataire).fill('110 002 011 00044');
  await recherche.getByLabel(fr.suivi.critere_depot_du).fill(maintenant.slice(0, 10));
  await recherche.getByRole('button', { name: fr.suivi.chercher, exact: true }).click();
  await recherche.getByRole('link', { name: 'E2E-RECH-A' }).waitFor();
  const lignes = recherche.locator('tbody tr');
  const textes = await lignes.allInnerTexts();
  assert.ok(textes.some((t) => t.includes('E2E-RECH-B')));
  assert.ok(!textes.some((t) => t.includes('E2E-RECH-C')), 'not sent back: not found');
  assert.ok(textes.every((t) => t.includes('À recycler')), textes.join('\n'));

  // Sorting by number, descending on the second click.
  const entete = recherche.getByRole('columnheader', { name: fr.suivi.col_numero });
  await entete.getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]'));
  await entete.getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]'));
  await recherche.getByRole('link', { name: 'E2E-RECH-A' }).waitFor();
  const ordre = await recherche.locator('tbody th').allInnerTexts();
  assert.ok(ordre.indexOf('E2E-RECH-B') < ordre.indexOf('E2E-RECH-A'), ordre.join(', '));
  await capture(page, 'suivi-recherche');

  const [telechargement] = await Promise.all([
    page.waitForEvent('download'),
    recherche.getByRole('button', { name: fr.suivi.exporter_csv }).click(),
  ]);
  assert.match(telechargement.suggestedFilename(), /^factures-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await telechargement.path(), 'utf8');
  const lignesCsv = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lignesCsv[0], /^Numéro de facture;/);
  assert.equal(lignesCsv.length - 1, textes.length, 'as many CSV rows as results');
  assert.ok(lignesCsv.some((l) => l.startsWith('E2E-RECH-A;') && l.includes(';1200,00;')));
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('des factures cochées dans les résultats se téléchargent ensemble ; les montants bornent la recherche', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur, { acceptDownloads: true });
  await connecterDemo(page, fr);
  const maintenant = await avancerHorloge(page);
  const suffixe = String(Date.now() % 1e6);
  const [numeroA, numeroB] = [`E2E-LOT-A${suffixe}`, `E2E-LOT-B${suffixe}`];
  await soumettreFacture(page, numeroA);
  await soumettreFacture(page, numeroB);

  await ouvrirFacturesEmises(page);
  const recherche = page.getByRole('region', { name: fr.suivi.recherche_titre });
  await recherche.getByLabel(fr.suivi.critere_depot_du).fill(maintenant.slice(0, 10));
  // An unreadable amount is said, on its field, and nothing is searched.
  await recherche.getByLabel(fr.suivi.critere_montant_min).fill('mille');
  await recherche.getByRole('button', { name: fr.suivi.chercher, exact: true }).click();
  await recherche.getByText(fr.suivi.montant_invalide).waitFor();
  assert.equal(await recherche.getByLabel(fr.suivi.critere_montant_min).getAttribute('aria-invalid'), 'true');
  // Above their 1 200,00 €: not found; from 1 199,99 € to 1 200,00 €: found.
  await recherche.getByLabel(fr.suivi.critere_montant_min).fill('1 200,01');
  await recherche.getByRole('button', { name: fr.suivi.chercher, exact: true }).click();
  await recherche.locator('.resultats-total').waitFor();
  assert.equal(await recherche.getByRole('link', { name: numeroA }).count(), 0);
  await recherche.getByLabel(fr.suivi.critere_montant_min).fill('1 199,99');
  await recherche.getByLabel(fr.suivi.critere_montant_max).fill('1 200,00');
  await recherche.getByRole('button', { name: fr.suivi.chercher, exact: true }).click();
  await recherche.getByRole('link', { name: numeroA }).waitFor();

  await recherche.getByRole('checkbox', { name: `${fr.suivi.selection_ligne} ${numeroA}` }).check();
  await recherche.getByRole('checkbox', { name: `${fr.suivi.selection_ligne} ${numeroB}` }).check();
  const bouton = recherche.getByRole('button', { name: `${fr.suivi.telecharger_selection} (2)` });
  await capture(page, 'suivi-selection');
  const [telechargement] = await Promise.all([page.waitForEvent('download'), bouton.click()]);
  assert.match(telechargement.suggestedFilename(), /^factures-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile(await telechargement.path());
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP file');
  const noms = zip.toString('latin1');
  assert.ok(noms.includes(numeroA) && noms.includes(numeroB), 'one folder per chosen invoice');
  await recherche.getByText(`2 ${fr.suivi.telechargement_fait}`).waitFor();
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('le délai de paiement suit le type d’acheteur : présumé d’après le destinataire, modifiable et retenu', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  await avancerHorloge(page);
  const numero = `E2E-CHU-${Date.now() % 1e7}`;
  // A university hospital: a public health establishment, 50 days.
  const id = await soumettreFacture(page, numero, { service: '', destinataire: '26310000100019' });
  await avancerHorloge(page, { minutes: 15 });
  await page.goto(`${BASE_URL}/factures-emises/facture/${id}`);
  const delai = page.getByRole('region', { name: fr.suivi.delai_titre });
  await delai.getByText(`50 ${fr.suivi.jours}`, { exact: true }).waitFor();
  const choix = delai.getByLabel(fr.suivi.type_acheteur);
  assert.match(await choix.locator('option:checked').innerText(), new RegExp(fr.suivi.acheteur_sante));
  // The user knows better: 30 days, remembered for this recipient.
  await choix.selectOption('ETAT');
  await delai.getByText(`30 ${fr.suivi.jours}`, { exact: true }).waitFor();
  await page.reload();
  await page.getByRole('region', { name: fr.suivi.delai_titre }).getByText(`30 ${fr.suivi.jours}`, { exact: true }).waitFor();
  await capture(page, 'facture-type-acheteur');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('une recherche État + type + cadre trouve les bonnes factures ; hors État, SIREN et code service aussi ; les critères se réinitialisent', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  const maintenant = await avancerHorloge(page);
  const suffixe = Date.now().toString(36).toUpperCase().slice(-6);
  const n = (nom) => `CR-${nom}-${suffixe}`;
  await soumettreFacture(page, n('EF1'));
  await soumettreFacture(page, n('EAV'), { typeFacture: 'AVOIR', service: 'SFACT-INFO' });
  await soumettreFacture(page, n('EF2'), { cadre: 'A2_FACTURE_FOURNISSEUR_DEJA_PAYEE' });
  await soumettreFacture(page, n('COM'), { service: '', destinataire: '21310000100014' });
  const miens = [n('EF1'), n('EAV'), n('EF2'), n('COM')];

  await ouvrirFacturesEmises(page);
  const recherche = page.getByRole('region', { name: fr.suivi.recherche_titre });
  const perimetre = recherche.getByRole('group', { name: fr.suivi.critere_perimetre });
  const chercher = () => recherche.getByRole('button', { name: fr.suivi.chercher, exact: true }).click();
  /** My invoices among the results (100 a page), and every row's recipient. */
  async function trouves() {
    await recherche.locator('.resultats-total').waitFor();
    if (await recherche.locator('#par-page').inputValue() !== '100') {
      await recherche.locator('#par-page').selectOption('100');
      await recherche.locator('.resultats-total').waitFor();
    }
    const lignes = await recherche.locator('tbody tr').allInnerTexts();
    return {
      miens: miens.filter((numero) => lignes.some((l) => l.includes(numero))),
      lignes,
    };
  }

  // État + Facture + A1: only the invoice to the State, of that type and cadre.
  await recherche.getByLabel(fr.suivi.critere_depot_du).fill(maintenant.slice(0, 10));
  await perimetre.getByLabel(fr.suivi.perimetre_etat, { exact: true }).check();
  assert.ok(await recherche.getByLabel(fr.suivi.critere_destinataire).isDisabled(), 'no SIRET with « État »');
  await recherche.getByLabel(fr.suivi.critere_type).selectOption('FACTURE');
  await recherche.getByLabel(fr.suivi.critere_cadre).selectOption('A1_FACTURE_FOURNISSEUR');
  await chercher();
  await recherche.getByRole('link', { name: n('EF1') }).waitFor();
  let resultat = await trouves();
  assert.deepEqual(resultat.miens, [n('EF1')]);
  assert.ok(resultat.lignes.every((l) => l.includes('ETAT')), resultat.lignes.join('\n'));
  await capture(page, 'suivi-recherche-etat');

  // The State's credit notes of the service SFACT-INFO.
  await recherche.getByLabel(fr.suivi.critere_type).selectOption('AVOIR');
  await recherche.getByLabel(fr.suivi.critere_cadre).selectOption('');
  await recherche.getByLabel(fr.suivi.critere_service, { exact: true }).fill('SFACT-INFO');
  await chercher();
  await recherche.getByRole('link', { name: n('EAV') }).waitFor();
  assert.deepEqual((await trouves()).miens, [n('EAV')]);

  // Outside the State: a code service needs one recipient, said on its field.
  await perimetre.getByLabel(fr.suivi.perimetre_hors_etat, { exact: true }).check();
  await recherche.getByLabel(fr.suivi.critere_type).selectOption('');
  await chercher();
  await recherche.locator('#critere-service[aria-invalid="true"]').waitFor();
  assert.equal(await recherche.locator('#criteres-message').innerText(), fr.suivi.service_sans_destinataire);
  await page.waitForFunction(() => document.activeElement?.id === 'critere-service');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await chercher();
  await recherche.getByRole('link', { name: n('COM') }).waitFor();
  resultat = await trouves();
  assert.deepEqual(resultat.miens, [n('COM')]);
  assert.ok(!resultat.lignes.some((l) => l.includes('ETAT')), resultat.lignes.join('\n'));

  // A SIREN is checked, then finds the establishments of that company.
  await perimetre.getByLabel(fr.suivi.perimetre_tous, { exact: true }).check();
  const identifiant = recherche.getByLabel(fr.suivi.critere_destinataire);
  await identifiant.fill('213100002');
  await chercher();
  await recherche.locator('#critere-identifiant[aria-invalid="true"]').waitFor();
  assert.match(await recherche.locator('#criteres-message').innerText(), /SIREN/);
  await identifiant.fill('213 100 001');
  await chercher();
  await recherche.getByRole('link', { name: n('COM') }).waitFor();
  resultat = await trouves();
  assert.deepEqual(resultat.miens, [n('COM')]);
  assert.ok(resultat.lignes.every((l) => /COMMUN|SYNDICAT|METROPOLE/.test(l)), resultat.lignes.join('\n'));
  await capture(page, 'suivi-recherche-siren');

  // The supplier's structure offers its services; reset empties every criterion and searches again.
  await recherche.getByLabel(fr.suivi.critere_fournisseur).selectOption({ index: 1 });
  await page.waitForFunction(() => !document.querySelector('#critere-service-fournisseur')?.disabled);
  await recherche.getByRole('button', { name: fr.suivi.reinitialiser }).click();
  assert.ok(await perimetre.getByLabel(fr.suivi.perimetre_tous, { exact: true }).isChecked());
  assert.equal(await identifiant.inputValue(), '');
  assert.equal(await recherche.getByLabel(fr.suivi.critere_type).inputValue(), '');
  assert.equal(await recherche.getByLabel(fr.suivi.critere_fournisseur).inputValue(), '');
  assert.ok(await recherche.locator('#critere-service-fournisseur').isDisabled());
  assert.equal(await recherche.getByLabel(fr.suivi.critere_depot_du).inputValue(), '');
  await recherche.locator('.resultats-total').waitFor();
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

// Valider et envoyer: a deposited PDF is sent to the sandbox once, even when an answer is lost or the
// user clicks twice; a blocked sending is fixed on its field; a draft survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { FACTURE_DEMO, SIRET_STRUCTURE_DEMO } from './fixtures/pdf.js';

/** The demo user's supplier structure (`idStructureCPP` of the seed). */
const ID_STRUCTURE_DEMO = '26000001';
const SOUMETTRE = '**/cpro/factures/v1/soumettre';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

async function ouvrirDepot(page) {
  await connecterDemo(page, fr);
  await page.getByRole('navigation', { name: fr.shell.navigation_principale })
    .getByRole('link', { name: fr.shell.factures_emises }).click();
  await page.getByRole('link', { name: fr.deposer.lien }).click();
  await page.getByRole('heading', { level: 1, name: fr.deposer.titre }).waitFor();
}

async function deposer(page, nom, options) {
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: nom, mimeType: 'application/pdf', buffer: FACTURE_DEMO.pdf(options),
  });
  await page.getByLabel(fr.deposer.champ_invoice_number).waitFor();
}

/** The invoices the server holds for the signed-in user with this number (rechercher/fournisseur). */
async function facturesAuServeur(page, numero) {
  const reponse = await page.request.post(`${BASE_URL}/cpro/factures/v1/rechercher/fournisseur`, {
    data: { numeroFacture: numero },
  });
  assert.equal(reponse.status(), 200);
  const corps = await reponse.json();
  return (corps.listeFactures ?? []).filter((f) => f.numeroFacture === numero);
}

function boutonEnvoyer(page) {
  return page.getByRole('button', { name: fr.envoi.envoyer, exact: true });
}

test('une facture lue est envoyée une seule fois, même quand la réponse de soumettre se perd', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  const numero = 'E2E-ENVOI-1';
  await deposer(page, 'envoi.pdf', { numero, siret: SIRET_STRUCTURE_DEMO, service: 'SGC-ACHATS' });

  // The supplier structure is chosen from the printed SIRET; the printed IBAN means a credit transfer.
  const structure = page.getByLabel(fr.envoi.structure);
  await page.waitForFunction(
    ([id, attendu]) => document.getElementById(id)?.value === attendu,
    [await structure.getAttribute('id'), ID_STRUCTURE_DEMO],
  );
  assert.equal(await page.getByLabel(fr.envoi.mode_paiement).inputValue(), 'VIREMENT');
  await page.getByText(fr.deposer.resume_ok).waitFor();
  assert.equal(await boutonEnvoyer(page).getAttribute('aria-disabled'), 'false');

  // The first answer of soumettre is lost after the server handled the request.
  let soumissions = 0;
  await page.route(SOUMETTRE, async (route) => {
    soumissions += 1;
    if (soumissions === 1) {
      await route.fetch();
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });

  await boutonEnvoyer(page).click();
  const dialogue = page.getByRole('dialog', { name: fr.envoi.confirmation_titre });
  await dialogue.waitFor();
  const texteDialogue = await dialogue.innerText();
  assert.match(texteDialogue, new RegExp(numero));
  assert.match(texteDialogue, /1\s200,00\s€/, 'amounts shown the French way');
  assert.match(texteDialogue, /11000201100044/);
  await capture(page, 'envoi-confirmation');
  await dialogue.getByRole('button', { name: fr.envoi.confirmer }).click();

  const reessayer = page.getByRole('button', { name: fr.envoi.reessayer });
  await reessayer.waitFor();
  assert.ok(await page.getByText(fr.envoi.incertain).isVisible());
  assert.equal((await facturesAuServeur(page, numero)).length, 1, 'the lost answer still created the invoice');
  await capture(page, 'envoi-incertain');

  // Retrying (even with a double click) answers the first result and creates nothing new.
  await reessayer.dblclick();
  await page.getByRole('heading', { name: fr.envoi.recap_titre }).waitFor();
  const factures = await facturesAuServeur(page, numero);
  assert.equal(factures.length, 1, 'one invoice, not two');
  const recap = page.getByRole('region', { name: fr.envoi.recap_titre });
  const texteRecap = await recap.innerText();
  assert.match(texteRecap, new RegExp(String(factures[0].identifiantFactureCPP)));
  assert.match(texteRecap, /Déposée|Mise à disposition|En cours d'acheminement/);
  const lien = recap.getByRole('link', { name: fr.envoi.exporter_certificat });
  assert.equal(await lien.getAttribute('download'), `certificat-depot-${numero}.txt`);
  const certificat = decodeURIComponent((await lien.getAttribute('href')).split(',').slice(1).join(','));
  assert.match(certificat, /[A-Za-z0-9+/]{43}=/, 'the certificate carries a base64 SHA-256');
  assert.ok(soumissions >= 2);
  await capture(page, 'envoi-recapitulatif');
  await page.getByRole('row', { name: /envoi\.pdf/ }).getByText(fr.envoi.etat_envoyee).waitFor();
  assert.deepEqual(erreurs.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e)), []);
  await contexte.close();
});

test('un envoi bloqué se corrige sur le champ, puis part', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  const numero = 'E2E-ENVOI-2';
  // A SIRET that is not the user's structure, and a service code the State does not have.
  await deposer(page, 'bloquee.pdf', { numero, service: 'SFACETAT' });
  const service = page.getByLabel(fr.deposer.champ_service_code);
  const structure = page.getByLabel(fr.envoi.structure);
  await page.getByText(fr.deposer.resume_bloquants).first().waitFor();
  assert.equal(await boutonEnvoyer(page).getAttribute('aria-disabled'), 'true');
  assert.equal(await structure.getAttribute('aria-invalid'), 'true');
  await page.waitForFunction(
    (id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true',
    await service.getAttribute('id'),
  );
  await capture(page, 'envoi-bloque');
  // A click on a blocked button opens nothing.
  await boutonEnvoyer(page).click({ force: true });
  assert.equal(await page.getByRole('dialog').count(), 0);

  await structure.selectOption(ID_STRUCTURE_DEMO);
  await service.fill('SGC-ACHATS');
  await page.getByText(fr.deposer.resume_ok).waitFor();
  await boutonEnvoyer(page).click();
  await page.getByRole('dialog', { name: fr.envoi.confirmation_titre })
    .getByRole('button', { name: fr.envoi.confirmer }).click();
  await page.getByRole('heading', { name: fr.envoi.recap_titre }).waitFor();
  const factures = await facturesAuServeur(page, numero);
  assert.equal(factures.length, 1);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('le formulaire de dépôt se remplit et s’envoie au clavier seul', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  const numero = 'E2E-CLAVIER';
  await deposer(page, 'clavier.pdf', { numero, siret: SIRET_STRUCTURE_DEMO, service: 'SFACETAT' });
  const service = page.getByLabel(fr.deposer.champ_service_code);
  await service.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SGC-ACHATS');
  await page.getByText(fr.deposer.resume_ok).waitFor();
  // Tab to the send button, open the dialog with Enter; the dialog takes focus; Escape closes it.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const nom = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (nom === fr.envoi.envoyer) break;
  }
  await page.keyboard.press('Enter');
  const dialogue = page.getByRole('dialog', { name: fr.envoi.confirmation_titre });
  await dialogue.waitFor();
  await page.keyboard.press('Escape');
  await dialogue.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), fr.envoi.envoyer);
  await page.keyboard.press('Enter');
  await dialogue.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), fr.envoi.confirmer);
  // The dialog is modal: Tab cycles between its two buttons.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), fr.envoi.annuler);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), fr.envoi.confirmer);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: fr.envoi.recap_titre }).waitFor();
  assert.equal((await facturesAuServeur(page, numero)).length, 1);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('un brouillon survit au rechargement de la page, et se supprime', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  await deposer(page, 'brouillon.pdf', { numero: 'E2E-BROUILLON', siret: SIRET_STRUCTURE_DEMO });
  const engagement = page.getByLabel(fr.deposer.champ_engagement_number);
  await engagement.fill('1300999999');
  await page.getByLabel(fr.envoi.mode_paiement).selectOption('CHEQUE');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: fr.deposer.titre }).waitFor();
  await page.getByRole('row', { name: /brouillon\.pdf/ }).waitFor();
  assert.equal(await page.getByLabel(fr.deposer.champ_engagement_number).inputValue(), '1300999999');
  assert.equal(await page.getByLabel(fr.deposer.champ_invoice_number).inputValue(), 'E2E-BROUILLON');
  assert.equal(await page.getByLabel(fr.envoi.mode_paiement).inputValue(), 'CHEQUE');
  await capture(page, 'envoi-brouillon-repris');

  await page.getByRole('button', { name: fr.envoi.supprimer_brouillon }).click();
  await page.getByRole('row', { name: /brouillon\.pdf/ }).waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: fr.deposer.titre }).waitFor();
  assert.equal(await page.getByRole('row', { name: /brouillon\.pdf/ }).count(), 0);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('des pièces jointes complémentaires sont contrôlées, typées et partent avec la facture', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  const numero = `E2E-PJ-${Date.now() % 1e7}`;
  await deposer(page, 'avec-pieces.pdf', { numero, siret: SIRET_STRUCTURE_DEMO, service: 'SGC-ACHATS' });
  await page.getByText(fr.deposer.resume_ok).waitFor();
  const pieces = page.getByRole('group', { name: fr.deposer.pj_titre });
  // A format Chorus Pro refuses is said at once, and not sent.
  await pieces.getByLabel(fr.deposer.pj_ajouter).setInputFiles([
    { name: 'outil.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    { name: 'bon-de-livraison.pdf', mimeType: 'application/pdf', buffer: FACTURE_DEMO.pdf({ numero: 'BL-1' }) },
  ]);
  await pieces.getByText(`« outil.exe » : ${fr.deposer.pj_extension}`).waitFor();
  await pieces.getByRole('button', { name: `${fr.deposer.pj_retirer} bon-de-livraison.pdf` }).waitFor();
  assert.equal(await pieces.getByRole('button', { name: `${fr.deposer.pj_retirer} outil.exe` }).count(), 0);
  await pieces.getByLabel(`${fr.deposer.pj_type} bon-de-livraison.pdf`).selectOption('BON_LIVRAISON');
  await capture(page, 'envoi-pieces-jointes');

  await boutonEnvoyer(page).click();
  await page.getByRole('dialog', { name: fr.envoi.confirmation_titre })
    .getByRole('button', { name: fr.envoi.confirmer }).click();
  await page.getByRole('heading', { name: fr.envoi.recap_titre }).waitFor();
  const [facture] = await facturesAuServeur(page, numero);
  const consultee = await (await page.request.post(`${BASE_URL}/cpro/factures/v1/consulter/fournisseur`, {
    data: { identifiantFactureCPP: facture.identifiantFactureCPP },
  })).json();
  const jointes = JSON.stringify(consultee.facture.listeDesPiecesJointes);
  assert.match(jointes, /bon-de-livraison\.pdf/, jointes);
  assert.equal(JSON.parse(jointes).totalListePiecesJointe, 2, 'the invoice PDF and the attachment');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

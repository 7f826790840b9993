// Déposer: a PDF dropped in the browser is read there, its fields pre-filled and checked live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { FACTURE_DEMO } from './fixtures/pdf.js';

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

test('un PDF déposé est lu dans le navigateur et ses champs sont pré-remplis', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: 'facture-demo.pdf', mimeType: 'application/pdf', buffer: FACTURE_DEMO.pdf(),
  });
  await page.getByRole('row', { name: /facture-demo\.pdf/ }).waitFor();
  const numero = page.getByLabel(fr.deposer.champ_invoice_number);
  await numero.waitFor();
  assert.equal(await numero.inputValue(), FACTURE_DEMO.numero);
  assert.equal(await page.getByLabel(fr.deposer.champ_recipient_siret).inputValue(), FACTURE_DEMO.siretDestinataire);
  assert.ok(await page.getByText(fr.deposer.lu_pdf).first().isVisible(), 'values are marked as read in the PDF');
  // The preview frames every value read; the frame of the field being edited stands out.
  const apercu = page.getByRole('img', { name: fr.deposer.apercu_aria });
  await apercu.waitFor();
  assert.ok(await apercu.locator('rect.apercu__valeur').count() >= 5, 'several values framed');
  assert.equal(await apercu.locator('rect.apercu__valeur--active').count(), 0);
  await numero.focus();
  await apercu.locator('rect.apercu__valeur--active').waitFor();
  assert.match(await apercu.locator('rect.apercu__valeur--active title').textContent(), new RegExp(fr.deposer.champ_invoice_number));
  // Clicking a frame goes to its field.
  const cadreDestinataire = apercu.locator('rect.apercu__valeur', { has: page.locator('title', { hasText: fr.deposer.champ_recipient_siret }) });
  await cadreDestinataire.click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'recipient_siret');
  await capture(page, 'deposer-lu');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('vider le SIRET du destinataire bloque l’envoi sur ce champ, le remettre lève le blocage', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: 'facture-demo.pdf', mimeType: 'application/pdf', buffer: FACTURE_DEMO.pdf(),
  });
  const destinataire = page.getByLabel(fr.deposer.champ_recipient_siret);
  await destinataire.waitFor();
  await destinataire.fill('');
  await page.waitForFunction(
    (id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true',
    await destinataire.getAttribute('id'),
  );
  const idMessages = await destinataire.getAttribute('aria-describedby');
  const messages = page.locator(`[id="${idMessages}"]`);
  assert.match(await messages.innerText(), new RegExp(fr.deposer.bloquant));
  await capture(page, 'deposer-bloquant');

  await destinataire.fill(FACTURE_DEMO.siretDestinataire);
  await page.waitForFunction(
    (id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'false',
    await destinataire.getAttribute('id'),
  );
  assert.equal((await messages.innerText()).trim(), '');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('un fichier qui n’est pas un PDF est refusé avec un message clair, sans casser la page', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  await page.getByLabel(fr.deposer.zone).setInputFiles([
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('pas un pdf du tout') },
    { name: 'tronque.pdf', mimeType: 'application/pdf', buffer: FACTURE_DEMO.pdf().subarray(0, 300) },
  ]);
  await page.getByText(fr.deposer.pas_un_pdf).waitFor();
  const tronque = page.getByRole('row', { name: /tronque\.pdf/ });
  await tronque.getByText(fr.deposer.etat_illisible).waitFor();
  await tronque.getByRole('button').click();
  await page.getByRole('heading', { level: 2, name: /tronque\.pdf/ }).waitFor();
  assert.ok(await page.getByRole('alert').filter({ hasText: /PDF/ }).first().isVisible());
  await capture(page, 'deposer-refus');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('l’annuaire Chorus Pro du destinataire est consulté : service inconnu et SIRET inconnu sont bloquants', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: 'facture-demo.pdf', mimeType: 'application/pdf', buffer: FACTURE_DEMO.pdf(),
  });
  // The State's directory entry is found and named under the recipient field.
  await page.getByText(new RegExp(`${fr.deposer.annuaire_trouve}.*ETAT`)).waitFor();

  // The PDF's service code does not exist at the State: blocking, on the service code field.
  const service = page.getByLabel(fr.deposer.champ_service_code);
  const idService = await service.getAttribute('id');
  await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true', idService);
  await capture(page, 'deposer-annuaire');
  // The recipient's active services are offered as suggestions; inactive ones are not.
  const suggestions = page.locator(`[id="${await service.getAttribute('list')}"] option`);
  const codes = await suggestions.evaluateAll((options) => options.map((o) => o.value));
  assert.ok(codes.includes('SFACT-INFO'), `suggestions: ${codes}`);
  assert.ok(!codes.includes('ANCIEN-SERVICE'), 'an inactive service is not suggested');
  await service.fill('SFACT-INFO');
  await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'false', idService);

  // A SIRET that no public structure carries.
  const destinataire = page.getByLabel(fr.deposer.champ_recipient_siret);
  await destinataire.fill('44306184100047');
  await page.getByText(fr.deposer.destinataire_inconnu).waitFor();
  assert.equal(await destinataire.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

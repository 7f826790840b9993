// Notifications: a status change made by the recipient while the user works is noticed, announced
// politely and listed in the event feed with a link to the invoice.
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

test('un changement de statut chez le destinataire est annoncé et rejoint le fil d’événements', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  // Look every 2 s instead of the default, for the test.
  const reglages = JSON.parse(await readFile(new URL('../../public/config.json', import.meta.url), 'utf8'));
  await page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ ...reglages, notifications: { pollSeconds: 2 } }),
  }));
  await connecterDemo(page, fr);
  const id = await soumettreFacture(page, 'E2E-NOTIF-1');
  await avancerHorloge(page, { minutes: 15 });
  // Let the first look record the picture, then the recipient acts.
  await page.waitForTimeout(2500);
  await traiterFacture(page, id, 'SUSPENDUE', 'Pièce manquante');

  const bouton = page.getByRole('button', { name: new RegExp(`^${fr.shell.notifications}`) });
  await page.waitForFunction(() => /\d/.test(document.querySelector('.notifications .pastille')?.textContent ?? ''));
  const annonce = page.locator('.notifications [role="status"]');
  assert.match(await annonce.textContent(), new RegExp(`E2E-NOTIF-1|${fr.shell.fil_annonce_plusieurs}`));
  await bouton.click();
  const fil = page.getByRole('region', { name: fr.shell.fil_evenements });
  const evenement = fil.getByRole('listitem').filter({ hasText: 'E2E-NOTIF-1' }).filter({ hasText: /→ Suspendue/ });
  await evenement.waitFor();
  await capture(page, 'notifications-fil');
  await evenement.getByRole('link', { name: 'E2E-NOTIF-1' }).click();
  await page.getByRole('heading', { level: 1, name: `${fr.suivi.detail_titre} E2E-NOTIF-1` }).waitFor();
  // Closing the feed marks the events as read.
  await bouton.click();
  await bouton.click();
  await page.waitForFunction(() => !document.querySelector('.notifications .pastille'));
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('la réponse à une sollicitation arrive par le fil du portail, avec un lien vers elle', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const reglages = JSON.parse(await readFile(new URL('../../public/config.json', import.meta.url), 'utf8'));
  await page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ ...reglages, notifications: { pollSeconds: 2 } }),
  }));
  await connecterDemo(page, fr);
  const sujet = `Fil-${Date.now().toString(36)}`;
  const creation = await page.request.post(`${BASE_URL}/portail/v1/sollicitations`, {
    data: { categorie: 'STRUCTURE_COMPTE', sousCategorie: 'RATTACHEMENT', sujet, description: 'Où en est ma demande ?' },
  });
  assert.equal(creation.status(), 201, await creation.text());
  const { id } = await creation.json();
  // Let the first look record where the feed stands, then the recipient answers.
  await page.waitForTimeout(2500);
  const reponse = await page.request.post(`${BASE_URL}/portail/v1/simulation/sollicitations/${id}/repondre`, {
    data: { texte: 'Votre rattachement est validé.', statut: 'RESOLU' },
  });
  assert.equal(reponse.status(), 200, await reponse.text());

  await page.waitForFunction(() => /\d/.test(document.querySelector('.notifications .pastille')?.textContent ?? ''));
  await page.getByRole('button', { name: new RegExp(`^${fr.shell.notifications}`) }).click();
  const fil = page.getByRole('region', { name: fr.shell.fil_evenements });
  const lien = fil.getByRole('link', { name: new RegExp(sujet) }).first();
  await lien.waitFor();
  await capture(page, 'notifications-fil-portail');
  await lien.click();
  await page.getByRole('heading', { level: 1, name: new RegExp(sujet) }).waitFor();
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

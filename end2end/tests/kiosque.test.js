// Kiosk terminals: the inactivity countdown ends the session and erases local data; "Terminer" does it at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { ConnexionPage } from './fixtures/connexion_page.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

/** A page whose runtime settings turn kiosk mode on with a short timeout. */
async function pageKiosque(inactivitySeconds) {
  const ouverte = await ouvrirPage(navigateur);
  await ouverte.page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ locale: 'fr', kiosk: { enabled: true, inactivitySeconds } }),
  }));
  return ouverte;
}

test('sans activité, le compte à rebours s’affiche puis la session se termine et le poste est vidé', async () => {
  const { contexte, page, erreurs } = await pageKiosque(6);
  await connecterDemo(page, fr);
  await page.evaluate(() => localStorage.setItem('passerelle.brouillon', 'données du précédent usager'));
  const dialogue = page.getByRole('alertdialog', { name: fr.kiosque.titre });
  await dialogue.waitFor({ timeout: 15000 });
  assert.match(await dialogue.innerText(), /\d+ s/);
  await capture(page, 'kiosque-compte-a-rebours');
  await new ConnexionPage(page, fr).titre().waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'local storage erased');
  const session = await page.evaluate(async () => (await fetch('/portail/v1/session')).json());
  assert.equal(session.utilisateur, null, 'signed out on the server too');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('« Continuer ma session » repousse la fin de session', async () => {
  const { contexte, page } = await pageKiosque(6);
  await connecterDemo(page, fr);
  const dialogue = page.getByRole('alertdialog', { name: fr.kiosque.titre });
  await dialogue.waitFor({ timeout: 15000 });
  await dialogue.getByRole('button', { name: fr.kiosque.continuer }).click();
  await dialogue.waitFor({ state: 'hidden' });
  assert.ok(await page.getByRole('heading', { level: 1, name: fr.accueil.titre }).isVisible());
  await contexte.close();
});

test('« Terminer » déconnecte et efface tout de suite', async () => {
  const { contexte, page, erreurs } = await pageKiosque(300);
  await connecterDemo(page, fr);
  await page.evaluate(() => localStorage.setItem('passerelle.brouillon', 'x'));
  await page.getByRole('button', { name: fr.kiosque.terminer_aria }).click();
  await new ConnexionPage(page, fr).titre().waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

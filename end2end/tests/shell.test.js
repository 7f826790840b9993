// The application shell: loading, language switch, not-found page, health endpoints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, lancerNavigateur, ouvrirPage, capture } from './fixtures/navigateur.js';
import { fr, en } from './fixtures/i18n.js';
import { ConnexionPage } from './fixtures/connexion_page.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

test('la page d’accueil mène à la connexion sans aucune erreur console', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await page.goto(`${BASE_URL}/`);
  const connexion = new ConnexionPage(page, fr);
  await connexion.titre().waitFor();
  assert.equal(new URL(page.url()).pathname, '/connexion');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.waitForLoadState('networkidle');
  await capture(page, 'connexion-fr');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('le sélecteur de langue passe les libellés en anglais et s’en souvient', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await new ConnexionPage(page, fr).ouvrir();
  await page.getByRole('button', { name: fr.shell.changer_langue_aria }).click();
  await new ConnexionPage(page, en).titre().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.ok(await page.getByLabel(en.connexion.mot_de_passe).isVisible());
  await capture(page, 'connexion-en');

  await page.reload();
  await new ConnexionPage(page, en).titre().waitFor();

  await page.getByRole('button', { name: en.shell.changer_langue_aria }).click();
  await new ConnexionPage(page, fr).titre().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('une adresse inconnue affiche la page introuvable', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const reponse = await page.goto(`${BASE_URL}/cette/page/n-existe/pas`);
  assert.equal(reponse.status(), 200, 'the server hands client routes to the SPA');
  await page.getByRole('heading', { level: 1, name: fr.introuvable.titre }).waitFor();
  await page.getByRole('link', { name: fr.introuvable.retour }).click();
  await new ConnexionPage(page, fr).titre().waitFor();
  await capture(page, 'introuvable');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('les points de santé du serveur répondent', async () => {
  const sante = await fetch(`${BASE_URL}/health`);
  assert.equal(sante.status, 200);
  assert.equal((await sante.json()).status, 'ok');
  const chorus = await fetch(`${BASE_URL}/cpro/transverses/v1/health-check`);
  assert.equal(chorus.status, 200);
});

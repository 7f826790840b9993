// Signing in with the demo account, a wrong password, and signing out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { ConnexionPage, DEMO } from './fixtures/connexion_page.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

test('un mot de passe erroné affiche un message clair et laisse sur la connexion', async () => {
  const { contexte, page } = await ouvrirPage(navigateur);
  const connexion = new ConnexionPage(page, fr);
  await connexion.ouvrir();
  await connexion.seConnecter(DEMO.email, 'pas-le-bon-mot-de-passe');
  await page.getByText(fr.connexion.erreur_identifiants).waitFor();
  assert.ok(await connexion.titre().isVisible());
  await capture(page, 'connexion-erreur');
  await contexte.close();
});

test('des champs vides sont signalés sans appeler le serveur', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const connexion = new ConnexionPage(page, fr);
  await connexion.ouvrir();
  await page.getByRole('button', { name: fr.connexion.bouton }).click();
  await page.getByText(fr.connexion.champs_requis).waitFor();
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('le compte de démonstration se connecte, voit les espaces et se déconnecte', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const connexion = new ConnexionPage(page, fr);
  await connexion.ouvrir();
  await connexion.seConnecter(DEMO.email, DEMO.motDePasse);
  await page.getByRole('heading', { level: 1, name: fr.accueil.titre }).waitFor();
  const espaces = page.getByRole('navigation', { name: fr.shell.navigation_principale });
  for (const nom of [fr.shell.factures_emises, fr.shell.sollicitations, fr.shell.mon_compte, fr.shell.activites_gestionnaire]) {
    assert.ok(await espaces.getByRole('link', { name: nom }).isVisible(), `${nom} is in the navigation`);
  }
  await capture(page, 'accueil');

  await espaces.getByRole('link', { name: fr.shell.factures_emises }).click();
  await page.getByRole('heading', { level: 1, name: fr.shell.factures_emises }).waitFor();
  assert.equal(await espaces.getByRole('link', { name: fr.shell.factures_emises }).getAttribute('aria-current'), 'page');

  // The session survives a reload (cookie), then signing out returns to the connexion screen.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: fr.shell.factures_emises }).waitFor();
  await page.getByRole('button', { name: fr.shell.deconnexion }).click();
  await connexion.titre().waitFor();
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

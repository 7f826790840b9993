// A sign-in address locked by five wrong passwords is unlocked by « Mot de passe oublié ? »: the link from the
// e-mail sets a new password (once), and the account signs in with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { ConnexionPage } from './fixtures/connexion_page.js';
import { creerCompte, dernierCourriel, MOT_DE_PASSE } from './fixtures/comptes.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

test('un compte verrouillé après cinq mots de passe erronés se débloque par le lien « Mot de passe oublié ? »', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const email = await creerCompte(page.request, 'verrou');
  for (let i = 0; i < 4; i += 1) {
    const reponse = await page.request.post(`${BASE_URL}/portail/v1/session/connexion`, { data: { email, motDePasse: 'mauvais' } });
    assert.equal(reponse.status(), 401);
  }
  const connexion = new ConnexionPage(page, fr);
  await connexion.ouvrir();
  await connexion.seConnecter(email, 'encore-mauvais');
  await page.getByText(fr.acces.verrouille).waitFor();
  // Locked: the right password does not open it either.
  await connexion.seConnecter(email, MOT_DE_PASSE);
  await page.getByText(fr.acces.verrouille).waitFor();
  await capture(page, 'connexion-verrouillee');

  await page.getByRole('link', { name: fr.acces.oublie_lien }).click();
  await page.getByRole('heading', { level: 1, name: fr.acces.oublie_titre }).waitFor();
  await page.getByLabel(fr.acces.email).fill(email);
  await page.getByRole('button', { name: fr.acces.envoyer_lien }).click();
  await page.getByText(fr.acces.lien_envoye).waitFor();
  const lien = (await dernierCourriel(page.request, email, 'REINITIALISATION')).body.match(/\/reinitialisation\?jeton=[\w-]+/)?.[0];
  assert.ok(lien, 'the reset link is in the e-mail');

  await page.goto(`${BASE_URL}${lien}`);
  await page.getByRole('heading', { level: 1, name: fr.acces.reinit_titre }).waitFor();
  const nouveau = 'Debloque-Passerelle-2027';
  await page.getByLabel(fr.acces.nouveau, { exact: true }).fill(nouveau);
  assert.equal(await page.locator('.regle--ok').count(), 2, 'the rules tick as the password is typed');
  await page.getByLabel(fr.acces.confirmation).fill(`${nouveau}!`);
  await page.getByRole('button', { name: fr.acces.enregistrer }).click();
  await page.getByText(fr.acces.confirmation_differente).waitFor();
  await page.getByLabel(fr.acces.confirmation).fill(nouveau);
  await page.getByRole('button', { name: fr.acces.enregistrer }).click();
  await page.getByText(fr.acces.reinit_ok).waitFor();

  // Unlocked, with the new password: the e-mailed code completes the sign-in.
  await page.getByRole('link', { name: fr.acces.aller_connexion }).click();
  await connexion.seConnecter(email, nouveau);
  await page.getByRole('heading', { level: 1, name: fr.connexion.second_titre }).waitFor();
  const code = (await dernierCourriel(page.request, email, 'CODE_CONNEXION')).body.match(/\b\d{6}\b/)?.[0];
  await page.getByLabel(fr.connexion.code).fill(code);
  await page.getByRole('button', { name: fr.connexion.valider_code }).click();
  await page.getByRole('heading', { level: 1, name: fr.accueil.titre }).waitFor();

  // The link served once.
  await page.goto(`${BASE_URL}${lien}`);
  await page.getByLabel(fr.acces.nouveau, { exact: true }).fill('Encore-Un-Autre-2028');
  await page.getByLabel(fr.acces.confirmation).fill('Encore-Un-Autre-2028');
  await page.getByRole('button', { name: fr.acces.enregistrer }).click();
  await page.getByText(fr.acces.lien_perime).waitFor();
  assert.ok(await page.getByRole('link', { name: fr.acces.redemander }).isVisible());
  // The refused attempts answered 401, 429 and 410 as designed: nothing else went wrong.
  assert.deepEqual(erreurs.filter((e) => !/status of (401|410|429)/.test(e)), []);
  await contexte.close();
});

// Créer un compte: live password rules, refusals under their field, the anti-robot question, the
// activation link from the outbox, then a sign-in with the e-mailed second-factor code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

/** The newest e-mail the sandbox would have sent to `adresse`. */
async function dernierCourriel(page, adresse) {
  const reponse = await page.request.get(`${BASE_URL}/portail/v1/outbox?to=${encodeURIComponent(adresse)}`);
  assert.equal(reponse.status(), 200);
  const { courriels } = await reponse.json();
  assert.ok(courriels.length > 0, `an e-mail to ${adresse}`);
  return courriels[0];
}

async function repondreAuDefi(page) {
  const libelle = await page.locator('label[for="compte-defi"]').innerText();
  const [, a, b] = libelle.match(/(\d+)\D+(\d+)/) ?? [];
  assert.ok(a && b, `an arithmetic question: ${libelle}`);
  await page.locator('#compte-defi').fill(String(Number(a) + Number(b)));
}

test('un compte se crée, s’active par le lien reçu et se connecte avec le code envoyé par e-mail', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const adresse = `nouveau-${Date.now()}@exemple.test`;
  const motDePasse = 'Passerelle-2026!';
  await page.goto(`${BASE_URL}/connexion`);
  await page.getByRole('link', { name: fr.connexion.creer_compte }).click();
  await page.getByRole('heading', { level: 1, name: fr.compte.titre }).waitFor();

  await page.getByLabel(fr.compte.email, { exact: true }).fill(adresse);
  await page.getByLabel(fr.compte.email_confirmation).fill(`autre-${adresse}`);
  await page.getByLabel(fr.compte.prenom).fill('Dominique');
  await page.getByLabel(fr.compte.nom, { exact: true }).fill('Lefèvre');
  await page.getByLabel(fr.compte.telephone).fill('04 72 00 00 00');
  await page.getByLabel(fr.compte.email_contact).fill(adresse);
  // The password rules tick themselves as the user types.
  const motDePasseChamp = page.getByLabel(fr.compte.mot_de_passe, { exact: true });
  await motDePasseChamp.fill('court');
  assert.equal(await page.locator('.regle--ok').count(), 0);
  await motDePasseChamp.fill(motDePasse);
  assert.equal(await page.locator('.regle--ok').count(), 2);
  await page.getByLabel(fr.compte.question_secrete, { exact: true }).fill('Nom de mon premier chien ?');
  await page.getByLabel(fr.compte.reponse_secrete).fill('Rex');
  await page.getByLabel(fr.compte.cgu).check();
  await repondreAuDefi(page);
  await page.getByRole('button', { name: fr.compte.creer }).click();

  // The mismatched confirmation is refused under its field; nothing else is lost.
  const confirmation = page.getByLabel(fr.compte.email_confirmation);
  await page.waitForFunction(() => document.getElementById('compte-emailConfirmation')?.getAttribute('aria-invalid') === 'true');
  assert.equal(await page.getByLabel(fr.compte.prenom).inputValue(), 'Dominique');
  await capture(page, 'compte-refus');
  await confirmation.fill(adresse);
  // A new anti-robot question comes with each try.
  await page.waitForFunction(() => document.getElementById('compte-defi')?.value === '');
  await repondreAuDefi(page);
  await page.getByRole('button', { name: fr.compte.creer }).click();
  await page.getByText(fr.compte.cree).waitFor();

  // The activation link is in the outbox.
  const activation = await dernierCourriel(page, adresse);
  const lien = activation.body.match(/\/activation\?jeton=[\w-]+/)?.[0];
  assert.ok(lien, activation.body);
  await page.goto(`${BASE_URL}${lien}`);
  await page.getByText(fr.compte.active).waitFor();

  // Sign-in asks for the code e-mailed to the new account.
  await page.getByRole('link', { name: fr.compte.aller_connexion }).click();
  await page.getByLabel(fr.connexion.email).fill(adresse);
  await page.getByLabel(fr.connexion.mot_de_passe).fill(motDePasse);
  await page.getByRole('button', { name: fr.connexion.bouton }).click();
  await page.getByRole('heading', { level: 1, name: fr.connexion.second_titre }).waitFor();
  const code = (await dernierCourriel(page, adresse)).body.match(/\b\d{6}\b/)?.[0];
  assert.ok(code, 'a 6-digit code was e-mailed');
  await page.getByLabel(fr.connexion.code).fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: fr.connexion.valider_code }).click();
  await page.locator('#code-second-facteur-message .erreur').waitFor();
  await page.getByLabel(fr.connexion.code).fill(code);
  await page.getByRole('button', { name: fr.connexion.valider_code }).click();
  await page.getByRole('heading', { level: 1, name: fr.accueil.titre }).waitFor();
  assert.ok(await page.getByText(adresse).isVisible(), 'signed in as the new account');
  assert.deepEqual(erreurs.filter((e) => !/status of 4\d\d/.test(e)), []);
  await contexte.close();
});

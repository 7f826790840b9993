// Mon compte and the first steps of a new account: creating a structure from the register (first
// sign-in), asking for a rattachement found by name, and the account's data, language, password and
// authenticator application.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr, en } from './fixtures/i18n.js';
import { DEMO } from './fixtures/connexion_page.js';
import { creerCompte, connecterCompte, codeTotp, dernierCourriel, MOT_DE_PASSE } from './fixtures/comptes.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

/** SIRETs of the sandbox's company register; the first one no structure uses yet is taken. */
const SIRETS_REGISTRE = [
  '81234567600017', '82345678500018', '83456789300013', '84567890300012', '85678901100017',
  '79012345900014', '78123456200010', '51234567900017', '90123456700013', '91234567500017',
];

async function siretLibre(requete) {
  for (const siret of SIRETS_REGISTRE) {
    const entreprise = await (await requete.get(`${BASE_URL}/portail/v1/registre/${siret}`)).json();
    if (entreprise.idStructureCPP == null) return entreprise;
  }
  throw new Error('every register SIRET of the list is a structure already');
}

test('première connexion : un compte sans structure crée la sienne depuis le registre et en devient gestionnaire principal', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const email = await creerCompte(page.request, 'premiere');
  await connecterCompte(page.request, email);
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('heading', { level: 2, name: fr.accueil.premiere_titre }).waitFor();
  await capture(page, 'premiere-connexion');
  await page.getByRole('link', { name: fr.mon_compte.creer_structure }).click();
  await page.getByRole('heading', { level: 1, name: fr.structures.creer_titre }).waitFor();

  // A SIRET that is already a structure points to the rattachement request.
  await page.getByLabel(fr.structures.identifiant, { exact: true }).fill('800 000 010 00010');
  await page.getByRole('button', { name: fr.structures.rechercher_registre }).click();
  await page.getByText(fr.structures.deja_structure).waitFor();
  assert.ok(await page.getByRole('link', { name: fr.structures.demander_rattachement }).isVisible());

  // A free one fills the form from the register.
  const entreprise = await siretLibre(page.request);
  await page.getByLabel(fr.structures.identifiant, { exact: true }).fill(entreprise.siret);
  await page.getByRole('button', { name: fr.structures.rechercher_registre }).click();
  await page.getByText(fr.structures.registre_trouve).waitFor();
  assert.equal(await page.getByLabel(fr.structures.raison_sociale).inputValue(), entreprise.raisonSociale);
  assert.equal(await page.getByLabel(fr.structures.ville).inputValue(), entreprise.ville);
  await capture(page, 'structure-creation');
  await page.getByRole('button', { name: fr.structures.creer }).click();
  await page.getByText(fr.structures.cree).waitFor();

  // Mon compte shows it, with every right.
  await page.getByRole('link', { name: fr.structures.mon_compte }).click();
  await page.getByRole('heading', { level: 1, name: fr.mon_compte.titre }).waitFor();
  const ligne = page.getByRole('row', { name: new RegExp(entreprise.raisonSociale) });
  await ligne.waitFor();
  const cellules = await ligne.getByRole('cell').allInnerTexts();
  assert.deepEqual(cellules, [
    fr.mon_compte.role_principal,
    fr.mon_compte.droit_modification,
    fr.mon_compte.droit_modification,
    fr.mon_compte.droit_modification,
  ]);
  // The first-sign-in offer is gone.
  await page.getByRole('link', { name: fr.shell.accueil, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: fr.accueil.titre }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('heading', { name: fr.accueil.premiere_titre }).count(), 0);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('une demande de rattachement à une structure trouvée par son nom se suit dans Mon compte jusqu’à son acceptation', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  const email = await creerCompte(page.request, 'rattachement');
  await connecterCompte(page.request, email);
  await page.goto(`${BASE_URL}/mon-compte/rattachement`);
  await page.getByRole('heading', { level: 1, name: fr.structures.rattacher_titre }).waitFor();

  // Too short a search is refused on its field; then the demo supplier is found by part of its name.
  const recherche = page.getByLabel(fr.structures.chercher_nom);
  await recherche.fill('de');
  await recherche.press('Enter');
  await page.waitForFunction(() => document.getElementById('rattachement-recherche')?.getAttribute('aria-invalid') === 'true');
  await recherche.fill('passerelle demo');
  await recherche.press('Enter');
  await page.getByRole('button', { name: `${fr.structures.choisir} PASSERELLE DEMO SARL` }).click();
  assert.equal(await page.getByLabel(fr.structures.identifiant, { exact: true }).inputValue(), '80000001000010');
  await page.getByLabel(fr.structures.commentaire).fill('Service comptabilité, saisie des factures');
  await capture(page, 'rattachement-demande');
  await page.getByRole('button', { name: fr.structures.envoyer_demande }).click();
  await page.getByText(fr.structures.demande_envoyee).waitFor();

  await page.getByRole('link', { name: fr.structures.mon_compte }).click();
  const demande = page.getByRole('row', { name: /PASSERELLE DEMO SARL/ }).filter({ hasText: fr.mon_compte.statut_en_attente });
  await demande.waitFor();

  // The gestionnaire (the demo account, in another browser) accepts with the consultation right.
  const gestionnaire = await navigateur.newContext();
  const connexion = await gestionnaire.request.post(`${BASE_URL}/portail/v1/session/connexion`, { data: DEMO });
  assert.equal(connexion.status(), 200);
  const { demandes } = await (await gestionnaire.request.get(`${BASE_URL}/portail/v1/rattachements/a-traiter`)).json();
  const aTraiter = demandes.find((d) => d.demandeur.email === email);
  assert.ok(aTraiter, 'the request reached the gestionnaire');
  const decision = await gestionnaire.request.post(`${BASE_URL}/portail/v1/rattachements/${aTraiter.id}/decision`, {
    data: { accepter: true, habilitation: 'CONSULTATION' },
  });
  assert.equal(decision.status(), 200, await decision.text());
  await gestionnaire.close();

  await page.reload();
  await page.getByRole('row', { name: /PASSERELLE DEMO SARL/ }).filter({ hasText: fr.mon_compte.statut_acceptee }).waitFor();
  const droits = await page.getByRole('table').first().getByRole('row', { name: /PASSERELLE DEMO SARL/ }).getByRole('cell').allInnerTexts();
  assert.deepEqual(droits, [
    fr.mon_compte.role_utilisateur,
    fr.mon_compte.droit_consultation,
    fr.mon_compte.droit_consultation,
    fr.mon_compte.droit_aucun,
  ]);
  await capture(page, 'mon-compte-demandes');
  // The refused short search answered 422 (shown on its field): nothing else went wrong.
  assert.deepEqual(erreurs.filter((e) => !/status of 422/.test(e)), []);
  await contexte.close();
});

test('Mon compte : données et langue enregistrées, mot de passe changé, application d’authentification ajoutée puis retirée', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur, { viewport: { width: 1280, height: 1000 } });
  const email = await creerCompte(page.request, 'mon-compte');
  await connecterCompte(page.request, email);
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('navigation').getByRole('link', { name: fr.shell.mon_compte }).click();
  await page.getByRole('heading', { level: 1, name: fr.mon_compte.titre }).waitFor();
  assert.ok(await page.locator('main').getByText(email, { exact: true }).isVisible(), 'the sign-in e-mail is shown');
  assert.ok(await page.getByText(fr.mon_compte.facteur_email).isVisible());

  // A wrong phone is refused on its field; the rest is kept.
  await page.getByLabel(fr.mon_compte.prenom).fill('Dominique');
  await page.getByLabel(fr.mon_compte.telephone).fill('12');
  await page.getByRole('button', { name: fr.mon_compte.enregistrer }).click();
  await page.waitForFunction(() => document.getElementById('compte-telephone')?.getAttribute('aria-invalid') === 'true');
  assert.equal(await page.getByLabel(fr.mon_compte.prenom).inputValue(), 'Dominique');
  await page.getByLabel(fr.mon_compte.telephone).fill('+33 4 72 00 00 00');
  await page.getByLabel(fr.mon_compte.langue).selectOption('en');
  await page.getByLabel(fr.mon_compte.notifications).uncheck();
  await page.getByRole('button', { name: fr.mon_compte.enregistrer }).click();
  // Saved in English: the interface follows the chosen language at once.
  await page.getByRole('heading', { level: 1, name: en.mon_compte.titre }).waitFor();
  await page.getByText(en.mon_compte.enregistre).waitFor();
  const profil = await (await page.request.get(`${BASE_URL}/portail/v1/compte`)).json();
  assert.equal(profil.prenom, 'Dominique');
  assert.equal(profil.telephone, '+33 4 72 00 00 00');
  assert.equal(profil.langue, 'en');
  assert.equal(profil.notifications, false);
  await page.getByLabel(en.mon_compte.langue).selectOption('fr');
  await page.getByRole('button', { name: en.mon_compte.enregistrer }).click();
  await page.getByRole('heading', { level: 1, name: fr.mon_compte.titre }).waitFor();

  // Password: the confirmation must match, the current one must be right.
  const nouveau = 'Nouveau-Passerelle-2027';
  await page.getByLabel(fr.mon_compte.mot_de_passe_actuel).fill('pas-le-bon');
  await page.getByLabel(fr.mon_compte.nouveau_mot_de_passe, { exact: true }).fill(nouveau);
  await page.getByLabel(fr.mon_compte.confirmation_mot_de_passe).fill(`${nouveau}x`);
  await page.getByRole('button', { name: fr.mon_compte.changer_mot_de_passe }).click();
  await page.getByText(fr.mon_compte.confirmation_differente).waitFor();
  await page.getByLabel(fr.mon_compte.confirmation_mot_de_passe).fill(nouveau);
  await page.getByRole('button', { name: fr.mon_compte.changer_mot_de_passe }).click();
  await page.waitForFunction(() => document.getElementById('compte-mot-de-passe-actuel')?.getAttribute('aria-invalid') === 'true');
  await page.getByLabel(fr.mon_compte.mot_de_passe_actuel).fill(MOT_DE_PASSE);
  await page.getByRole('button', { name: fr.mon_compte.changer_mot_de_passe }).click();
  await page.getByText(fr.mon_compte.mot_de_passe_change).waitFor();
  assert.equal(await page.getByLabel(fr.mon_compte.mot_de_passe_actuel).inputValue(), '', 'the fields are emptied');
  assert.ok((await dernierCourriel(page.request, email, 'MOT_DE_PASSE_CHANGE')).body.includes('modifié'));

  // Authenticator application: QR code and key, a code of the application confirms it.
  await page.getByRole('button', { name: fr.mon_compte.ajouter_application }).click();
  const qr = page.getByRole('img', { name: fr.mon_compte.qr_alt });
  await qr.waitFor();
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn');
  const cle = await page.locator('.enrolement__cle').innerText();
  assert.match(cle, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'compte-code-totp', 'the code field has the focus');
  await capture(page, 'mon-compte-application');
  await page.getByLabel(fr.mon_compte.code).fill('000000');
  await page.getByRole('button', { name: fr.mon_compte.confirmer_application }).click();
  await page.waitForFunction(() => document.getElementById('compte-code-totp')?.getAttribute('aria-invalid') === 'true');
  await page.getByLabel(fr.mon_compte.code).fill(codeTotp(cle));
  await page.getByRole('button', { name: fr.mon_compte.confirmer_application }).click();
  await page.getByText(fr.mon_compte.application_ajoutee).waitFor();
  assert.ok(await page.getByText(fr.mon_compte.facteur_totp).isVisible());

  // Removing it needs the (new) password.
  await page.getByRole('button', { name: fr.mon_compte.retirer_application }).click();
  await page.locator('#compte-mot-de-passe-retrait').fill(nouveau);
  await page.getByRole('button', { name: fr.mon_compte.confirmer_retrait }).click();
  await page.getByText(fr.mon_compte.application_retiree).waitFor();
  assert.ok(await page.getByText(fr.mon_compte.facteur_email).isVisible());
  await capture(page, 'mon-compte');
  assert.deepEqual(erreurs.filter((e) => !/status of 4\d\d/.test(e)), []);
  await contexte.close();
});

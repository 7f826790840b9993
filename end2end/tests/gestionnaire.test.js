// Activités du gestionnaire: a new account asks to be attached to the demo supplier; the demo user
// (its gestionnaire principal) sees the request and approves it with the keyboard; the new user then has
// the structure. Then a service is created and deactivated, and a bank account with a bad IBAN is refused
// on its field before a good one is added and listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { connecterDemo } from './fixtures/session.js';
import { fr, en } from './fixtures/i18n.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA violations axe finds on the page as it is now, one line each. */
async function violations(page) {
  await page.evaluate(AXE);
  const resultats = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return resultats.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const SIRET_DEMO = '80000001000010';
const ID_FOURNISSEUR_DEMO = 26000001;
const t = fr.gestionnaire;

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

/** The text after `marqueur` in the newest e-mail of this kind sent to `adresse`. */
async function extraireCourriel(requete, adresse, kind, marqueur) {
  const reponse = await requete.get(`${BASE_URL}/portail/v1/outbox?to=${encodeURIComponent(adresse)}`);
  assert.equal(reponse.status(), 200);
  const { courriels } = await reponse.json();
  const courriel = courriels.find((c) => c.kind === kind);
  assert.ok(courriel, `a ${kind} e-mail to ${adresse}`);
  const [, suite] = courriel.body.split(marqueur);
  return suite.match(/^[A-Za-z0-9_-]+/)[0];
}

/** Creates, activates and signs in an account through the portal API of this browser context. */
async function nouveauCompte(requete, adresse, motDePasse) {
  const defi = await (await requete.get(`${BASE_URL}/portail/v1/comptes/defi`)).json();
  const [a, b] = defi.question.match(/\d+/g).map(Number);
  const creation = await requete.post(`${BASE_URL}/portail/v1/comptes`, {
    data: {
      email: adresse, emailConfirmation: adresse, nom: 'Bernard', prenom: 'Léa', telephone: '04 72 00 00 00',
      emailContact: adresse, motDePasse, questionSecrete: 'Ville de naissance ?', reponseSecrete: 'Lyon',
      cguAcceptees: true, defiId: defi.id, defiReponse: String(a + b),
    },
  });
  assert.equal(creation.status(), 201, await creation.text());
  const jeton = await extraireCourriel(requete, adresse, 'ACTIVATION', '/activation?jeton=');
  assert.equal((await requete.post(`${BASE_URL}/portail/v1/comptes/activation`, { data: { jeton } })).status(), 200);
  const connexion = await requete.post(`${BASE_URL}/portail/v1/session/connexion`, { data: { email: adresse, motDePasse } });
  assert.equal(connexion.status(), 202, await connexion.text());
  const enAttente = await connexion.json();
  const code = await extraireCourriel(requete, adresse, 'CODE_CONNEXION', 'Passerelle : ');
  const second = await requete.post(`${BASE_URL}/portail/v1/session/second-facteur`, { data: { jeton: enAttente.jeton, code } });
  assert.equal(second.status(), 200, await second.text());
}

/** A French IBAN with a right RIB key and right check digits, from an 11-digit account number. */
function ibanFrancais(compte) {
  const [banque, guichet] = [30004n, 400n];
  const cleRib = 97n - ((89n * banque + 15n * guichet + 3n * BigInt(compte)) % 97n);
  const bban = `${banque}${String(guichet).padStart(5, '0')}${compte}${String(cleRib).padStart(2, '0')}`;
  const chiffres = `${bban}FR00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const cle = 98n - (BigInt(chiffres) % 97n);
  return `FR${String(cle).padStart(2, '0')}${bban}`;
}

test('un gestionnaire accepte une demande de rattachement, crée puis désactive un service et ajoute un compte bancaire', async () => {
  const unique = Date.now();
  const adresse = `rattachement-${unique}@exemple.test`;
  const commentaire = `Nouvelle comptable ${unique}`;

  // The new user: signed in, manages nothing yet, and asks to be attached to the demo supplier.
  const demandeur = await ouvrirPage(navigateur);
  await nouveauCompte(demandeur.page.request, adresse, 'Passerelle-2026!');
  await demandeur.page.goto(`${BASE_URL}/activites-gestionnaire`);
  await demandeur.page.getByRole('heading', { level: 2, name: t.aucune_titre }).waitFor();
  await capture(demandeur.page, 'gestionnaire-aucune-structure');
  assert.deepEqual(await violations(demandeur.page), []);
  const demande = await demandeur.page.request.post(`${BASE_URL}/portail/v1/rattachements`, {
    data: { typeIdentifiant: 'SIRET', identifiant: SIRET_DEMO, commentaire },
  });
  assert.equal(demande.status(), 201, await demande.text());

  // The demo user, gestionnaire principal of the demo supplier, sees it pending.
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  await page.getByRole('link', { name: fr.shell.activites_gestionnaire }).click();
  await page.getByRole('heading', { level: 1, name: fr.shell.activites_gestionnaire }).waitFor();
  const ligne = page.getByRole('row').filter({ hasText: commentaire });
  await ligne.waitFor();
  assert.match(await ligne.innerText(), new RegExp(adresse.replace(/[.]/g, '\\.')));
  await capture(page, 'gestionnaire-demande');
  assert.deepEqual(await violations(page), []);

  // Approved with the keyboard: habilitation chosen in the select, then Accepter.
  await ligne.getByLabel(t.habilitation_accordee).focus();
  await ligne.getByLabel(t.habilitation_accordee).selectOption('MODIFICATION');
  await page.keyboard.press('Tab');
  const accepter = ligne.getByRole('button', { name: `${t.accepter} — Léa Bernard (${adresse})` });
  assert.equal(await accepter.evaluate((b) => b === document.activeElement), true, 'Tab leads to Accepter');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: t.demande_acceptee }).waitFor();
  await page.getByRole('row').filter({ hasText: commentaire }).waitFor({ state: 'detached' });
  // The new user is in the users table with Modification on Factures émises.
  const membre = page.locator('#gestion-utilisateurs').getByRole('row').filter({ hasText: adresse });
  await membre.waitFor();
  assert.equal(await membre.getByLabel(`${t.espace_factures} — Léa Bernard`).inputValue(), 'MODIFICATION');

  // The new user now has the structure, with Modification on Factures émises.
  const habilitations = await (await demandeur.page.request.get(`${BASE_URL}/portail/v1/compte/habilitations`)).json();
  const structure = habilitations.habilitations.find((h) => h.idStructureCPP === ID_FOURNISSEUR_DEMO);
  assert.ok(structure, JSON.stringify(habilitations));
  assert.equal(structure.role, 'UTILISATEUR');
  assert.deepEqual(structure.espaces[0], { espace: 'FACTURES_EMISES', consultation: true, modification: true });
  await demandeur.contexte.close();

  // A service, created with Enter in the form, then deactivated.
  const code = `ATELIER-${unique}`;
  const services = page.locator('#gestion-services');
  await services.getByLabel(t.code_service).fill(code);
  await services.getByLabel(t.libelle_service).fill('Atelier de Villeurbanne');
  await services.getByLabel(t.libelle_service).press('Enter');
  await page.getByRole('status').filter({ hasText: t.service_cree }).waitFor();
  const ligneService = services.getByRole('row').filter({ hasText: code });
  await ligneService.getByText(t.actif, { exact: true }).waitFor();
  await ligneService.getByRole('button', { name: `${t.desactiver} — ${code}` }).press('Enter');
  await services.getByRole('row').filter({ hasText: code }).getByText(t.inactif, { exact: true }).waitFor();
  const annuaire = await (await page.request.post(`${BASE_URL}/cpro/structures/v1/rechercher/services`, {
    data: { idStructure: ID_FOURNISSEUR_DEMO, parametresRechercherServicesStructure: { nbResultatsParPage: 1000 } },
  })).json();
  const service = annuaire.listeServices.find((s) => s.codeService === code);
  assert.equal(service?.estActif, false, JSON.stringify(annuaire));

  // A bank account: a wrong check digit is refused on the IBAN field as it is typed, and when sent.
  const comptes = page.locator('#gestion-comptes');
  const nom = `Compte travaux ${unique}`;
  await comptes.getByLabel(t.nom_compte).fill(nom);
  await comptes.getByLabel(t.titulaire).fill('PASSERELLE DEMO SARL');
  const champIban = comptes.getByLabel(t.iban, { exact: true });
  await champIban.pressSequentially('fr7730006000011234567890189');
  assert.equal(await champIban.inputValue(), 'FR77 3000 6000 0112 3456 7890 189');
  assert.equal(await champIban.getAttribute('aria-invalid'), 'true');
  await comptes.locator('#compte-iban-messages').getByText(t.iban_invalide).waitFor();
  await comptes.getByLabel(t.bic).fill('BNPAFRPP');
  await comptes.getByRole('button', { name: t.ajouter_compte }).click();
  await page.getByRole('status').filter({ hasText: t.a_corriger }).waitFor();
  assert.equal(await champIban.getAttribute('aria-invalid'), 'true');
  await capture(page, 'gestionnaire-iban-invalide');
  assert.deepEqual(await violations(page), []);

  const iban = ibanFrancais(String(unique % 1e11).padStart(11, '0'));
  await champIban.fill('');
  await champIban.pressSequentially(iban.toLowerCase());
  await comptes.locator('#compte-iban-messages').getByText(t.iban_valide).waitFor();
  assert.equal(await champIban.getAttribute('aria-invalid'), 'false');
  await champIban.press('Enter');
  await page.getByRole('status').filter({ hasText: t.compte_ajoute }).waitFor();
  const ligneCompte = comptes.getByRole('row').filter({ hasText: nom });
  await ligneCompte.waitFor();
  assert.match(await ligneCompte.innerText(), new RegExp(iban.match(/.{1,4}/g).join(' ')));
  assert.equal(await champIban.inputValue(), '');
  // The invoice forms' choice (recuperer/coordbanc/valides) offers it.
  const valides = await (await page.request.post(`${BASE_URL}/cpro/transverses/v1/recuperer/coordbanc/valides`, {
    data: { idStructure: ID_FOURNISSEUR_DEMO },
  })).json();
  assert.ok(valides.listeCoordonneeBancaire.some((c) => c.nomCoordonneeBancaire === nom), JSON.stringify(valides));
  // Deactivated again (the other journeys see the demo supplier's usual accounts).
  await ligneCompte.getByRole('button', { name: `${t.desactiver} — ${nom}` }).press('Enter');
  await comptes.getByRole('row').filter({ hasText: nom }).getByText(t.desactive, { exact: true }).waitFor();
  const apres = await (await page.request.post(`${BASE_URL}/cpro/transverses/v1/recuperer/coordbanc/valides`, {
    data: { idStructure: ID_FOURNISSEUR_DEMO },
  })).json();
  assert.ok(!apres.listeCoordonneeBancaire.some((c) => c.nomCoordonneeBancaire === nom), JSON.stringify(apres));

  // The principal turns the Sollicitations espace off: nobody attached reaches it, then turns it on again.
  const espaces = page.locator('#gestion-espaces');
  await espaces.getByRole('row').filter({ hasText: t.espace_factures }).waitFor();
  const ligneSollicitations = espaces.getByRole('row').filter({ hasText: t.espace_sollicitations_texte });
  await ligneSollicitations.getByRole('button', { name: `${t.desactiver} — ${t.espace_sollicitations}` }).click();
  await ligneSollicitations.getByText(t.inactif, { exact: true }).waitFor();
  await espaces.getByText(t.espace_desactive).waitFor();
  const droitsSollicitations = async () => {
    const { habilitations } = await (await page.request.get(`${BASE_URL}/portail/v1/compte/habilitations`)).json();
    return habilitations.find((h) => h.idStructureCPP === ID_FOURNISSEUR_DEMO)
      .espaces.find((e) => e.espace === 'SOLLICITATIONS');
  };
  assert.equal((await droitsSollicitations()).consultation, false);
  await capture(page, 'gestionnaire-espace-desactive');
  await ligneSollicitations.getByRole('button', { name: `${t.activer} — ${t.espace_sollicitations}` }).press('Enter');
  await ligneSollicitations.getByText(t.actif, { exact: true }).waitFor();
  assert.equal((await droitsSollicitations()).consultation, true);
  await capture(page, 'gestionnaire-fin');
  // In English too.
  await page.getByRole('button', { name: fr.shell.changer_langue }).click();
  await page.getByRole('heading', { level: 2, name: en.gestionnaire.comptes_titre }).waitFor();
  assert.deepEqual(await violations(page), []);
  // The refused account (422) is the one failed request the browser logs.
  assert.deepEqual(erreurs.filter((e) => !/status of 422/.test(e)), []);
  await contexte.close();
});

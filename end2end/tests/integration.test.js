// Embedded in an intranet page: the example host (end2end/hote) on another site frames the application,
// which signs in with third-party cookies blocked, takes a prefilled draft, sends it and tells the host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr, en } from './fixtures/i18n.js';
import { DEMO } from './fixtures/connexion_page.js';
import { FACTURE_DEMO, SIRET_STRUCTURE_DEMO } from './fixtures/pdf.js';
import { demarrerHote } from '../hote/serveur.js';

let navigateur;
let hote;
/** The host page's origin: another site than the application's (localhost vs 127.0.0.1). */
let ORIGINE_HOTE;

before(async () => {
  navigateur = await lancerNavigateur();
  const nomHote = new URL(BASE_URL).hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  hote = await demarrerHote({ port: 0, host: nomHote });
  ORIGINE_HOTE = `http://${nomHote}:${hote.address().port}`;
});
after(async () => {
  await navigateur?.close();
  hote?.close();
});

/**
 * Opens the host page framing the application, whose settings allow `autorisees` as parent origins.
 * Third-party cookies are blocked (as Chromium does by default, and said again through CDP).
 */
async function ouvrirHote(autorisees) {
  // Tall enough for the whole host page: a full-page capture then needs no resize, which would leave
  // the cross-site frame unpainted in the screenshot.
  const ouverte = await ouvrirPage(navigateur, { viewport: { width: 1280, height: 1100 } });
  const { contexte, page } = ouverte;
  await contexte.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json',
    // Statuses looked at every 2 s, so that a status change reaches the host quickly.
    body: JSON.stringify({ locale: 'fr', embed: { allowedParentOrigins: autorisees }, notifications: { pollSeconds: 2 } }),
  }));
  const cdp = await contexte.newCDPSession(page);
  await cdp.send('Network.setCookieControls', {
    enableThirdPartyCookieRestriction: true,
    disableThirdPartyCookieMetadata: true,
    disableThirdPartyCookieHeuristics: true,
  });
  ouverte.avertissements = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') ouverte.avertissements.push(message.text());
  });
  await page.goto(`${ORIGINE_HOTE}/?app=${encodeURIComponent(`${BASE_URL}/`)}`);
  ouverte.cadre = page.frameLocator('#passerelle');
  return ouverte;
}

/** Waits for the host to have received a message of this type; returns it. */
async function attendreMessage(page, type, timeout = 15000) {
  const poignee = await page.waitForFunction(
    (t) => window.messagesRecus.find((m) => m.type === t),
    type,
    { timeout },
  );
  return poignee.jsonValue();
}

async function connecterDansLeCadre(cadre) {
  await cadre.getByRole('heading', { level: 1, name: fr.connexion.titre }).waitFor();
  await cadre.getByLabel(fr.connexion.email).fill(DEMO.email);
  await cadre.getByLabel(fr.connexion.mot_de_passe).fill(DEMO.motDePasse);
  await cadre.getByRole('button', { name: fr.connexion.bouton }).click();
  await cadre.getByRole('heading', { level: 1, name: fr.accueil.titre }).waitFor();
}

test('le serveur laisse la page hôte afficher l’application dans un cadre', async () => {
  const reponse = await fetch(`${BASE_URL}/`);
  const csp = reponse.headers.get('content-security-policy') ?? '';
  const ancetres = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-ancestors')) ?? '';
  const nomHote = new URL(ORIGINE_HOTE).hostname;
  assert.ok(
    ancetres.includes(ORIGINE_HOTE) || ancetres.includes(`http://${nomHote}:*`),
    `start the server with --frame-ancestors "'self' http://${nomHote}:*" (CSP: ${ancetres})`,
  );
  assert.equal(reponse.headers.get('x-frame-options'), null);
});

test('intégrée dans un intranet : connexion sans cookie tiers, brouillon prérempli, facture envoyée, langue, déconnexion', async () => {
  const { contexte, page, erreurs, cadre } = await ouvrirHote([ORIGINE_HOTE]);
  const pret = await attendreMessage(page, 'ready');
  assert.deepEqual(pret, { type: 'ready', version: 1, locale: 'fr' });

  // The frame is a third-party context: the browser refuses it storage (and unpartitioned cookies).
  const frame = page.frames().find((f) => f.url().startsWith(BASE_URL));
  const tiers = await frame.evaluate(async () => {
    let stockage = 'accessible';
    try { window.localStorage.length; } catch { stockage = 'refusé'; }
    return { stockage, acces: await document.hasStorageAccess() };
  });
  assert.deepEqual(tiers, { stockage: 'refusé', acces: false }, 'third-party storage and cookies are blocked');

  await connecterDansLeCadre(cadre);
  const connecte = await attendreMessage(page, 'signed-in');
  assert.equal(connecte.email, DEMO.email);

  // The host hands a PDF over (printed code service SFACETAT) with a field that overrides it.
  const numero = `E2E-IF-${Date.now() % 1e8}`;
  await page.getByLabel('Champs (JSON, clés du contrat d’extraction)').fill(JSON.stringify({ service_code: 'SGC-ACHATS' }));
  await page.getByLabel('PDF de la facture (facultatif)').setInputFiles({
    name: 'intranet.pdf',
    mimeType: 'application/pdf',
    buffer: FACTURE_DEMO.pdf({ numero, siret: SIRET_STRUCTURE_DEMO, service: 'SFACETAT' }),
  });
  await page.getByRole('button', { name: 'Préremplir' }).click();
  const enregistre = await attendreMessage(page, 'invoice-saved');
  assert.equal(enregistre.version, 1);
  assert.equal(enregistre.number, numero);
  assert.equal(enregistre.fileName, 'intranet.pdf');

  await cadre.getByRole('heading', { level: 1, name: fr.deposer.titre }).waitFor();
  assert.equal(await cadre.getByLabel(fr.deposer.champ_invoice_number).inputValue(), numero);
  assert.equal(await cadre.getByLabel(fr.deposer.champ_service_code).inputValue(), 'SGC-ACHATS');
  await cadre.getByText(fr.deposer.resume_ok).waitFor();
  await capture(page, 'integration-brouillon-prerempli');

  await cadre.getByRole('button', { name: fr.envoi.envoyer, exact: true }).click();
  const dialogue = cadre.getByRole('dialog', { name: fr.envoi.confirmation_titre });
  await dialogue.getByRole('button', { name: fr.envoi.confirmer }).click();
  await cadre.getByRole('heading', { name: fr.envoi.recap_titre }).waitFor();

  const envoyee = await attendreMessage(page, 'invoice-sent');
  assert.equal(envoyee.version, 1);
  assert.equal(envoyee.number, numero);
  assert.equal(envoyee.draftId, enregistre.draftId);
  assert.match(envoyee.recipient, /11000201100044/);
  assert.match(envoyee.recipient, /SGC-ACHATS/);
  assert.deepEqual(envoyee.amounts, { ht: '1000.00', vat: '200.00', ttc: '1200.00', due: '1200.00' });
  assert.match(envoyee.certificate, /^[A-Za-z0-9+/]{43}=$/);
  assert.ok(Number.isInteger(envoyee.identifiantFactureCpp), 'identifiantFactureCPP');
  assert.match(await page.locator('#journal').innerText(), /invoice-sent/);
  await capture(page, 'integration-facture-envoyee');

  // The recipient suspends it (played from another browser of the demo account): the host is told.
  const destinataire = await navigateur.newContext();
  assert.equal((await destinataire.request.post(`${BASE_URL}/portail/v1/session/connexion`, { data: DEMO })).status(), 200);
  const traitement = await destinataire.request.post(`${BASE_URL}/portail/v1/simulation/factures/traiter`, {
    data: { identifiantFactureCPP: envoyee.identifiantFactureCpp, nouveauStatut: 'SUSPENDUE', motif: 'Bon de livraison manquant' },
  });
  assert.equal(traitement.status(), 200, await traitement.text());
  await destinataire.close();
  const change = await page.waitForFunction(
    (n) => window.messagesRecus.find((m) => m.type === 'status-changed' && m.number === n && m.status === 'SUSPENDUE'),
    numero,
    { timeout: 20000 },
  );
  const statut = await change.jsonValue();
  assert.equal(statut.version, 1);
  assert.equal(statut.identifiantFactureCpp, envoyee.identifiantFactureCpp);

  // set-locale: the interface switches to English.
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await page.getByRole('button', { name: 'Changer la langue' }).click();
  await cadre.getByRole('heading', { level: 1, name: en.deposer.titre }).waitFor();

  // sign-out: the session ends on the server too.
  await page.getByRole('button', { name: 'Déconnecter' }).click();
  await attendreMessage(page, 'signed-out');
  await cadre.getByRole('heading', { level: 1, name: en.connexion.titre }).waitFor();
  const session = await frame.evaluate(async () => (await fetch('/portail/v1/session')).json());
  assert.equal(session.utilisateur, null);
  await capture(page, 'integration-deconnexion');

  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('une page hôte dont l’origine n’est pas autorisée n’est pas écoutée et ne reçoit rien', async () => {
  const { contexte, page, erreurs, cadre, avertissements } = await ouvrirHote(['https://intranet.example']);
  await connecterDansLeCadre(cadre);
  await page.getByRole('button', { name: 'Préremplir' }).click();
  // Wait for this exact warning: Chromium logs other warnings that also say "ignored" (preload integrity).
  const ignore = `message from \`${ORIGINE_HOTE}\` ignored`;
  const attendre = Date.now() + 15000;
  while (Date.now() < attendre && !avertissements.some((a) => a.includes(ignore))) {
    await page.waitForTimeout(100);
  }
  assert.ok(
    avertissements.some((a) => a.includes(ignore)),
    `logged: ${avertissements.join(' | ')}`,
  );
  assert.ok(await cadre.getByRole('heading', { level: 1, name: fr.accueil.titre }).isVisible(), 'no prefill opened');
  assert.deepEqual(await page.evaluate(() => window.messagesRecus), [], 'nothing posted to a host not allowed');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('un brouillon envoyé avant la connexion s’ouvre après elle ; un message mal formé est refusé avec sa raison', async () => {
  const { contexte, page, erreurs, cadre } = await ouvrirHote([ORIGINE_HOTE]);
  await attendreMessage(page, 'ready');
  const numero = `E2E-IFA-${Date.now() % 1e8}`;
  await page.getByLabel('Champs (JSON, clés du contrat d’extraction)').fill(JSON.stringify({ invoice_number: numero }));
  await page.getByRole('button', { name: 'Préremplir' }).click();
  // Not signed in yet: the draft waits behind the connexion screen, and opens once signed in.
  await cadre.getByRole('heading', { level: 1, name: fr.connexion.titre }).waitFor();
  await cadre.getByLabel(fr.connexion.email).fill(DEMO.email);
  await cadre.getByLabel(fr.connexion.mot_de_passe).fill(DEMO.motDePasse);
  await cadre.getByRole('button', { name: fr.connexion.bouton }).click();
  await cadre.getByRole('heading', { level: 1, name: fr.deposer.titre }).waitFor();
  assert.equal(await cadre.getByLabel(fr.deposer.champ_invoice_number).inputValue(), numero);
  // Fields only, no PDF: the form says where the values come from.
  await cadre.getByText(fr.deposer.source_hote).waitFor();
  assert.equal(await cadre.getByText(fr.deposer.source_texte).count(), 0);
  const enregistre = await attendreMessage(page, 'invoice-saved');
  assert.equal(enregistre.number, numero);

  // A field that does not exist is refused, and the host is told why.
  await page.evaluate(() => document.getElementById('passerelle').contentWindow.postMessage(
    { type: 'prefill-draft', version: 1, fields: { mot_de_passe: 'x' } },
    new URL(document.getElementById('passerelle').src).origin,
  ));
  const refus = await attendreMessage(page, 'rejected');
  assert.equal(refus.inReplyTo, 'prefill-draft');
  assert.match(refus.reason, /unknown field `mot_de_passe`/);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

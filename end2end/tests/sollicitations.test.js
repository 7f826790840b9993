// Sollicitations: one created from an invoice's page (subject forgotten first, shown on its field), answered
// « Résolu » by the simulated recipient, its solution accepted; another reopened and answered with a file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr, en } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { soumettreFacture } from './fixtures/chorus.js';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

/** A number no other test uses (invoice numbers: 20 characters at most). */
function unique(prefixe) {
  return `${prefixe}-${Date.now().toString(36).toUpperCase()}`;
}

/** The simulated recipient answers, optionally setting a status. */
async function repondre(page, id, texte, statut) {
  const reponse = await page.request.post(`${BASE_URL}/portail/v1/simulation/sollicitations/${id}/repondre`, {
    data: { texte, statut },
  });
  assert.equal(reponse.status(), 200, await reponse.text());
}

function badgeStatut(page) {
  return page.locator('.statut-courant .badge');
}

test('une sollicitation créée depuis une facture est résolue, puis sa solution acceptée', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  const numero = unique('E2E-SOL');
  const idFacture = await soumettreFacture(page, numero);

  await page.goto(`${BASE_URL}/factures-emises/facture/${idFacture}`);
  const lien = page.getByRole('link', { name: fr.sollicitations.creer_sur_facture });
  await lien.waitFor();
  await capture(page, 'sollicitations-depuis-facture');
  await lien.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: fr.sollicitations.nouvelle }).waitFor();

  // The object comes from the invoice; the category follows from it.
  assert.equal(await page.getByLabel(fr.sollicitations.type_objet).inputValue(), 'FACTURE');
  assert.equal(await page.getByLabel(fr.sollicitations.numero_objet).inputValue(), numero);
  assert.equal(await page.getByLabel(fr.sollicitations.categorie, { exact: true }).inputValue(), 'FACTURE');
  await page.getByLabel(fr.sollicitations.sous_categorie).selectOption('RETARD_PAIEMENT');
  await page.getByLabel(fr.sollicitations.description).fill('Facture validée il y a 40 jours, toujours pas payée.');

  // Subject forgotten: the server's message is shown under the field, which gets the focus.
  await page.getByRole('button', { name: fr.sollicitations.creer }).click();
  const sujet = page.getByLabel(fr.sollicitations.sujet);
  await page.locator('#sollicitation-sujet[aria-invalid="true"]').waitFor();
  assert.match(await page.locator('#sollicitation-sujet-messages').innerText(), /obligatoire/);
  await page.waitForFunction(() => document.activeElement?.id === 'sollicitation-sujet');
  await capture(page, 'sollicitations-formulaire-erreur');

  const titre = `Paiement en retard ${numero}`;
  await page.keyboard.type(titre);
  await page.keyboard.press('Enter');
  const h1 = page.getByRole('heading', { level: 1, name: new RegExp(titre) });
  await h1.waitFor();
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  assert.ok(id > 0, page.url());
  assert.equal(await badgeStatut(page).innerText(), 'Ouvert');
  assert.ok(await page.getByRole('link', { name: fr.sollicitations.voir_facture }).isVisible());

  // Listed « Ouvert ».
  await page.getByRole('link', { name: fr.sollicitations.retour_liste }).click();
  const ligne = page.getByRole('row', { name: new RegExp(titre) });
  await ligne.waitFor();
  assert.match(await ligne.innerText(), /Ouvert/);
  await capture(page, 'sollicitations-liste');

  // The recipient answers with a solution.
  const solution = `Le paiement de ${numero} part demain.`;
  await repondre(page, id, solution, 'RESOLU');
  await ligne.getByRole('link', { name: titre }).click();
  await h1.waitFor();
  await page.getByText(solution).waitFor();
  assert.equal(await badgeStatut(page).innerText(), 'Résolu');
  await page.getByText(fr.sollicitations.info_resolu).waitFor();
  assert.equal(await page.getByLabel(fr.sollicitations.reponse).count(), 0, 'no reply box when resolved');
  await capture(page, 'sollicitations-resolue');

  const accepter = page.getByRole('button', { name: fr.sollicitations.accepter });
  await accepter.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.statut-courant .badge')?.textContent === 'Fermé');
  assert.equal(await accepter.count(), 0);
  assert.ok(await page.getByRole('button', { name: fr.sollicitations.rouvrir }).isVisible());
  await page.getByRole('status').filter({ hasText: fr.sollicitations.statut_mis_a_jour }).waitFor({ state: 'attached' });

  // Accepted, it is listed under « Clôturés ».
  await page.getByRole('link', { name: fr.sollicitations.retour_liste }).click();
  const clotures = page.getByRole('tab', { name: new RegExp(`^${fr.sollicitations.onglet_clotures}`) });
  await clotures.click();
  assert.equal(await clotures.getAttribute('aria-selected'), 'true');
  const fermee = page.getByRole('tabpanel').getByRole('row', { name: new RegExp(titre) });
  await fermee.waitFor();
  assert.match(await fermee.innerText(), /Fermé/);
  // The one console error is the browser's note of the 422 that refused the missing subject.
  assert.deepEqual(erreurs.filter((e) => !/status of 422/.test(e)), []);
  await contexte.close();
});

test('une sollicitation résolue est rouverte et reçoit un message avec une pièce jointe', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  const sujet = unique('Rattachement');
  const creation = await page.request.post(`${BASE_URL}/portail/v1/sollicitations`, {
    data: { categorie: 'STRUCTURE_COMPTE', sousCategorie: 'RATTACHEMENT', sujet, description: 'Ma demande attend.' },
  });
  assert.equal(creation.status(), 201, await creation.text());
  const { id } = await creation.json();
  await repondre(page, id, 'Demande acceptée par le gestionnaire.', 'RESOLU');

  await page.goto(`${BASE_URL}/sollicitations/${id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(sujet) }).waitFor();
  await page.getByRole('button', { name: fr.sollicitations.rouvrir }).click();
  await page.waitForFunction(() => document.querySelector('.statut-courant .badge')?.textContent === 'Ouvert');
  await page.getByRole('button', { name: fr.sollicitations.cloturer }).waitFor();

  // A forbidden file is refused on its field before sending.
  const piece = page.locator('#sollicitation-reponse-piece');
  await piece.setInputFiles({ name: 'outil.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await page.getByText(fr.sollicitations.piece_refusee).waitFor();
  await piece.setInputFiles({ name: 'attestation.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 attestation') });
  await page.getByText(/attestation\.pdf \(20/).waitFor();
  await page.getByLabel(fr.sollicitations.reponse).fill('Le rattachement n’apparaît toujours pas : voici l’attestation.');
  await page.getByRole('button', { name: fr.sollicitations.envoyer }).click();
  const lienPiece = page.getByRole('link', { name: 'attestation.pdf' });
  await lienPiece.waitFor();
  const telechargement = await page.request.get(new URL(await lienPiece.getAttribute("href"), BASE_URL).href);
  assert.equal(await telechargement.text(), '%PDF-1.4 attestation');
  assert.equal(await page.locator('.fil-sollicitation > li').count(), 4);
  await capture(page, 'sollicitations-fil');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

/** Fails with axe-core's WCAG 2.1 A/AA violations on the page as it is now. */
async function verifierAccessibilite(page, ecran) {
  await page.evaluate(AXE);
  const resultats = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const trouvees = resultats.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(trouvees, [], `${ecran}:\n${trouvees.join('\n')}`);
}

test('les écrans des sollicitations respectent WCAG 2.1 AA, en français et en anglais', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  for (const textes of [fr, en]) {
    if (textes === en) {
      await page.getByRole('button', { name: fr.shell.changer_langue_aria }).click();
    }
    await page.goto(`${BASE_URL}/sollicitations`);
    await page.getByRole('heading', { level: 1, name: textes.sollicitations.titre }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await verifierAccessibilite(page, `liste ${textes === fr ? 'fr' : 'en'}`);
    await page.getByRole('link', { name: textes.sollicitations.nouvelle }).click();
    await page.getByLabel(textes.sollicitations.categorie, { exact: true }).selectOption('FACTURE');
    await page.getByRole('button', { name: textes.sollicitations.creer }).click();
    await page.locator('#sollicitation-sujet[aria-invalid="true"]').waitFor();
    await verifierAccessibilite(page, `formulaire en erreur ${textes === fr ? 'fr' : 'en'}`);
    if (textes === en) await capture(page, 'sollicitations-formulaire-en');
    await page.getByRole('link', { name: textes.sollicitations.retour_liste }).click();
    await page.getByRole('row').nth(1).getByRole('link').click();
    await page.locator('.fil-sollicitation').waitFor();
    await verifierAccessibilite(page, `détail ${textes === fr ? 'fr' : 'en'}`);
  }
  assert.deepEqual(erreurs.filter((e) => !/status of 422/.test(e)), []);
  await contexte.close();
});

/** A sollicitation created through the API; returns its id. */
async function creerParApi(page, corps) {
  const reponse = await page.request.post(`${BASE_URL}/portail/v1/sollicitations`, { data: corps });
  assert.equal(reponse.status(), 201, await reponse.text());
  return (await reponse.json()).id;
}

test('la liste se classe par onglets au clavier, se cherche, se trie et s’exporte ; un brouillon survit au rechargement', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur, { acceptDownloads: true });
  await connecterDemo(page, fr);
  const mot = unique('Zq').replace('-', '');
  const question = (sujet) => ({ categorie: 'AUTRE', sousCategorie: 'QUESTION_GENERALE', sujet, description: `Question ${mot}` });
  const attente = await creerParApi(page, question(`Bravo ${mot}`));
  await repondre(page, attente, 'Merci de joindre votre RIB.', 'EN_ATTENTE_INFORMATIONS');
  await creerParApi(page, question(`Alpha ${mot}`));
  await creerParApi(page, { ...question(`Delta ${mot}`), description: `Règlement attendu ${mot}` });
  const resolue = await creerParApi(page, question(`Charlie ${mot}`));
  await repondre(page, resolue, 'Voici la réponse.', 'RESOLU');

  // Something waits for the user: the list opens on « Actions requises ».
  await page.goto(`${BASE_URL}/sollicitations`);
  const onglet = (cle) => page.getByRole('tab', { name: new RegExp(`^${fr.sollicitations[cle]}`) });
  await page.getByRole('tabpanel').getByRole('link', { name: `Bravo ${mot}` }).waitFor();
  assert.equal(await onglet('onglet_actions').getAttribute('aria-selected'), 'true');
  assert.equal(await page.getByRole('tablist', { name: fr.sollicitations.onglets }).getByRole('tab').count(), 4);

  // Searching the word counts the matches in every tab's label (accents and case ignored).
  await page.getByLabel(fr.sollicitations.recherche).fill(mot.toLowerCase());
  await page.waitForFunction((m) => document.querySelector('#onglet-en-cours')?.textContent.endsWith('(2)'), mot);
  assert.match(await onglet('onglet_actions').innerText(), /\(1\)$/);
  assert.match(await onglet('onglet_clotures').innerText(), /\(1\)$/);
  await capture(page, 'sollicitations-onglets');

  // Arrow keys move between tabs (and wrap), Home and End go to the ends; the focus follows.
  await onglet('onglet_actions').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.id === 'onglet-en-cours');
  assert.equal(await onglet('onglet_en_cours').getAttribute('aria-selected'), 'true');
  assert.equal(await onglet('onglet_actions').getAttribute('tabindex'), '-1');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.activeElement?.id === 'onglet-brouillons');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.id === 'onglet-actions');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.id === 'onglet-en-cours');
  const panneau = page.getByRole('tabpanel');
  assert.equal(await panneau.getAttribute('aria-labelledby'), 'onglet-en-cours');
  const sujets = async () => (await panneau.locator('tbody tr td:nth-child(2)').allInnerTexts());
  await panneau.getByRole('link', { name: `Alpha ${mot}` }).waitFor();

  // A search word of one description only.
  await page.getByLabel(fr.sollicitations.recherche).fill(`reglement ${mot}`);
  await page.waitForFunction(() => document.querySelectorAll('[role=tabpanel] tbody tr').length === 1);
  assert.deepEqual(await sujets(), [`Delta ${mot}`]);
  await page.getByLabel(fr.sollicitations.recherche).fill(mot);

  // Sorting by subject with the keyboard: ascending, then descending.
  const entete = panneau.getByRole('columnheader', { name: fr.sollicitations.col_sujet });
  await entete.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]')?.textContent.length > 0);
  assert.equal(await entete.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await sujets(), [`Alpha ${mot}`, `Delta ${mot}`]);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]'));
  assert.deepEqual(await sujets(), [`Delta ${mot}`, `Alpha ${mot}`]);
  assert.equal(await panneau.getByRole('columnheader', { name: fr.sollicitations.col_modifiee }).getAttribute('aria-sort'), 'none');

  // The export is the list as shown: same rows, same order, French dates, `;`, BOM.
  await panneau.getByRole('button', { name: fr.sollicitations.exporter_csv }).focus();
  const [telechargement] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(telechargement.suggestedFilename(), /^sollicitations-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await telechargement.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 byte order mark');
  const lignes = csv.slice(1).trim().split('\r\n');
  assert.equal(lignes[0], 'Numéro;Sujet;Catégorie;Objet;Destinataire;Statut;Créée le;Dernière activité');
  assert.equal(lignes.length, 3, csv);
  assert.match(lignes[1], new RegExp(`^\\d+;Delta ${mot};Autre demande — Question générale;;Support Chorus Pro \\(AIFE\\);Ouvert;\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2};`));
  assert.match(lignes[2], new RegExp(`;Alpha ${mot};`));
  await page.getByRole('status').filter({ hasText: fr.sollicitations.export_fait }).waitFor({ state: 'attached' });

  // A creation form left unsent is a draft: it survives a reload, reopens, and is deleted.
  await page.goto(`${BASE_URL}/sollicitations/nouvelle`);
  await page.getByLabel(fr.sollicitations.categorie, { exact: true }).selectOption('AUTRE');
  await page.getByLabel(fr.sollicitations.sujet).fill(`Brouillon ${mot}`);
  await page.getByText(fr.sollicitations.brouillon_enregistre).waitFor();
  await page.reload();
  await page.goto(`${BASE_URL}/sollicitations?onglet=brouillons`);
  const ligneBrouillon = page.getByRole('tabpanel').getByRole('row', { name: new RegExp(`Brouillon ${mot}`) });
  await ligneBrouillon.waitFor();
  assert.match(await onglet('onglet_brouillons').innerText(), /\(1\)$/);
  await capture(page, 'sollicitations-brouillons');
  await ligneBrouillon.getByRole('link', { name: new RegExp(fr.sollicitations.reprendre) }).click();
  await page.getByRole('heading', { level: 1, name: fr.sollicitations.nouvelle }).waitFor();
  assert.equal(await page.getByLabel(fr.sollicitations.sujet).inputValue(), `Brouillon ${mot}`);
  assert.equal(await page.getByLabel(fr.sollicitations.categorie, { exact: true }).inputValue(), 'AUTRE');
  await page.getByRole('link', { name: fr.sollicitations.retour_liste }).click();
  await onglet('onglet_en_cours').waitFor();
  await onglet('onglet_brouillons').click();
  await ligneBrouillon.getByRole('button', { name: new RegExp(fr.sollicitations.supprimer_brouillon) }).focus();
  await page.keyboard.press('Enter');
  await ligneBrouillon.waitFor({ state: 'detached' });
  await page.getByText(fr.sollicitations.brouillons_vide).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'panneau-sollicitations');
  await page.reload();
  await page.getByText(fr.sollicitations.brouillons_vide).waitFor();
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('une sollicitation sur un engagement exige la structure publique destinataire', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  await page.goto(`${BASE_URL}/sollicitations/nouvelle`);
  const siret = page.getByLabel(fr.sollicitations.siret_destinataire);
  await page.getByLabel(fr.sollicitations.categorie, { exact: true }).selectOption('AUTRE');
  assert.equal(await siret.count(), 0, 'the support needs no recipient');
  await page.getByLabel(fr.sollicitations.categorie, { exact: true }).selectOption('ENGAGEMENT');
  await page.getByLabel(fr.sollicitations.sous_categorie).selectOption('ENGAGEMENT_INCONNU');
  await page.getByLabel(fr.sollicitations.type_objet).selectOption('ENGAGEMENT');
  await page.getByLabel(fr.sollicitations.numero_objet).fill('EJ-2026-88');
  const sujet = unique('Engagement');
  await page.getByLabel(fr.sollicitations.sujet).fill(sujet);
  await page.getByLabel(fr.sollicitations.description).fill('Le numéro d’engagement est refusé au dépôt.');
  await siret.waitFor();

  // Missing: the server says so on the field, which gets the focus.
  await page.getByRole('button', { name: fr.sollicitations.creer }).click();
  await page.locator('#sollicitation-siret-destinataire[aria-invalid="true"]').waitFor();
  assert.match(await page.locator('#sollicitation-siret-destinataire-messages').innerText(), /structure publique/);
  await page.waitForFunction(() => document.activeElement?.id === 'sollicitation-siret-destinataire');
  await capture(page, 'sollicitations-siret-destinataire');
  // A wrong check digit is caught before sending; a SIRET outside the public directory by the server.
  await siret.fill('11000201100045');
  await page.getByRole('button', { name: fr.sollicitations.creer }).click();
  await page.getByText(fr.sollicitations.siret_invalide).waitFor();
  await siret.fill('80000001000010');
  await page.getByRole('button', { name: fr.sollicitations.creer }).click();
  await page.getByText(/Aucune structure publique/).waitFor();

  await siret.fill('110 002 011 00044');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: new RegExp(sujet) }).waitFor();
  assert.match(await page.locator('.recapitulatif').innerText(), /ETAT - SERVICES CENTRAUX/);
  // Sent: its draft is gone.
  await page.goto(`${BASE_URL}/sollicitations?onglet=brouillons`);
  await page.getByRole('tabpanel').waitFor();
  assert.equal(await page.getByRole('tabpanel').getByRole('row', { name: new RegExp(sujet) }).count(), 0);
  assert.deepEqual(erreurs.filter((e) => !/status of 422/.test(e)), []);
  await contexte.close();
});

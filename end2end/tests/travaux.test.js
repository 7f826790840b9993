// Factures de travaux: a piece typed in the form (amounts computed live, what is missing listed), validated
// by the conducteur then finally, sent by itself once its delay passed on the sandbox clock; another one
// cancelled before its delay stays ready; an incomplete one says exactly what is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { avancerHorloge, ID_STRUCTURE_DEMO } from './fixtures/chorus.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

const t = fr.travaux;

/** A complete piece, as a site software would send it. */
function piece(numero, lot) {
  return {
    idStructureCPP: ID_STRUCTURE_DEMO, cadre: 'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR', numero, mois: '2026-11-01',
    lot, entreprise: 'PASSERELLE DEMO SARL', numeroMarche: 'M-2026-014', ordreService: 'OS-7',
    siretDestinataire: '21310000100014', siretMoe: '82345678500018',
    previsionHt: '50000', avancement: '40', dejaFactureHt: '10000', tauxTva: '20',
  };
}

async function creer(page, corps) {
  const reponse = await page.request.post(`${BASE_URL}/portail/v1/travaux/situations`, { data: corps });
  assert.equal(reponse.status(), 201, await reponse.text());
  return (await reponse.json()).situation.id;
}

async function agir(page, id, action) {
  const reponse = await page.request.post(`${BASE_URL}/portail/v1/travaux/situations/${id}/${action}`, { data: {} });
  assert.equal(reponse.status(), 200, await reponse.text());
}

/** Text with the narrow no-break spaces of French amounts made plain. */
const plat = (texte) => texte.replace(/[\u202f\u00a0]/g, ' ');

test('une situation validée part seule après son délai, une autre annulée reste prête, une incomplète dit ce qui manque', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur, { viewport: { width: 1400, height: 1000 } });
  await connecterDemo(page, fr);
  const suffixe = String(Date.now() % 1e7);
  const numero = `SIT-E2E-${suffixe}`;
  const lot = `Lot 07 — Peinture ${suffixe}`;

  await page.goto(`${BASE_URL}/factures-emises`);
  await page.getByRole('link', { name: t.lien }).click();
  await page.getByRole('heading', { level: 1, name: t.titre }).waitFor();

  // Typed in the form: the amounts follow, what is missing is listed until it is given.
  await page.getByRole('button', { name: t.nouvelle }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'travaux-numero', 'the form opens on its first field');
  await page.getByLabel(t.numero).fill(numero);
  await page.getByLabel(t.mois).fill('2026-11');
  await page.getByLabel(t.lot, { exact: true }).fill(lot);
  await page.getByLabel(t.entreprise).fill('PASSERELLE DEMO SARL');
  await page.getByLabel(t.marche).fill('M-2026-021');
  await page.getByLabel(t.siret_mo).fill('213 100 001 00014');
  await page.getByLabel(t.siret_moe).fill('82345678500018');
  await page.getByLabel(t.prevision).fill('80 000');
  await page.getByLabel(t.avancement).fill('25');
  await page.getByLabel(t.taux_tva).fill('20');
  const aCompleter = page.locator('.a-completer');
  await aCompleter.getByText(t.manque_os).waitFor();
  assert.equal(await aCompleter.locator('li').count(), 1, 'only the ordre de service is missing');
  await page.getByLabel(t.ordre_service).fill('OS-2026-07');
  await aCompleter.waitFor({ state: 'detached' });
  const montants = page.locator('.montants-travaux');
  assert.match(plat(await montants.innerText()), /20 000,00 €/, 'instalment excl. VAT: 80 000 × 25 %');
  assert.match(plat(await montants.innerText()), /22 800,00 €/, 'net: 24 000 TTC less 5 % retention');
  await capture(page, 'travaux-formulaire');
  await page.getByRole('button', { name: t.enregistrer }).click();
  await page.getByText(t.enregistree).waitFor();

  // Complete: it waits for the validations, which its state lists on focus.
  const ligne = page.getByRole('row', { name: new RegExp(numero) });
  const etat = ligne.locator('.etat-travaux__icone');
  await etat.getByText(t.etat_actions).waitFor();
  await etat.focus();
  const bulle = ligne.getByRole('tooltip');
  assert.ok(await bulle.isVisible(), 'the tooltip shows on focus');
  assert.match(await bulle.innerText(), new RegExp(t.action_conducteur));
  assert.match(await bulle.innerText(), new RegExp(t.action_finale));
  await ligne.getByRole('button', { name: t.valider_conducteur }).click();
  await ligne.getByRole('button', { name: t.valider_finale }).click();
  await etat.getByText(t.etat_en_cours).waitFor();
  assert.match(await etat.innerText(), /60 min/);

  // Two more: one validated then cancelled in the screen, one without its ordre de service.
  const numeroAnnule = `SIT-ANN-${suffixe}`;
  const annulee = await creer(page, piece(numeroAnnule, `Lot 08 — Sols ${suffixe}`));
  await agir(page, annulee, 'validation-conducteur');
  await agir(page, annulee, 'validation-finale');
  const numeroIncomplet = `SIT-INC-${suffixe}`;
  await creer(page, { ...piece(numeroIncomplet, `Lot 09 — VRD ${suffixe}`), ordreService: '', siretMoe: '' });
  await page.reload();
  const ligneAnnulee = page.getByRole('row', { name: new RegExp(numeroAnnule) });
  await ligneAnnulee.getByRole('button', { name: t.annuler_envoi }).click();
  await page.getByText(t.envoi_annule).waitFor();
  await ligneAnnulee.locator('.etat-travaux__icone').getByText(t.etat_prete).waitFor();
  const ligneIncomplete = page.getByRole('row', { name: new RegExp(numeroIncomplet) });
  await ligneIncomplete.locator('.etat-travaux__icone').hover();
  const manque = await ligneIncomplete.getByRole('tooltip').innerText();
  assert.match(manque, new RegExp(t.manque_os));
  assert.match(manque, new RegExp(t.manque_siret_moe.replace(/[()]/g, '.')));
  await capture(page, 'travaux-liste');

  // An hour later on the sandbox clock, the validated piece went by itself; the cancelled one did not.
  await avancerHorloge(page, { minutes: 61 });
  await page.reload();
  await etat.getByText(t.etat_transmise).waitFor();
  await ligneAnnulee.locator('.etat-travaux__icone').getByText(t.etat_prete).waitFor();
  await capture(page, 'travaux-transmise');
  await ligne.getByRole('link', { name: t.suivre }).click();
  await page.getByText(numero).first().waitFor();
  assert.match(page.url(), /\/factures-emises\/facture\/\d+$/);
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

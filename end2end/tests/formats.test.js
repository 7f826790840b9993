// Déposer, by format: an invoice XML (UBL, CII) is read in the browser and sent as it is as a flux,
// once, even when the deposit's answer is lost; a rejected flux says why; a signed PDF is sent as a
// signed PDF; a file that is no invoice is refused clearly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { FACTURE_DEMO, SIRET_STRUCTURE_DEMO } from './fixtures/pdf.js';
import { factureUbl, factureCii, pdfSigne } from './fixtures/xml.js';
import { soumettreFacture } from './fixtures/chorus.js';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

async function ouvrirDepot(page) {
  await connecterDemo(page, fr);
  await page.getByRole('navigation', { name: fr.shell.navigation_principale })
    .getByRole('link', { name: fr.shell.factures_emises }).click();
  await page.getByRole('link', { name: fr.deposer.lien }).click();
  await page.getByRole('heading', { level: 1, name: fr.deposer.titre }).waitFor();
}

async function facturesAuServeur(page, numero) {
  const reponse = await page.request.post(`${BASE_URL}/cpro/factures/v1/rechercher/fournisseur`, {
    data: { numeroFacture: numero },
  });
  assert.equal(reponse.status(), 200);
  return ((await reponse.json()).listeFactures ?? []).filter((f) => f.numeroFacture === numero);
}

async function envoyerEtConfirmer(page) {
  await page.getByRole('button', { name: fr.envoi.envoyer, exact: true }).click();
  const dialogue = page.getByRole('dialog', { name: fr.envoi.confirmation_titre });
  await dialogue.waitFor();
  await dialogue.getByRole('button', { name: fr.envoi.confirmer }).click();
}

test('une facture XML UBL est lue, montrée en lecture seule et envoyée une seule fois en flux', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  const numero = 'E2E-XML-UBL-1';
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: `${numero}.xml`, mimeType: 'application/xml', buffer: factureUbl({ numero }),
  });
  const ligne = page.getByRole('row', { name: new RegExp(numero) });
  await ligne.getByRole('cell', { name: fr.deposer.format_xml_ubl, exact: true }).waitFor();
  const champNumero = page.getByLabel(fr.deposer.champ_invoice_number);
  await champNumero.waitFor();
  assert.equal(await champNumero.inputValue(), numero);
  assert.equal(await page.getByLabel(fr.deposer.champ_service_code).inputValue(), 'SGC-ACHATS');
  assert.match(await page.getByLabel(fr.deposer.champ_total_ttc).inputValue(), /^1\s200,00$/);
  // The values are the file's: marked as read in the XML, not editable, and the note says how to correct.
  assert.ok(await page.getByText(fr.deposer.lu_xml).first().isVisible());
  assert.ok(await champNumero.isDisabled(), 'an XML is sent as it is: its fields are read-only');
  assert.ok(await page.getByText(fr.deposer.source_xml).isVisible());
  await page.getByText(fr.deposer.resume_ok).waitFor();
  await capture(page, 'deposer-xml');

  // The deposit's first answer is lost after the server handled it.
  let depots = 0;
  await page.route('**/cpro/factures/v1/deposer/flux', async (route) => {
    depots += 1;
    if (depots === 1) {
      await route.fetch();
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });
  await envoyerEtConfirmer(page);
  const reessayer = page.getByRole('button', { name: fr.envoi.reessayer });
  await reessayer.waitFor();
  assert.equal((await facturesAuServeur(page, numero)).length, 1, 'the lost answer still created the invoice');

  // Retrying finds the invoice Chorus Pro already holds instead of depositing the file again.
  await reessayer.dblclick();
  await page.getByRole('heading', { name: fr.envoi.recap_titre }).waitFor();
  const factures = await facturesAuServeur(page, numero);
  assert.equal(factures.length, 1, 'one invoice, not two');
  assert.equal(depots, 1, 'the file was deposited once');
  const recap = await page.getByRole('region', { name: fr.envoi.recap_titre }).innerText();
  assert.match(recap, new RegExp(String(factures[0].identifiantFactureCPP)));
  assert.match(recap, new RegExp(`${fr.envoi.numero_flux}[\\s\\S]*${factures[0].numeroFluxDepot}`));
  assert.match(recap, /1\s200,00\s€/);
  await capture(page, 'deposer-xml-recapitulatif');
  assert.deepEqual(erreurs.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e)), []);
  await contexte.close();
});

test('un flux XML CII rejeté par Chorus Pro dit pourquoi, sans rien créer', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  // The number is already used by one of the supplier's invoices: only Chorus Pro knows it.
  const numero = 'E2E-XML-CII-DOUBLON';
  await soumettreFacture(page, numero);
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: 'cii.xml', mimeType: 'text/xml', buffer: factureCii({ numero }),
  });
  await page.getByRole('row', { name: /cii\.xml/ })
    .getByRole('cell', { name: fr.deposer.format_xml_cii, exact: true }).waitFor();
  await page.getByText(fr.deposer.resume_ok).waitFor();
  assert.equal(await page.getByRole('group', { name: fr.deposer.pj_titre }).count(), 0,
    'a flux carries no separate attachment');
  await envoyerEtConfirmer(page);
  const alerte = page.getByRole('alert').filter({ hasText: fr.envoi.refusee });
  await alerte.waitFor();
  assert.match(await alerte.innerText(), /déjà utilisé/);
  await capture(page, 'deposer-xml-rejete');
  // The file cannot be corrected here: the way on is to take it off the list.
  await alerte.getByRole('button', { name: fr.envoi.retirer_fichier }).click();
  assert.equal(await page.getByRole('row', { name: /cii\.xml/ }).count(), 0);
  assert.equal((await facturesAuServeur(page, numero)).length, 1, 'only the first invoice exists');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('un PDF signé est reconnu et envoyé comme PDF signé', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  const numero = 'E2E-PDF-SIGNE-1';
  const pdf = pdfSigne(FACTURE_DEMO.pdf({ numero, siret: SIRET_STRUCTURE_DEMO, service: 'SGC-ACHATS' }));
  await page.getByLabel(fr.deposer.zone).setInputFiles({ name: 'signee.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('row', { name: /signee\.pdf/ })
    .getByRole('cell', { name: fr.deposer.format_pdf_signe, exact: true }).waitFor();
  assert.ok(await page.getByText(fr.deposer.note_signe).isVisible());
  // A signed PDF's values are still read and editable (they go in soumettre, the PDF stays untouched).
  const champNumero = page.getByLabel(fr.deposer.champ_invoice_number);
  assert.equal(await champNumero.inputValue(), numero);
  assert.ok(await champNumero.isEnabled());
  await page.getByText(fr.deposer.resume_ok).waitFor();
  await capture(page, 'deposer-pdf-signe');
  await envoyerEtConfirmer(page);
  await page.getByRole('heading', { name: fr.envoi.recap_titre }).waitFor();
  const [facture] = await facturesAuServeur(page, numero);
  assert.equal(facture?.modeDepot, 'DEPOT_PDF_SIGNE_API');
  // The PDF reached Chorus Pro byte for byte, signature included.
  const telecharge = await page.request.post(`${BASE_URL}/cpro/factures/v1/telecharger/groupe`, {
    data: { listeFacture: [{ idFacture: facture.identifiantFactureCPP }], format: 'PDF' },
  });
  assert.ok(Buffer.from((await telecharge.json()).fichierResultat, 'base64').equals(pdf));
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

test('un XML qui n’est pas une facture est refusé avec un message clair', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await ouvrirDepot(page);
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: 'commande.xml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?><Order xmlns="urn:x"/>'),
  });
  await page.getByText(fr.deposer.pas_un_pdf).waitFor();
  await page.getByRole('row', { name: /commande\.xml/ }).getByText(fr.deposer.etat_illisible).waitFor();
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

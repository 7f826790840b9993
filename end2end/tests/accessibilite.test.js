// Accessibility: axe-core's WCAG 2.1 A/AA rules on each main screen, in French and in English, with
// the states users see (a read PDF with its findings, a dialog open, search results).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { lancerNavigateur, ouvrirPage, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { FACTURE_DEMO, SIRET_STRUCTURE_DEMO } from './fixtures/pdf.js';
import { factureUbl } from './fixtures/xml.js';
import { soumettreFacture, avancerHorloge } from './fixtures/chorus.js';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

/** The WCAG 2.1 A and AA violations axe finds on the page as it is now, one line each. */
async function violations(page) {
  await page.evaluate(AXE);
  const resultats = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return resultats.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function verifier(page, ecran) {
  const trouvees = await violations(page);
  assert.deepEqual(trouvees, [], `${ecran}:\n${trouvees.join('\n')}`);
}

test('les écrans principaux respectent les règles WCAG 2.1 AA vérifiables automatiquement', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await page.goto(`${BASE_URL}/connexion`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await verifier(page, 'connexion');

  await connecterDemo(page, fr);
  await verifier(page, 'accueil');

  await page.goto(`${BASE_URL}/factures-emises/deposer`);
  await page.getByRole('heading', { level: 1, name: fr.deposer.titre }).waitFor();
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: 'a11y.pdf', mimeType: 'application/pdf',
    buffer: FACTURE_DEMO.pdf({ numero: 'A11Y-1', siret: SIRET_STRUCTURE_DEMO, service: 'INCONNU' }),
  });
  await page.getByRole('img', { name: fr.deposer.apercu_aria }).waitFor();
  await verifier(page, 'déposer, PDF lu avec des points bloquants');

  await page.getByLabel(fr.deposer.champ_service_code).fill('SGC-ACHATS');
  await page.getByText(fr.deposer.resume_ok).waitFor();
  await page.getByRole('button', { name: fr.envoi.envoyer, exact: true }).click();
  await page.getByRole('dialog', { name: fr.envoi.confirmation_titre }).waitFor();
  await verifier(page, 'déposer, confirmation');
  await page.keyboard.press('Escape');
  // An XML invoice: its values read-only, the form's choices hidden.
  await page.getByLabel(fr.deposer.zone).setInputFiles({
    name: 'a11y.xml', mimeType: 'application/xml', buffer: factureUbl({ numero: 'A11Y-XML-1' }),
  });
  await page.getByRole('row', { name: /a11y\.xml/ }).getByRole('button').click();
  await page.getByText(fr.deposer.source_xml).waitFor();
  await verifier(page, 'déposer, facture XML');

  await page.goto(`${BASE_URL}/factures-emises`);
  await page.getByRole('heading', { level: 2, name: fr.suivi.recherche_titre }).waitFor();
  await page.locator('.resultats-total').waitFor();
  await verifier(page, 'factures émises');

  await page.locator('.suivi tbody th a').first().click();
  await page.getByRole('heading', { level: 2, name: fr.suivi.suivi_traitement }).waitFor();
  await verifier(page, 'détail d’une facture');
  // An A9 invoice waiting on its validator: the validation window.
  const idA9 = await soumettreFacture(page, `A11Y-A9-${Date.now() % 1e7}`, {
    cadre: 'A9_FACTURE_SOUSTRAITANT', valideur: '80000002800012',
  });
  await avancerHorloge(page, { minutes: 15 });
  await page.goto(`${BASE_URL}/factures-emises/facture/${idA9}`);
  await page.getByRole('region', { name: fr.suivi.fenetre_titre }).waitFor();
  await verifier(page, 'détail, délai de validation');

  await page.goto(`${BASE_URL}/factures-emises/saisir`);
  await page.getByRole('heading', { level: 1, name: fr.saisir.titre }).waitFor();
  await verifier(page, 'saisir');

  await page.goto(`${BASE_URL}/factures-emises/travaux`);
  await page.getByRole('heading', { level: 1, name: fr.travaux.titre }).waitFor();
  await page.locator('.tableau--travaux').waitFor();
  await verifier(page, 'factures de travaux');
  await page.getByRole('button', { name: fr.travaux.nouvelle }).click();
  await page.getByRole('heading', { level: 2, name: fr.travaux.formulaire_nouvelle }).waitFor();
  await verifier(page, 'nouvelle situation de travaux');

  await page.goto(`${BASE_URL}/mon-compte`);
  await page.getByRole('heading', { level: 2, name: fr.mon_compte.demandes_titre }).waitFor();
  await page.getByRole('button', { name: fr.mon_compte.ajouter_application }).click();
  await page.getByRole('img', { name: fr.mon_compte.qr_alt }).waitFor();
  await verifier(page, 'mon compte, ajout d’une application');

  await page.goto(`${BASE_URL}/mon-compte/nouvelle-structure`);
  await page.getByRole('heading', { level: 1, name: fr.structures.creer_titre }).waitFor();
  await verifier(page, 'créer une structure');
  await page.goto(`${BASE_URL}/mon-compte/rattachement`);
  await page.getByRole('heading', { level: 1, name: fr.structures.rattacher_titre }).waitFor();
  await verifier(page, 'rattachement');

  await page.goto(`${BASE_URL}/factures-emises/saisir`);
  await page.getByRole('heading', { level: 1, name: fr.saisir.titre }).waitFor();
  // English labels too.
  await page.getByRole('button', { name: fr.shell.changer_langue_aria }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await verifier(page, 'saisir, en anglais');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

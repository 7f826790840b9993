// Validation windows: an A9 invoice waiting on its validator shows the 15-day window and its deadline,
// exports the proof of reception, and after the deadline says the invoice is deemed accepted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lancerNavigateur, ouvrirPage, capture, BASE_URL } from './fixtures/navigateur.js';
import { fr } from './fixtures/i18n.js';
import { connecterDemo } from './fixtures/session.js';
import { soumettreFacture, avancerHorloge } from './fixtures/chorus.js';

/** Another supplier structure of the seed, the titulaire who validates the sub-contractor's invoice. */
const SIRET_TITULAIRE = '80000002800012';

let navigateur;
before(async () => { navigateur = await lancerNavigateur(); });
after(async () => { await navigateur?.close(); });

async function historique(page, id) {
  const reponse = await page.request.post(`${BASE_URL}/cpro/factures/v1/consulter/historique`, { data: { idFacture: id } });
  return reponse.json();
}

test('une facture de sous-traitant montre le délai de 15 jours du titulaire, sa preuve, puis l’acceptation tacite', async () => {
  const { contexte, page, erreurs } = await ouvrirPage(navigateur);
  await connecterDemo(page, fr);
  const numero = `E2E-A9-${Date.now() % 1e7}`;
  const id = await soumettreFacture(page, numero, { cadre: 'A9_FACTURE_SOUSTRAITANT', valideur: SIRET_TITULAIRE });
  await avancerHorloge(page, { minutes: 15 });
  assert.equal((await historique(page, id)).statutCourantCode, 'A_VALIDER_1');

  await page.goto(`${BASE_URL}/factures-emises/facture/${id}`);
  const section = page.getByRole('region', { name: fr.suivi.fenetre_titre });
  await section.waitFor();
  const texte = await section.innerText();
  assert.match(texte, /Le valideur 1 \(titulaire ou mandataire\) a reçu la facture le \d\d\/\d\d\/\d{4} : il a 15 jours/);
  assert.match(texte, /jour\(s\) restant\(s\)/);
  const lien = section.getByRole('link', { name: fr.suivi.fenetre_preuve });
  assert.equal(await lien.getAttribute('download'), `preuve-delai-${numero}.txt`);
  const preuve = decodeURIComponent((await lien.getAttribute('href')).split(',').slice(1).join(','));
  assert.match(preuve, new RegExp(`Facture ${numero} \\(identifiant Chorus Pro ${id}\\)`));
  assert.match(preuve, /délai de 15 jours, échéance le/);
  assert.match(preuve, /À valider \(valideur 1\)/);
  await capture(page, 'facture-fenetre-validation');

  // Fifteen days later without an answer, the invoice is deemed accepted and goes on to the buyer.
  await avancerHorloge(page, { jours: 16 });
  const statuts = (await historique(page, id)).historiquesDesStatuts.histoStatut.map((h) => h.histoStatutCode);
  assert.deepEqual(statuts.slice(-2), ['ABSENCE_VALIDATION_1_HORS_DELAI', 'MISE_A_DISPOSITION']);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: new RegExp(numero) }).waitFor();
  assert.equal(await page.getByRole('region', { name: fr.suivi.fenetre_titre }).count(), 0,
    'no window once the invoice went on');
  assert.deepEqual(erreurs, []);
  await contexte.close();
});

// Example host page: embeds Passerelle, sends it commands and logs what it answers.
// The application's URL comes from `?app=` (default http://127.0.0.1:8080).
(() => {
  'use strict';
  const PROTOCOLE = 1;
  const url = new URL(new URLSearchParams(location.search).get('app') ?? 'http://127.0.0.1:8080/');
  const ORIGINE_APP = url.origin;
  const cadre = document.getElementById('passerelle');
  const journal = document.getElementById('journal');
  document.getElementById('origine-app').textContent = ORIGINE_APP;

  /** Every message received from the application, in order (tests read it). */
  window.messagesRecus = [];

  function noter(texte) {
    const ligne = document.createElement('li');
    ligne.textContent = texte;
    journal.append(ligne);
  }

  window.addEventListener('message', (evenement) => {
    // Only the embedded application, at its origin, is listened to.
    if (evenement.origin !== ORIGINE_APP || evenement.source !== cadre.contentWindow) {
      console.warn(`message ignoré : origine ${evenement.origin}`);
      return;
    }
    window.messagesRecus.push(evenement.data);
    noter(JSON.stringify(evenement.data));
  });

  /** Posts to the application, addressed to its origin only (never '*'). */
  function envoyer(message, transfert = []) {
    cadre.contentWindow.postMessage({ version: PROTOCOLE, ...message }, ORIGINE_APP, transfert);
  }

  document.getElementById('form-preremplir').addEventListener('submit', async (evenement) => {
    evenement.preventDefault();
    let fields;
    try {
      const texte = document.getElementById('champs').value.trim();
      fields = texte ? JSON.parse(texte) : undefined;
    } catch (erreur) {
      noter(`champs illisibles : ${erreur.message}`);
      return;
    }
    const fichier = document.getElementById('pdf').files[0];
    if (fichier) {
      // The bytes travel as an ArrayBuffer, transferred rather than copied.
      const pdf = await fichier.arrayBuffer();
      envoyer({ type: 'prefill-draft', fields, pdf, fileName: fichier.name }, [pdf]);
    } else {
      envoyer({ type: 'prefill-draft', fields });
    }
  });

  document.getElementById('form-langue').addEventListener('submit', (evenement) => {
    evenement.preventDefault();
    envoyer({ type: 'set-locale', locale: document.getElementById('langue').value });
  });

  document.getElementById('deconnecter').addEventListener('click', () => envoyer({ type: 'sign-out' }));

  cadre.src = url.href;
})();

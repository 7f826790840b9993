// Serves the example host page (this folder) on its own origin.
//   node end2end/hote/serveur.js [--port 8081] [--host localhost]
// then open http://localhost:8081/?app=http://127.0.0.1:8080/ (the application's URL).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const DOSSIER = import.meta.dirname;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const FICHIERS = new Set(['index.html', 'hote.js', 'hote.css']);

/** Starts the server; resolves to it once it listens (`port` 0 picks a free port). */
export function demarrerHote({ port = 0, host = 'localhost' } = {}) {
  const serveur = http.createServer((requete, reponse) => {
    const nom = new URL(requete.url, 'http://hote').pathname.replace(/^\//, '') || 'index.html';
    if (!FICHIERS.has(nom)) {
      reponse.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    reponse.writeHead(200, { 'content-type': TYPES[path.extname(nom)], 'cache-control': 'no-store' });
    fs.createReadStream(path.join(DOSSIER, nom)).pipe(reponse);
  });
  return new Promise((resolve, reject) => {
    serveur.once('error', reject);
    serveur.listen(port, host, () => resolve(serveur));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const option = (nom, defaut) => {
    const i = process.argv.indexOf(nom);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : defaut;
  };
  const host = option('--host', 'localhost');
  const serveur = await demarrerHote({ port: Number(option('--port', '8081')), host });
  console.log(`Example host page: http://${host}:${serveur.address().port}/?app=http://127.0.0.1:8080/`);
}

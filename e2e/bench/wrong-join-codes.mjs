/**
 * How many wrong join codes one client gets answered: sends random codes from one address, 8 at a time, for the
 * given seconds, and prints the count of each status (404 answered, 429 refused).
 *   node e2e/bench/wrong-join-codes.mjs http://127.0.0.1:3000 60
 */
import http from 'node:http';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:3000');
const seconds = Number(process.argv[3] ?? 60);
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const code = () => Array.from({ length: 6 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
const get = (path) =>
  new Promise((resolve, reject) => {
    const request = http.get({ host: base.hostname, port: base.port, path, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
  });

const tally = {};
const end = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (Date.now() < end) {
      const status = await get(`/api/join/${code()}`);
      tally[status] = (tally[status] ?? 0) + 1;
    }
  }),
);
console.log(JSON.stringify({ seconds, ...tally, total: Object.values(tally).reduce((a, b) => a + b, 0) }));
agent.destroy();

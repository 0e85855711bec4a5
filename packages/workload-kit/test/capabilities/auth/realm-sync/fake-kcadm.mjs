// A stand-in for kcadm.sh: the subset of its commands the realm-sync script uses, over a JSON file of
// one realm's clients, protocol mappers and roles. It logs every argv (so the test can prove no secret
// was ever an argument) and prints in kcadm's formats: `--format csv --noquotes` lines in --fields order,
// and Jackson's pretty JSON for a single array field.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const statePath = process.env.FAKE_KC_STATE;
const state = JSON.parse(readFileSync(statePath, 'utf8'));
appendFileSync(process.env.FAKE_KC_LOG, `${JSON.stringify(argv)}\n`);

const positional = [];
const opts = {};
const sets = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--noquotes') opts.noquotes = true;
  else if (a === '-s') sets.push(argv[++i]);
  else if (a.startsWith('-')) opts[a] = argv[++i];
  else positional.push(a);
}
const [verb, path = ''] = positional;
const save = () => writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);
const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};
const body = () =>
  JSON.parse(opts['-f'] === '-' ? readFileSync(0, 'utf8') : readFileSync(opts['-f'], 'utf8'));
const csv = (items, fields) =>
  items.map((item) => fields.map((f) => (item[f] === undefined ? '' : String(item[f]))).join(',')).join('\n');
const print = (text) => text && process.stdout.write(`${text}\n`);
const nextId = (prefix) => `${prefix}-${++state.counter}`;

if (verb === 'config') {
  if (opts['--realm'] !== state.realm || opts['--client'] !== state.syncClient) fail('invalid_client');
  if (process.env.KC_CLI_CLIENT_SECRET !== state.syncSecret) fail('unauthorized_client');
  process.exit(0);
}
if (process.env.FAKE_KC_DOWN === 'true') fail('connection refused');
if (verb !== 'get' || path !== `realms/${state.realm}`) {
  if (opts['-r'] !== state.realm) fail(`unknown realm ${opts['-r']}`);
}
const parts = path.split('/');
const client = (id) => state.clients.find((c) => c.id === id) ?? fail(`no client ${id}`);
const fields = (opts['--fields'] ?? '').split(',');

if (verb === 'get' && parts[0] === 'realms') print(JSON.stringify({ realm: state.realm }));
else if (verb === 'get' && path === 'clients') {
  const q = opts['-q'];
  const list = q ? state.clients.filter((c) => `clientId=${c.clientId}` === q) : state.clients;
  print(csv(list, fields));
} else if (verb === 'get' && parts[0] === 'clients' && parts.length === 2) {
  const value = client(parts[1])[fields[0]] ?? [];
  print(`{\n  "${fields[0]}" : [ ${value.map((v) => `"${v}"`).join(', ')} ]\n}`);
} else if (verb === 'get' && parts[2] === 'protocol-mappers')
  print(csv(client(parts[1]).protocolMappers ?? [], fields));
else if (verb === 'create' && path === 'clients') {
  state.clients.push({ ...body(), id: nextId('client'), protocolMappers: [] });
} else if (verb === 'update' && parts[0] === 'clients' && parts.length === 2) {
  Object.assign(client(parts[1]), body());
} else if (verb === 'delete' && parts[0] === 'clients' && parts.length === 2) {
  state.clients = state.clients.filter((c) => c.id !== parts[1]);
} else if (verb === 'create' && parts[2] === 'protocol-mappers') {
  client(parts[1]).protocolMappers.push({ ...body(), id: nextId('mapper') });
} else if (verb === 'update' && parts[2] === 'protocol-mappers') {
  const c = client(parts[1]);
  const m = c.protocolMappers.find((x) => x.id === parts[4]) ?? fail('no mapper');
  if (!sets.includes(`id=${parts[4]}`)) fail('mapper update without its id');
  Object.assign(m, body());
} else if (verb === 'delete' && parts[2] === 'protocol-mappers') {
  const c = client(parts[1]);
  c.protocolMappers = c.protocolMappers.filter((x) => x.id !== parts[4]);
} else if (verb === 'get' && path === 'roles') print(csv(state.roles, fields));
else if (verb === 'create' && path === 'roles') state.roles.push(body());
else if (verb === 'update' && parts[0] === 'roles')
  Object.assign(state.roles.find((r) => r.name === parts[1]) ?? fail('no role'), body());
else if (verb === 'delete' && parts[0] === 'roles')
  state.roles = state.roles.filter((r) => r.name !== parts[1]);
else fail(`fake kcadm: unsupported ${argv.join(' ')}`);
save();

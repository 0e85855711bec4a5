// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell scripts and Keycloak placeholders are data here
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGED_DESCRIPTION, SYNC_CLIENT_ID, syncFiles } from '../../../../src/capabilities/auth/realm.js';
import { SYNC_SCRIPT } from '../../../../src/capabilities/auth/realm-sync/script.js';
import { parseWorkload } from '../../../../src/definition/parse.js';

/** A tool the test needs: absent on a developer machine it skips, on CI (CI=true) it fails. */
function tool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  if (process.env.CI === 'true') throw new Error(`${name} is required on CI (install it in .ci/run)`);
  return undefined;
}

/**
 * What the Keycloak 26.6.3 image ships besides Java, read from its Dockerfile (quarkus/container): UBI 9
 * micro plus `ubi-null.sh java-21-openjdk-headless glibc-langpack-en findutils`, whose keep list adds
 * bash and coreutils-single. So: bash, the coreutils commands, find and xargs. No awk, sed, grep, jq or curl.
 */
const COREUTILS = (
  'basename cat chmod chown cp cut date dd df dirname echo env expr false head id join ln ls mkdir ' +
  'mktemp mv nproc od paste printf pwd readlink realpath rm rmdir seq sleep sort split stat tail tee ' +
  'test touch tr true uname uniq wc yes'
).split(' ');
const IMAGE_TOOLS = ['bash', ...COREUTILS, 'find', 'xargs'];
const NOT_IN_IMAGE = ['awk', 'gawk', 'sed', 'grep', 'jq', 'curl', 'python3', 'perl'];

const bash = tool('bash');
const shellcheck = tool('shellcheck');

const SYNC_SECRET = 'sync-s3cr3t-value';
const API_SECRET = 'api-s3cr3t-"quoted"\\value';

const workload = (roles: string[]) =>
  parseWorkload({
    name: 'shop',
    domain: 'shop.dev',
    image: 'ghcr.io/acme/shop:sha-1234567',
    auth: {
      spa: { redirectUris: ['https://shop.dev/callback'], webOrigins: ['https://shop.dev'] },
      roles,
    },
  });

interface FakeState {
  realm: string;
  syncClient: string;
  syncSecret: string;
  counter: number;
  clients: Record<string, unknown>[];
  roles: { name: string; description?: string }[];
}

/** A bin directory with exactly the image's tools (symlinked from this machine) and the stand-in kcadm. */
function imageLikeBin(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const name of IMAGE_TOOLS) {
    const path = tool(name);
    if (path) symlinkSync(path, join(bin, name));
  }
  const kcadm = join(bin, 'kcadm.sh');
  writeFileSync(
    kcadm,
    `#!${process.execPath}\nimport(${JSON.stringify(new URL('./fake-kcadm.mjs', import.meta.url).href)});\n`,
    { mode: 0o755 },
  );
  return bin;
}

function setUp(state: FakeState, roles: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'realm-sync-'));
  const config = join(dir, 'config');
  mkdirSync(config);
  const w = workload(roles);
  if (!w.auth) throw new Error('auth expected');
  for (const [name, text] of Object.entries(syncFiles(w, w.auth))) writeFileSync(join(config, name), text);
  const statePath = join(dir, 'state.json');
  writeFileSync(statePath, JSON.stringify(state));
  const log = join(dir, 'argv.log');
  writeFileSync(log, '');
  const bin = imageLikeBin(dir);
  const notFound = join(dir, 'not-found.log');
  writeFileSync(notFound, '');
  const bashEnv = join(dir, 'bash-env.sh');
  writeFileSync(
    bashEnv,
    `command_not_found_handle() { printf '%s\\n' "$1" >> ${JSON.stringify(notFound)}; return 127; }\n`,
  );
  const run = (extra: Record<string, string> = {}) => {
    const result = spawnSync(bash!, [join(config, 'sync-realm.sh')], {
      env: {
        PATH: bin,
        HOME: dir,
        KEYCLOAK_URL: 'http://keycloak-service.keycloak:8080',
        REALM: 'shop',
        SYNC_CLIENT_ID,
        API_CLIENT_ID: 'shop-api',
        KC_CLI_CLIENT_SECRET: SYNC_SECRET,
        KC_API_CLIENT_SECRET: API_SECRET,
        CONFIG_DIR: config,
        KCADM: join(bin, 'kcadm.sh'),
        FAKE_KC_STATE: statePath,
        FAKE_KC_LOG: log,
        BASH_ENV: bashEnv,
        ...extra,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0)
      throw new Error(`sync failed (${result.status}): ${result.stderr}${result.stdout}`);
    return result.stdout.trim().split('\n');
  };
  const read = () => JSON.parse(readFileSync(statePath, 'utf8')) as FakeState;
  const argvs = () =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
  const missing = () => readFileSync(notFound, 'utf8').split('\n').filter(Boolean);
  return { bin, run, read, argvs, missing };
}

/** The realm as the KeycloakRealmImport leaves it, plus what the definition has since dropped. */
function liveRealm(): FakeState {
  return {
    realm: 'shop',
    syncClient: SYNC_CLIENT_ID,
    syncSecret: SYNC_SECRET,
    counter: 100,
    clients: [
      { id: 'c-account', clientId: 'account', redirectUris: ['/realms/shop/account/*'], protocolMappers: [] },
      { id: 'c-sync', clientId: SYNC_CLIENT_ID, protocolMappers: [] },
      {
        id: 'c-spa',
        clientId: 'shop-spa',
        description: MANAGED_DESCRIPTION,
        redirectUris: ['https://shop.dev/callback', 'https://old.shop.dev/callback'],
        webOrigins: ['https://shop.dev', 'https://old.shop.dev'],
        protocolMappers: [
          { id: 'm-aud', name: 'audience-shop-api' },
          { id: 'm-old', name: 'legacy-claim' },
        ],
      },
      { id: 'c-api', clientId: 'shop-api', description: MANAGED_DESCRIPTION, protocolMappers: [] },
      { id: 'c-old', clientId: 'shop-admin', description: MANAGED_DESCRIPTION, protocolMappers: [] },
    ],
    roles: [
      { name: 'offline_access', description: '${role_offline-access}' },
      { name: 'viewer', description: MANAGED_DESCRIPTION },
      { name: 'legacy', description: MANAGED_DESCRIPTION },
    ],
  };
}

// Each run starts a Node process per kcadm call; a loaded CI machine needs more than the default 5 s.
describe('the realm-sync script', { timeout: 60_000 }, () => {
  it.skipIf(!shellcheck)('passes shellcheck', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realm-sync-sc-'));
    const file = join(dir, 'sync-realm.sh');
    writeFileSync(file, SYNC_SCRIPT);
    const result = spawnSync(shellcheck!, ['--shell=bash', '--severity=style', file], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!bash)('runs with only the tools of the Keycloak image on PATH', () => {
    const { bin } = setUp(liveRealm(), []);
    for (const absent of NOT_IN_IMAGE) expect(existsSync(join(bin, absent)), absent).toBe(false);
    // Bash reports every command it cannot find to the handler BASH_ENV installs: none may be missing,
    // including inside pipelines and command substitutions, where a failure would not stop the script.
    const { run, missing } = setUp(liveRealm(), ['viewer']);
    run();
    run({ DRY_RUN: 'true' });
    expect(missing()).toEqual([]);
  });

  it.skipIf(!bash)('dry run names every deletion and changes nothing', () => {
    const { run, read } = setUp(liveRealm(), ['viewer']);
    const before = read();
    const out = run({ DRY_RUN: 'true' });
    expect(out).toEqual([
      'would delete client shop-admin',
      'would update client shop-api',
      'would remove https://old.shop.dev/callback from redirectUris of client shop-spa',
      'would remove https://old.shop.dev from webOrigins of client shop-spa',
      'would update client shop-spa',
      'would delete protocol mapper legacy-claim of client shop-spa',
      'would update protocol mapper audience-shop-api of client shop-spa',
      'would delete role legacy',
      'would update role viewer',
      'would set the secret of client shop-api from its Secret',
      'realm shop would be in sync',
    ]);
    expect(read()).toEqual(before);
  });

  it.skipIf(!bash)(
    'reconciles: deletes what the definition dropped, keeps what it does not own, is idempotent',
    () => {
      const { run, read, argvs } = setUp(liveRealm(), ['viewer', 'editor']);
      run();
      const after = read();
      const byId = (clientId: string) => after.clients.find((c) => c.clientId === clientId);
      expect(after.clients.map((c) => c.clientId).sort()).toEqual([
        'account',
        'realm-sync',
        'shop-api',
        'shop-spa',
      ]);
      expect(byId('shop-spa')).toMatchObject({
        redirectUris: ['https://shop.dev/callback'],
        webOrigins: ['https://shop.dev'],
        protocolMappers: [{ id: 'm-aud', name: 'audience-shop-api' }],
      });
      expect(byId('shop-api')).toMatchObject({ secret: API_SECRET });
      expect(after.roles.map((r) => r.name).sort()).toEqual(['editor', 'offline_access', 'viewer']);

      // A second run finds nothing to create or delete.
      const again = run();
      expect(again.filter((l) => /^(create|delete|remove)/.test(l))).toEqual([]);
      expect(
        read()
          .clients.map((c) => c.clientId)
          .sort(),
      ).toEqual(after.clients.map((c) => c.clientId).sort());
      expect(read().roles).toEqual(after.roles);

      // Neither secret was ever a command argument.
      const all = argvs().flat();
      expect(all.length).toBeGreaterThan(10);
      expect(all.filter((a) => a.includes(SYNC_SECRET) || a.includes('s3cr3t'))).toEqual([]);
    },
  );

  it.skipIf(!bash)('creates the clients and mappers of a realm the import did not have yet', () => {
    const empty = {
      ...liveRealm(),
      clients: [{ id: 'c-sync', clientId: SYNC_CLIENT_ID, protocolMappers: [] }],
      roles: [],
    };
    const { run, read } = setUp(empty, []);
    const out = run();
    expect(out).toContain('create client shop-spa');
    expect(out).toContain('create protocol mapper audience-shop-api of client shop-spa');
    const spa = read().clients.find((c) => c.clientId === 'shop-spa');
    expect(spa).toMatchObject({ description: MANAGED_DESCRIPTION, publicClient: true });
  });
});

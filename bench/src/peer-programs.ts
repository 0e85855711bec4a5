/**
 * Writes the peers' programs for one app, run by bench.ts in its own process before the peer sections:
 * `node src/peer-programs.ts <workspace dir> <out dir>` takes the objects the workspace renders (penvoice:
 * 27 objects) and writes them as
 *   - `kosko/components/<app>.mjs`: a Kosko component returning the same objects, each built from the same
 *     kubernetes-models class ours uses (so Kosko's `validate: true` runs the same schema checks);
 *   - `cdk8s/<app>.mjs`: a cdk8s program declaring the same objects as `ApiObject`s and synthesizing them
 *     to YAML files (cdk8s core has no schema check);
 * and prints one JSON line: how many objects, and which had no kubernetes-models class (written as plain
 * objects, unchecked by Kosko; ours checks them with the kit's own model).
 * Both programs are plain JavaScript so that neither peer pays for type stripping.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Slice, toPlain } from '@ultron/platform';

const [workspace, out] = process.argv.slice(2);
if (!workspace || !out) throw new Error('usage: peer-programs.ts <workspace dir> <out dir>');

const slice = (await import(pathToFileURL(resolve(workspace, 'workload.ts')).href)).default as Slice;
const manifests = slice.build().manifests.map(toPlain);

// The packages that ship a class per kind, in the order ours picks them for the same apiVersion.
const MODEL_PACKAGES = [
  'kubernetes-models',
  '@kubernetes-models/argo-cd',
  '@kubernetes-models/argo-rollouts',
  '@kubernetes-models/cert-manager',
  '@kubernetes-models/cloudnative-pg',
  '@kubernetes-models/prometheus-operator',
  '@kubernetes-models/traefik',
];

function modelUrl(apiVersion: string, kind: string): string | undefined {
  for (const pkg of MODEL_PACKAGES) {
    let url: string;
    try {
      url = import.meta.resolve(`${pkg}/${apiVersion}/${kind}`);
    } catch {
      continue; // not one of this package's groups
    }
    // Subpath patterns resolve whether or not the file exists.
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** Module URL → local name of its class in the generated component. */
const imports = new Map<string, { kind: string; local: string }>();
const unmodelled: string[] = [];
const constructed = manifests.map((m) => {
  const url = modelUrl(m.apiVersion, m.kind);
  const data = JSON.stringify(m);
  if (!url) {
    unmodelled.push(`${m.apiVersion}/${m.kind}`);
    return data;
  }
  if (!imports.has(url)) imports.set(url, { kind: m.kind, local: `M${imports.size}` });
  return `new ${imports.get(url)!.local}(${data})`;
});
const importLines = [...imports].map(
  ([url, { kind, local }]) => `import { ${kind} as ${local} } from ${JSON.stringify(url)};`,
);
const app = basename(resolve(workspace));

const kosko = join(out, 'kosko/components');
mkdirSync(kosko, { recursive: true });
writeFileSync(
  join(kosko, `${app}.mjs`),
  `${importLines.join('\n')}\n\n// Built on each call, as a component function is.\nexport default () => [\n  ${constructed.join(',\n  ')},\n];\n`,
);

const cdk8s = join(out, 'cdk8s');
mkdirSync(cdk8s, { recursive: true });
writeFileSync(
  join(cdk8s, `${app}.mjs`),
  `import { ApiObject, App, Chart, YamlOutputType } from ${JSON.stringify(import.meta.resolve('cdk8s'))};

const app = new App({ outdir: process.argv[2], yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
const chart = new Chart(app, ${JSON.stringify(app)}, { disableResourceNameHashes: true });
const objects = [
  ${manifests.map((m) => JSON.stringify(m)).join(',\n  ')},
];
objects.forEach((o, i) => new ApiObject(chart, \`\${o.kind}-\${o.metadata.name}-\${i}\`, o));
app.synth();
`,
);
process.stdout.write(`${JSON.stringify({ app, objects: manifests.length, unmodelled })}\n`);

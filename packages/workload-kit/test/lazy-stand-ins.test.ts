import { realpathSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as realParse, parseAllDocuments as realParseAll } from 'yaml';

// Where the bundled code imports them from: the schemas' validate package (the formats), the kit (yaml).
const validateDir = join(
  realpathSync(fileURLToPath(new URL('../node_modules/kubernetes-models', import.meta.url))),
  '../@kubernetes-models/validate',
);
const validateUrl = pathToFileURL(join(validateDir, 'package.json')).href;
const realFormats = createRequire(validateUrl)('ajv-formats-draft2019/formats/index.js') as Record<
  string,
  unknown
>;

// The bundle resolves `ultron-eager:<specifier>` to the real module (tsup.config.ts); here Node does.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (!specifier.startsWith('ultron-eager:')) return nextResolve(specifier, context);
    const real = specifier.slice('ultron-eager:'.length);
    return nextResolve(real, {
      ...context,
      parentURL: real.startsWith('yaml') ? import.meta.url : validateUrl,
    });
  },
});

describe('the bundle’s lazy stand-ins', () => {
  it('formats: the same names, in the same order, answering as the real ones', async () => {
    const { default: lazy } = (await import('../src/render-bundle/lazy-formats.js')) as {
      default: Record<string, ((value: string) => boolean) | RegExp>;
    };
    expect(Object.keys(lazy)).toEqual(Object.keys(realFormats));
    expect(lazy.duration).toBe(realFormats.duration);
    const samples = [
      'https://example.com/ä',
      'not a uri',
      'a@b.example',
      'ü@exämple.com',
      'xn--bcher-kva.example',
      '-bad-',
      '/relative?q=1',
      '',
    ];
    for (const [name, check] of Object.entries(lazy)) {
      const real = realFormats[name] as ((value: string) => boolean) | RegExp;
      for (const text of samples) {
        const answer = (c: typeof check) => (c instanceof RegExp ? c.test(text) : c(text));
        expect([name, text, answer(check)]).toEqual([name, text, answer(real)]);
      }
    }
  });

  it('yaml: parse and parseAllDocuments as the library', async () => {
    const lazy = await import('../src/render-bundle/lazy-yaml.js');
    const text = 'a: 1\nb: [x, "y"]\n---\nc: yes\n';
    expect(lazy.parseAllDocuments(text).map((d) => d.toJS())).toEqual(
      realParseAll(text).map((d) => d.toJS()),
    );
    expect(lazy.parse('a: 1\nb: {c: d}\n')).toEqual(realParse('a: 1\nb: {c: d}\n'));
    expect(() => lazy.parse('a: [')).toThrow();
  });
});

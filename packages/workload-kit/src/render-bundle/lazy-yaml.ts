import type * as Yaml from 'yaml';

/**
 * Stands in for `yaml` inside the bundle. The platform parses YAML in the assemble step and a few
 * commands, never in a workspace's render, yet evaluating the library's ~60 modules cost every render
 * process several milliseconds. The same functions, loading the library on the first call
 * (`ultron-eager:` is the real package, see tsup.config.ts).
 */
let yaml: typeof Yaml | undefined;
const load = (): typeof Yaml => {
  yaml ??= require('ultron-eager:yaml') as typeof Yaml;
  return yaml;
};

export const parse = ((...args: unknown[]) =>
  Reflect.apply(load().parse, undefined, args)) as typeof Yaml.parse;
export const parseAllDocuments = ((...args: unknown[]) =>
  Reflect.apply(load().parseAllDocuments, undefined, args)) as typeof Yaml.parseAllDocuments;

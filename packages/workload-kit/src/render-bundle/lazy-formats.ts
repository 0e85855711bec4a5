/**
 * Stands in for ajv-formats-draft2019's formats inside the bundle (`@kubernetes-models/validate` spreads
 * them into the formats its compiled schemas use). No schema we render uses these five formats, yet their
 * parsers (uri-js, punycode, an e-mail grammar) were evaluated in every render process. The same checks,
 * loading the parsers on the first one; `duration`, a bare RegExp, is the real one
 * (`ultron-eager:` is the real package, see tsup.config.ts).
 */
type Check = (value: string) => boolean;

let formats: Record<string, Check> | undefined;
function lazy(name: string): Check {
  return (value) => {
    formats ??= require('ultron-eager:ajv-formats-draft2019/formats/index.js') as Record<string, Check>;
    return formats[name]!(value);
  };
}

export default {
  iri: lazy('iri'),
  duration: require('ultron-eager:ajv-formats-draft2019/formats/duration.js') as RegExp,
  'idn-email': lazy('idn-email'),
  'idn-hostname': lazy('idn-hostname'),
  'iri-reference': lazy('iri-reference'),
};

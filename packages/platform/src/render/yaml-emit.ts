import { type Type, types } from 'js-yaml';

declare module 'js-yaml' {
  /** js-yaml 4 exports its scalar types; @types/js-yaml does not declare them. */
  export const types: Record<'int' | 'float' | 'timestamp', Type>;
}

/**
 * The block YAML js-yaml's `dump(value, { lineWidth: -1, noRefs: true, indent: 2 })` writes, byte for
 * byte, for the data manifests are made of, several times faster: js-yaml asks every type of its schema
 * about every node and walks every string one code point at a time through a chain of calls, which was
 * ~40 % of a workload's render. Here a string is classified with a few regular expressions and
 * `includes`, and only strings that could read as a number or a date ask js-yaml's own resolvers.
 *
 * The few values whose writing this does not reproduce (strings that need double quotes — control
 * characters, tabs, a line break in a key —, mapping keys longer than 1024 characters, objects other than
 * plain records and arrays) make `emitYaml` return `undefined`, and the caller takes js-yaml for the whole
 * document. test/yaml-emit.test.ts compares the two over generated data, which is what keeps this honest.
 */
export function emitYaml(value: unknown): string | undefined {
  if (value === undefined) return '';
  try {
    return `${node(value, 0, true)}\n`;
  } catch (error) {
    if (error === GENERAL) return undefined;
    throw error;
  }
}

/** Thrown from anywhere inside when the value needs js-yaml's general writer. */
const GENERAL = Symbol('general writer');

const newlines: string[] = [];
/** A line break and the indentation of nesting `level` (two spaces a level). */
function newline(level: number): string {
  let text = newlines[level];
  if (text === undefined) newlines[level] = text = `\n${'  '.repeat(level)}`;
  return text;
}

function node(value: unknown, level: number, compact: boolean): string {
  switch (typeof value) {
    case 'string':
      return scalar(value, level, false);
    case 'number':
      return number(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? '[]' : sequence(value, level, compact);
      const proto = Object.getPrototypeOf(value);
      // js-yaml writes any object whose tag is [object Object] as a mapping of its own enumerable keys;
      // Dates, buffers and boxed primitives take its other types.
      if (
        proto !== Object.prototype &&
        proto !== null &&
        Object.prototype.toString.call(value) !== '[object Object]'
      )
        throw GENERAL;
      return mapping(value as Record<string, unknown>, level, compact);
    }
    default:
      // undefined is handled by the collections; functions, symbols and bigints make js-yaml throw.
      throw GENERAL;
  }
}

/**
 * A block mapping at `level`. Compact (a sequence item or the document itself): the first pair stays on
 * the current line. Pairs whose value is undefined are left out; none left is `{}`.
 */
function mapping(record: Record<string, unknown>, level: number, compact: boolean): string {
  let out = '';
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue;
    const keyText = scalar(key, level + 1, true);
    // Longer keys take js-yaml's explicit `? key` form.
    if (keyText.length > 1024) throw GENERAL;
    const valueText = node(value, level + 1, false);
    if (!compact || out !== '') out += newline(level);
    out += keyText;
    // A nested block starts on its own line: no space after the colon. Told from the value, not by
    // reading the text back (a rope of many pieces that reading would flatten at every level).
    out +=
      value !== null && typeof value === 'object' && valueText !== '{}' && valueText !== '[]' ? ':' : ': ';
    out += valueText;
  }
  return out === '' ? '{}' : out;
}

/** A block sequence at `level`: `- item` lines; an undefined item is written as null, as js-yaml does. */
function sequence(items: readonly unknown[], level: number, compact: boolean): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!compact || out !== '') out += newline(level);
    // Items are compact: a nested collection starts on the dash's line.
    out += '- ';
    out += item === undefined ? 'null' : node(item, level + 1, true);
  }
  return out;
}

/** js-yaml's int and float representations: integers in decimal, other numbers with a YAML float form. */
function number(value: number): string {
  if (Number.isInteger(value) && !Object.is(value, -0)) return String(value);
  if (Number.isNaN(value)) return '.nan';
  if (value === Number.POSITIVE_INFINITY) return '.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-.inf';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  // `5e-7` is not a float to YAML; `5.e-7` is.
  return /^[-+]?[0-9]+e/.test(text) ? text.replace('e', '.e') : text;
}

/** Words YAML 1.1 reads as booleans: js-yaml single-quotes them so that 1.1 parsers read strings. */
const YAML11_BOOLEANS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);
/** YAML 1.1 base-60 numbers (`1:20`), quoted for the same reason. */
const YAML11_SEXAGESIMAL = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
/** Plain words the default schema resolves to null, a boolean or a merge key. */
const RESERVED_WORDS = new Set([
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  '<<',
]);

/** Printable ASCII only (with line breaks), the common cases, tested first because they are the cheapest. */
const ASCII_LINE = /^[\x20-\x7e]*$/;
const ASCII_LINES = /^[\n\x20-\x7e]*$/;
/**
 * Characters js-yaml writes without escaping: printable ASCII, and from U+00A1 on everything but the line
 * and paragraph separators, lone surrogates, the byte-order mark and U+FFFE/U+FFFF.
 */
const PRINTABLE_LINE =
  /^[\x20-\x7e\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;
const PRINTABLE_LINES =
  /^[\n\x20-\x7e\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;

/**
 * First characters a plain scalar may not start with: space and YAML's indicators
 * (`- ? : , [ ] { } # & * ! | = > ' " % @` and the backquote).
 */
const NOT_PLAIN_FIRST = new Uint8Array(128);
for (const c of ' -?:,[]{}#&*!|=>\'"%@`') NOT_PLAIN_FIRST[c.charCodeAt(0)] = 1;

function scalar(text: string, level: number, key: boolean): string {
  const length = text.length;
  if (length === 0) return "''";
  const first = text.charCodeAt(0);
  const numeric = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
  // Cheap guards first: the 1.1 booleans are at most three characters, base 60 starts like a number.
  if (
    (length <= 3 && YAML11_BOOLEANS.has(text)) ||
    ((numeric || first === 0x5f) && YAML11_SEXAGESIMAL.test(text))
  )
    return `'${text}'`;
  if (!ASCII_LINE.test(text) && !PRINTABLE_LINE.test(text)) {
    // A line break: a literal block, unless a key or something else needs escaping (double quotes).
    if (key || !(ASCII_LINES.test(text) || PRINTABLE_LINES.test(text))) throw GENERAL;
    return literal(text, level);
  }
  return plain(text, first) && !resolvesToOtherType(text, numeric) ? text : `'${text.replaceAll("'", "''")}'`;
}

/** Whether a one-line printable string can be written plain in block context. */
function plain(text: string, first: number): boolean {
  const last = text.charCodeAt(text.length - 1);
  return (
    !(first < 128 && NOT_PLAIN_FIRST[first] === 1) &&
    last !== 0x20 &&
    last !== 0x3a &&
    // `: ` would start a mapping value and ` #` a comment.
    !text.includes(': ') &&
    !text.includes(' #')
  );
}

/** Whether the plain text would read back as something other than a string (null, bool, number, date…). */
function resolvesToOtherType(text: string, numeric: boolean): boolean {
  // Ints, floats and timestamps all start with a digit, a sign or a dot.
  if (numeric) return types.int.resolve(text) || types.float.resolve(text) || types.timestamp.resolve(text);
  return text.length <= 5 && RESERVED_WORDS.has(text);
}

/**
 * A literal block (`|`): the header says how the end is chomped (`-` no final line break, none for one,
 * `+` for more) and gives the indentation when the text starts with a space; every non-empty line is
 * indented to the level, at least one.
 */
function literal(text: string, level: number): string {
  const indent = '  '.repeat(Math.max(level, 1));
  const endsWithBreak = text.charCodeAt(text.length - 1) === 10;
  const keep = endsWithBreak && (text.length === 1 || text.charCodeAt(text.length - 2) === 10);
  const chomp = keep ? '+' : endsWithBreak ? '' : '-';
  const lines = text.split('\n');
  // The final line break is the document's own.
  if (endsWithBreak) lines.pop();
  let body = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > 0) body += '\n';
    if (line !== '') body += indent + line;
  }
  return `|${/^\n* /.test(text) ? '2' : ''}${chomp}\n${body}`;
}

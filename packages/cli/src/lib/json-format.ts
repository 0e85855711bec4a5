/** The repo's formatter (Biome) line width: generated files must pass `biome check` untouched. */
const LINE_WIDTH = 110;

/**
 * JSON laid out the way Biome formats it, so a scaffolded file is lint-clean: objects one key per line,
 * arrays of scalars on one line when they fit, else one item per line.
 */
export function formatJson(value: unknown): string {
  return `${layout(value, '', 0)}\n`;
}

function layout(value: unknown, indent: string, prefixWidth: number): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    // One more column for the comma that may follow.
    if (scalars && prefixWidth + flat.length + 1 <= LINE_WIDTH) return flat;
    return `[\n${value.map((v) => `${inner}${layout(v, inner, inner.length)}`).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries
      .map(([k, v]) => {
        const key = `${inner}${JSON.stringify(k)}: `;
        return `${key}${layout(v, inner, key.length)}`;
      })
      .join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

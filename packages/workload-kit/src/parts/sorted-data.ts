/**
 * ConfigMap data with its keys in code-unit order, as the platform sorts string maps: the same on every
 * machine (`localeCompare` follows the process's locale) and no ICU collator to load in a render process.
 */
export function sortedData(data: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(data)
      .sort()
      .map((key) => [key, data[key]!]),
  );
}

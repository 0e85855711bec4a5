// Kosko's `kosko generate`, as one process: find the components, build and validate every object
// (`validate: true`), print them as YAML, here to a file. Its CLI needs a package the registry lacks, so
// this calls `generate` and `print` the way the CLI does. Plain JavaScript: Kosko does not pay for type
// stripping either. Usage: node src/kosko-process.mjs <components dir> <out file>
import { writeFileSync } from 'node:fs';
import { generate, PrintFormat, print } from '@kosko/generate';

const [components, out] = process.argv.slice(2);
const result = await generate({ path: components, components: ['*'], extensions: ['mjs'], validate: true });
let yaml = '';
print(result, { format: PrintFormat.YAML, writer: { write: (data) => (yaml += data) } });
writeFileSync(out, yaml);

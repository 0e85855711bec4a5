import { runSlice } from '../render/run.js';

const entry = process.argv[2] ?? 'slice.ts';
process.exitCode = await runSlice({ entry });

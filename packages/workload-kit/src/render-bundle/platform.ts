// Bundle entry: what `@ultron/platform` exports, for workspaces rendered through the kit's bundle.
import './zod-jitless.js';

export * from '@ultron/platform';

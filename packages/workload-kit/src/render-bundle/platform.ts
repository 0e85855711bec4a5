// Bundle entry: what `@ultron/platform` exports, for workspaces rendered through the kit's bundle.
export * from '@ultron/platform';

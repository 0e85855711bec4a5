// One locale-independent order for every listing, shared with the platform.
export { byCodePoint } from '@ultron/platform/core';

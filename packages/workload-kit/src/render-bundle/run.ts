// Bundle entry: the render `ultron-render` runs, sharing the bundle's one copy of the platform.
export { runSlice } from '@ultron/platform/core';

// Bundle entry: the render `ultron-render` runs, sharing the bundle's one copy of the platform.
export { renderSlice, runSlice, writeSlice } from '@ultron/platform/core';

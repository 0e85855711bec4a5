// Bundle entry: the render `ultron-render` runs, sharing the bundle's one copy of the platform.
import './zod-jitless.js';

export { renderSlice, runSlice, stageSlice } from '@ultron/platform/core';

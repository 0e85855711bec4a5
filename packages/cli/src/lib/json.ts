// The plain-JSON readers are the platform's, shared with its secret references.
export { arr, at, type Json, obj, str } from '@ultron/platform/core';

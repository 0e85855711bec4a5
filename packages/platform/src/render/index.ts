export { GENERATED_MARK, headerFor, headerLine, sourceOf } from './header.js';
export {
  describe,
  hasValidate,
  type Manifest,
  type ObjectMeta,
  type PlainManifest,
  toPlain,
} from './manifest.js';
export { findRepoRoot, treeRoot, workspaceSource } from './repo.js';
export { type RunOptions, runSlice } from './run.js';
export { type RenderedSlice, renderSlice, type Slice, type TreeRule } from './slice.js';
export { type FileContent, objectFileName, Tree } from './tree.js';
export { validateObjects } from './validate-objects.js';
export { type WriteSummary, writeSlice } from './writer.js';
export { canonical, renderYamlFile, toYaml } from './yaml.js';

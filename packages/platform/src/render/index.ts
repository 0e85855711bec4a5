export {
  type AssembledTree,
  type AssembleOptions,
  type AssembleResult,
  assembleSlices,
  type TreeCheck,
} from './assemble.js';
export { GENERATED_MARK, headerFor, headerLine, sourceOf } from './header.js';
export {
  describe,
  hasValidate,
  type Manifest,
  type ObjectMeta,
  type PlainManifest,
  plainViews,
  toPlain,
} from './manifest.js';
export { findRepoRoot, treeRoot, workspaceSource } from './repo.js';
export { type RunOptions, runSlice } from './run.js';
export {
  claimCovers,
  ownershipProblems,
  type RenderedSlice,
  renderSlice,
  type Slice,
  sliceName,
  type TreeRule,
} from './slice.js';
export { readStagedSlice, type StagedSlice, stageSlice, unstageSlice } from './stage.js';
export { type FileContent, objectFileName, Tree } from './tree.js';
export { validateObjects } from './validate-objects.js';
export { DEFAULT_ENTRY, type RenderWorkspace, renderWorkspaces, workspaceDirs } from './workspaces.js';
export { readTreeFiles, readTreeFilesAsync, recoverTree, type WriteSummary, writeTree } from './writer.js';
export { canonical, renderYamlFile, toYaml } from './yaml.js';

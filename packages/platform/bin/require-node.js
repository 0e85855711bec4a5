// Imported first by every entry point. Workspace definitions are TypeScript run by Node's type stripping
// (Node >= 22.18 runs .ts files without a flag); an older Node would stop at ERR_UNKNOWN_FILE_EXTENSION
// without saying why, so say which Node is needed before anything else loads.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `ultron needs Node >= 22.18 (24 recommended) to run the TypeScript definitions; this is Node ${process.versions.node}.\n` +
      '  → install Node 24 (e.g. `npm install --prefix ~/.cache/ultron-node node@24`, or .ci/run does it)\n',
  );
  process.exit(1);
}

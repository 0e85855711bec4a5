import { describe } from '../render/manifest.js';
import { containersOf } from './containers.js';
import { defineRule } from './rule.js';
import { podTemplates } from './workloads.js';

const PINNED = /(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

export default defineRule({
  id: 'images-pinned',
  doc: 'Every container image names a tag or digest, never `latest`: a deploy is a Git change, never a registry push.',
  check(entries) {
    return podTemplates(entries).flatMap((pod) =>
      containersOf(pod)
        .filter(
          ({ c }) =>
            !c.image || !PINNED.test(c.image.replace(/^[^/]+:[0-9]+\//, '')) || c.image.endsWith(':latest'),
        )
        .map(({ at, c }) => ({
          path: `${describe(pod.entry.manifest)}: ${at}.image`,
          message: `image "${c.image ?? ''}" is not pinned to a tag or digest (or uses latest)`,
        })),
    );
  },
});

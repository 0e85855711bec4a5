import { appNames } from '@ultron/platform/core';
import type { Capability } from '../capability.js';
import { configMaps } from './config-maps.js';
import { definitionEnv } from './env.js';

/** The definition's env and extra ConfigMaps. */
export const config: Capability = {
  name: 'config',
  contributes: ({ w }) => ({
    env: definitionEnv(w),
    secrets: Object.values(w.env).flatMap((value) =>
      typeof value === 'object' && 'secret' in value
        ? [
            {
              namespace: appNames(w.name).namespace,
              name: value.secret,
              keys: [value.key],
              madeBy: 'a person',
            },
          ]
        : [],
    ),
  }),
  render: ({ w }) => ({ objects: configMaps(w) }),
};

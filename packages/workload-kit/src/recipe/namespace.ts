import { appNames, commonLabels, podSecurityNamespace } from '@ultron/platform/core';
import type { Namespace } from 'kubernetes-models/v1/Namespace';
import type { Workload } from '../definition/schema.js';

/** The app's namespace, enforcing Pod Security "restricted" for everything in it, with the capabilities' labels. */
export function namespace(w: Workload, labels: Record<string, string>): Namespace {
  return podSecurityNamespace(
    appNames(w.name).namespace,
    { ...commonLabels(w.name), ...labels },
    { level: 'restricted' },
  );
}

import { appNames, commonLabels } from '@ultron/platform/core';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import type { Workload } from '../definition/schema.js';

/** The app's namespace, enforcing Pod Security "restricted" for everything in it. */
export function namespace(w: Workload): Namespace {
  return new Namespace({
    metadata: {
      name: appNames(w.name).namespace,
      labels: {
        ...commonLabels(w.name),
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  });
}

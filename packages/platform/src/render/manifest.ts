import { jsonCopy, plainView } from './plain.js';

/** The smallest shape every rendered Kubernetes object has. kubernetes-models classes satisfy it. */
export interface ObjectMeta {
  /** Optional only because kubernetes-models types it so; the Tree refuses objects without one. */
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  /** Optional only because kubernetes-models types it so; the Tree refuses objects without a name. */
  metadata?: ObjectMeta;
}

/** The metadata the platform sets on a custom resource it types by hand (kinds without a models package). */
export interface TypedMetadata {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** kubernetes-models instances carry a schema check; plain typed objects (kinds without a model) do not. */
export interface Validatable {
  validate(): void;
}

export function hasValidate(value: unknown): value is Validatable {
  return typeof (value as Partial<Validatable>)?.validate === 'function';
}

/** `Rollout penvoice/penvoice` — how objects are named in messages. */
export function describe(object: Pick<Manifest, 'kind' | 'metadata'>): string {
  const ns = object.metadata?.namespace ? `${object.metadata.namespace}/` : '';
  return `${object.kind} ${ns}${object.metadata?.name ?? '(unnamed)'}`;
}

/** Plain JSON data of an object: drops class prototypes, undefined fields and functions. */
export function toPlain(object: unknown): PlainManifest {
  return jsonCopy(object) as PlainManifest;
}

/**
 * The plain data of finished objects, for code that only reads it and may ask about the same object
 * several times (a workload's secrets analysis runs per folder against all of the app's objects): each
 * object is read once, and its nested data that already is plain is shared, not copied (see plain.ts).
 */
export function plainViews(): (object: Manifest) => PlainManifest {
  const views = new Map<Manifest, PlainManifest>();
  return (object) => {
    let view = views.get(object);
    if (view === undefined) {
      view = plainView(object) as PlainManifest;
      views.set(object, view);
    }
    return view;
  };
}

/** A manifest as plain JSON data, with all its fields. */
export type PlainManifest = Manifest & { metadata: ObjectMeta } & Record<string, unknown>;

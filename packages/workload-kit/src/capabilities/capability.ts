import type { IResourceIgnoreDifferences } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ResourceIgnoreDifferences';
import type { AlertSpec, Cluster, Manifest } from '@ultron/platform/core';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { ZodType } from 'zod';
import type { Workload } from '../definition/schema.js';

/** What every capability renders from: the cluster and the parsed definition (cluster defaults applied). */
export interface RenderContext {
  cluster: Cluster;
  w: Workload;
}

/** An egress destination the app's pods need because of a capability; the network capability renders its policy. */
export interface EgressPeer {
  /** Names the policy `<app>-egress-<name>`. */
  name: string;
  /** One line: why (rendered on the policy, printed by `ultron audit`). */
  reason: string;
  to: INetworkPolicyPeer[];
  ports: INetworkPolicyPort[];
}

/** CPU and memory one kind of pod asks for, times how many of them run. */
export interface BudgetItem {
  /** What runs, e.g. "api pods" or "Postgres instances". */
  what: string;
  count: number;
  requests: { cpu: string; memory: string };
  limits: { cpu?: string; memory?: string };
}

/** Something a capability's data lives in, and how it is backed up (or why it is not). */
export interface BackupTarget {
  /** The rendered object holding the data. */
  object: { apiVersion: string; kind: string; namespace: string; name: string };
  /** How it is saved, or why it needs no backup, in one line for people. */
  note: string;
}

/** A Secret the app's objects read that the kit never renders (made by an operator, the vault or a person). */
export interface SecretReference {
  namespace: string;
  name: string;
  keys: string[];
  /** Who makes it. */
  madeBy: string;
}

/**
 * What a capability adds to the app's pod and to other capabilities' objects. The recipe merges every
 * capability's contributions in registry order, then hands the merged result to each capability's `render`.
 */
export interface Contributions {
  /** Environment of every container running the app's image (the API and its migrations). */
  env?: IEnvVar[];
  /** Environment of the serving container only (after `env`). */
  servingEnv?: IEnvVar[];
  /** Labels on the app's pods (not on selectors). */
  podLabels?: Record<string, string>;
  /** Volumes of the app's pods, each with where the serving container mounts it. */
  volumes?: { volume: IVolume; mount: IVolumeMount }[];
  /** Labels on the app's Namespace. */
  namespaceLabels?: Record<string, string>;
  /** Egress the app's pods need. */
  egress?: EgressPeer[];
  /** Alerts in the app's PrometheusRule (and the README's table). */
  alerts?: AlertSpec[];
  /** Fields of the app's Application that Argo CD must leave to a controller. */
  ignoreDifferences?: IResourceIgnoreDifferences[];
  /** Secrets the capability's objects read and the kit never renders. */
  secrets?: SecretReference[];
  /** Requests and limits of the pods the capability runs. */
  budget?: BudgetItem[];
  /** Where its data lives and how it is backed up. */
  backups?: BackupTarget[];
}

/** Every list of `Contributions`, merged; maps merged key by key. */
export type MergedContributions = Required<Contributions>;

/** A folder of the app with its own Argo CD Application, synced before the app's own. */
export interface OwnFolder {
  /** Path in the tree, e.g. `workloads/<app>/database`. */
  dir: string;
  /** The Application syncing it (goes into `apps/<app>.yaml`, in registry order, before the app's). */
  application: Manifest;
  /** Namespace its objects live in; the one of the app's namespace that syncs first carries the Namespace. */
  namespace: string;
  objects: Manifest[];
}

/**
 * How the day-2 commands (`ultron backup`, `ultron restore`) find and read a capability's backed-up data in
 * the committed tree, from the app's name alone (they do not load definitions).
 */
export interface BackupFacts<Method extends string = string> {
  /** The rendered object holding the data; its name is derived from the app's. */
  target(app: string): BackupTarget['object'];
  /** How the rendered object is backed up, read from its spec; null when it is not. */
  method(spec: Record<string, unknown>): Method | null;
  /** Where a point-in-time recovery reads the backups from, as the rendered object's kind spells it. */
  recoverySource(
    app: string,
    spec: Record<string, unknown>,
    method: Method,
  ): { name: string } & Record<string, unknown>;
}

/** What a capability renders once it knows what the others contributed. */
export interface Rendered {
  /** Objects in the app's folder, synced by the app's Application. */
  objects?: Manifest[];
  /** Non-YAML files of the app's folder, by file name. */
  files?: Record<string, string>;
  folder?: OwnFolder;
  /**
   * Objects that must exist in the app's namespace before anything there syncs (generated Secrets): they
   * go with the first Application to sync into it.
   */
  namespaceFirst?: Manifest[];
}

/**
 * One thing an app can have (a database, auth, an edge): whether the definition turns it on, what it
 * gives the others and what it renders.
 */
export interface Capability {
  /** Short and unique: names it in errors and in the registry. */
  name: string;
  /**
   * Definition fields it adds, appended to the definition schema (validated and defaulted with the rest,
   * their problems listed with the rest). The built-in capabilities' fields are placed by
   * `definition/schema.ts` instead, in the order their problems are listed.
   */
  fields?: Record<string, ZodType>;
  /** Whether the definition turns it on. Default: always. */
  enabled?(w: Workload): boolean;
  contributes?(ctx: RenderContext): Contributions;
  /** For a capability whose data is backed up: how the CLI reads the committed tree about it. */
  backup?: BackupFacts;
  render?(ctx: RenderContext, merged: MergedContributions): Rendered;
}

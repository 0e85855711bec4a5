import type { Problem } from '../errors/problem.js';
import type { TreeEntry } from '../inspect/objects.js';
import acmeSolverAdmitted from './acme-solver-admitted.js';
import hostsUnique from './hosts-unique.js';
import migrationsRunOnce from './migrations-run-once.js';
import monitorsMatchTargets from './monitors-match-targets.js';
import namespacesExist from './namespaces-exist.js';
import noPlaintextSecrets from './no-plaintext-secrets.js';
import noSecretsOnArgv from './no-secrets-on-argv.js';
import operatorOwnedNames from './operator-owned-names.js';
import pinnedImages from './pinned-images.js';
import podSecurityRestricted from './pod-security-restricted.js';
import podsScrapedOnce from './pods-scraped-once.js';
import probesMatchPorts from './probes-match-ports.js';
import projectsContainApps from './projects-contain-apps.js';
import rolloutReferences from './rollout-references.js';
import type { Rule } from './rule.js';
import serviceSelectsPods from './service-selects-pods.js';
import tlsMatchesRoutes from './tls-matches-routes.js';
import wavesOrdered from './waves-ordered.js';

export { type ArgvLeak, secretsOnArgv } from './no-secrets-on-argv.js';
export { defineRule, type Rule, type RuleScope } from './rule.js';

/** Consistency rules: objects that must fit together (`ultron validate` reports them as "rules"). */
export const crossObjectRules: readonly Rule[] = [
  serviceSelectsPods,
  monitorsMatchTargets,
  rolloutReferences,
  tlsMatchesRoutes,
  hostsUnique,
  namespacesExist,
  projectsContainApps,
  wavesOrdered,
  podsScrapedOnce,
  acmeSolverAdmitted,
  operatorOwnedNames,
  probesMatchPorts,
  migrationsRunOnce,
];

/** Secure-default policies, each judging one object (`ultron validate` reports them as "policy"). */
export const policyRules: readonly Rule[] = [
  noPlaintextSecrets,
  noSecretsOnArgv,
  pinnedImages,
  podSecurityRestricted,
];

/** Every rule of the kit, in a stable order. */
export const rules: readonly Rule[] = [...crossObjectRules, ...policyRules];

/** Runs rules over a whole tree; each problem's message ends with the id of the rule that found it. */
export function checkTree(entries: readonly TreeEntry[], only: readonly Rule[] = rules): Problem[] {
  return checkTreeKnowing(entries, only).problems;
}

/**
 * `checkTree`, except that the `object` rules (each judges one object alone) skip the entries `known`
 * says passed them before, and the files where one found a problem are returned: a caller remembering
 * which file contents passed spares a one-app change re-judging every other object of the tree.
 */
export function checkTreeKnowing(
  entries: readonly TreeEntry[],
  only: readonly Rule[] = rules,
  known: (entry: TreeEntry) => boolean = () => false,
): { problems: Problem[]; objectRuleFailures: Set<string> } {
  const objectRuleFailures = new Set<string>();
  const unknown = entries.filter((e) => !known(e));
  const problems = only.flatMap((rule) => {
    const { checkObject } = rule;
    const found = checkObject
      ? unknown.flatMap((entry) => {
          const ps = checkObject(entry);
          if (ps.length > 0) objectRuleFailures.add(entry.file);
          return ps;
        })
      : rule.check(entries);
    return found.map((p) => ({ ...p, message: `${p.message} [${rule.id}]` }));
  });
  return { problems, objectRuleFailures };
}

/**
 * Runs the rules that hold for one slice on its own (scope `object` or `slice`) over a slice's objects,
 * e.g. one app's render before it joins the tree; `tree` rules need the platform's objects beside it.
 */
export function checkSlice(entries: readonly TreeEntry[], only: readonly Rule[] = rules): Problem[] {
  return checkTree(
    entries,
    only.filter((rule) => rule.scope !== 'tree'),
  );
}

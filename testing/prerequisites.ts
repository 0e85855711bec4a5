/**
 * Tests that need something outside the repo (the pinned CRDs, chart defaults, a Debian tool) ask here
 * first. Locally a missing prerequisite skips those tests and says why in the run's summary (the
 * summary reporter collects the reason from the console); with CI=true it fails the run instead, so a
 * CI job can never go green with a check that did not run.
 */
export const SKIP_MARK = '[ultron-skip]';

/** Whether `what` can run: `missing` is null when its prerequisite is there, else why it is not. */
export function prerequisite(what: string, missing: string | null): boolean {
  if (missing === null) return true;
  if (process.env.CI === 'true')
    throw new Error(`${what} cannot run: ${missing}. With CI=true every prerequisite must be present.`);
  console.log(`${SKIP_MARK} ${what}: ${missing}`);
  return false;
}

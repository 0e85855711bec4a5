import { describe } from 'vitest';
import { itChecksFixtures, rule } from './harness.js';

// Its fixtures (test/fixtures/migrations-run-once/) are its cases.
describe('migrations-run-once', () => {
  itChecksFixtures(rule('migrations-run-once'));
});

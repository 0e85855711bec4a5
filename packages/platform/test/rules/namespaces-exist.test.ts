import { describe } from 'vitest';
import { itChecksFixtures, rule } from './harness.js';

// Its fixtures (test/fixtures/namespaces-exist/) are its cases.
describe('namespaces-exist', () => {
  itChecksFixtures(rule('namespaces-exist'));
});

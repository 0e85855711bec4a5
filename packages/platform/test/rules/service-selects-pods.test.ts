import { describe } from 'vitest';
import { itChecksFixtures, rule } from './harness.js';

// Its fixtures (test/fixtures/service-selects-pods/) are its cases.
describe('service-selects-pods', () => {
  itChecksFixtures(rule('service-selects-pods'));
});

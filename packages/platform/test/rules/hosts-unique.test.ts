import { describe } from 'vitest';
import { itChecksFixtures, rule } from './harness.js';

// Its fixtures (test/fixtures/hosts-unique/) are its cases.
describe('hosts-unique', () => {
  itChecksFixtures(rule('hosts-unique'));
});

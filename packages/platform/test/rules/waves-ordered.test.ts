import { describe } from 'vitest';
import { itChecksFixtures, rule } from './harness.js';

// Its fixtures (test/fixtures/waves-ordered/) are its cases.
describe('waves-ordered', () => {
  itChecksFixtures(rule('waves-ordered'));
});

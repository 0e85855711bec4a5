import type { Rule } from '@ultron/platform';
import { noPlaintextSecrets } from './no-plaintext-secrets.ts';
import { pinnedImages } from './pinned-images.ts';
import { podSecurityRestricted } from './pod-security-restricted.ts';

/** The per-object policies `ultron validate` applies on top of the kit's cross-object rules. */
export const policies: readonly Rule[] = [noPlaintextSecrets, pinnedImages, podSecurityRestricted];

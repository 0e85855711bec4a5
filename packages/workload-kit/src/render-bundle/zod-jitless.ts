import { config } from 'zod';

// Bundle prologue, imported first by every entry: a render process parses each definition once, and zod's
// JIT (it writes and compiles an object's parser on that schema's first parse, to win over many parses)
// is pure cost there. Zod reads the setting when a schema is built, so this runs before any module that
// builds one; parsing without the JIT gives the same results.
config({ jitless: true });

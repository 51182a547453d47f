// The web build resolves `zod` to this module (vite.config.ts), so every schema — the contracts'
// included — is made after this line: the CSP has no 'unsafe-eval', and zod's JIT probe
// (`Function('')`, run when an object schema is made) would be refused and reported as a CSP
// violation on every page. Parsing without the JIT needs no eval.
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';

import { z } from 'zod';

// The CSP has no 'unsafe-eval': zod's JIT probe (`Function('')`) is refused, and the browser
// reports a CSP violation on every page. Parsing without the JIT needs no eval.
z.config({ jitless: true });

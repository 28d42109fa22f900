#!/usr/bin/env node
// The `mpdom` command. TypeScript sources run through tsx, so there is no build step for the
// server; only the web UI is bundled (by Vite, on first start).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

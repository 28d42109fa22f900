import type { Config } from '../../config.js';
import type { Queryable } from '../../platform/db/database.js';
import { localRegistryAdapter } from './local-registry.adapter.js';
import type { RegistryAdapter } from './registry-adapter.js';

type AdapterName = Config['registry']['adapter'];

/**
 * Every adapter `REGISTRY_ADAPTER` may name. The configuration refuses other names at boot, and
 * this table must cover every name it accepts (the type says so), so a new adapter is one entry
 * here and one word in config.ts.
 */
const ADAPTERS: Record<AdapterName, (ctx: { db: Queryable }) => RegistryAdapter> = {
  local: (ctx) => localRegistryAdapter(ctx.db),
};

/** The registry the platform checks property facts against, as configured. */
export function registryAdapterFor(ctx: {
  config: Pick<Config, 'registry'>;
  db: Queryable;
}): RegistryAdapter {
  return ADAPTERS[ctx.config.registry.adapter](ctx);
}

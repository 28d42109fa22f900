import type { Command } from 'commander';

import { auditCommand } from './audit.js';
import { benchCommand } from './bench.js';
import { importHousesCommand } from './import-houses.js';
import { importRegistryCommand } from './import-registry.js';
import { migrateCommand } from './migrate.js';
import { outboxCommand } from './outbox.js';
import { startCommand } from './start.js';

export function registerCommands(program: Command) {
  startCommand(program);
  migrateCommand(program);
  importHousesCommand(program);
  importRegistryCommand(program);
  outboxCommand(program);
  auditCommand(program);
  benchCommand(program);
}

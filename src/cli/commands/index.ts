import type { Command } from 'commander';

import { migrateCommand } from './migrate.js';
import { startCommand } from './start.js';

export function registerCommands(program: Command) {
  startCommand(program);
  migrateCommand(program);
}

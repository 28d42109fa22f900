import fs from 'node:fs';

import { importHouses } from './modules/buildings/buildings.import.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/demo/demo.accounts.js';
import { seedDemoRegistry } from './modules/demo/demo.registry.js';
import { buildDemoWorld } from './modules/demo/demo.world.js';
import type { AppContext } from './platform/context.js';

/**
 * What an empty database gets on its first start: the house registry extract and, unless turned
 * off, the demo world. A database that already has houses is left alone, so later starts are quick
 * and change nothing.
 */
export async function firstStart(
  ctx: AppContext,
  print: (text: string) => void = (text) => process.stdout.write(text),
): Promise<void> {
  const [row] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM houses');

  if ((row?.n ?? 0) > 0) {
    ctx.logger.info({ houses: row?.n }, 'database already populated; first-start skipped');

    return;
  }

  if (!fs.existsSync(ctx.config.housesFile)) {
    ctx.logger.warn({ file: ctx.config.housesFile }, 'house registry file not found; no houses');

    return;
  }

  const report = await importHouses(ctx, ctx.config.housesFile);

  print(
    `\n  Реестр домов / house registry: ${report.rowsRead} rows read, ${report.created} created, ` +
      `${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped ` +
      `(${report.rowsPerSecond} rows/s)\n`,
  );

  if (!ctx.config.demo) {
    return;
  }

  const world = await buildDemoWorld(ctx);

  if (!world) {
    return;
  }

  // The registry extract of the demo houses, with its documented disagreements (docs/demo-world.md).
  const registry = await seedDemoRegistry(ctx, world.houses);

  const accounts = DEMO_ACCOUNTS.map(
    (a) => `    ${a.login.padEnd(24)} ${a.audience.padEnd(13)} ${a.description.ru}`,
  ).join('\n');

  print(
    `\n  ДЕМО / DEMO: ${world.premises} premises and ${world.persons} synthetic people in\n` +
      world.houses.map((h) => `    ${h.address}`).join('\n') +
      `\n  Выписка ЕГРН / registry extract: ${registry.report.objectsRead} objects, ` +
      `${registry.report.rightsRead} rights -> ${registry.file}` +
      `\n\n  Демо-входы / demo sign-ins (password: ${DEMO_PASSWORD}):\n${accounts}\n\n`,
  );
}

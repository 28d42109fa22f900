import type { AppContext } from './platform/context.js';

/**
 * What an empty database gets on its first start: the house registry extract and, unless turned
 * off, the demo world. A database that already has houses is left alone, so later starts are quick
 * and change nothing.
 */
export async function firstStart(ctx: AppContext): Promise<void> {
  const [row] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM houses');

  if ((row?.n ?? 0) > 0) {
    ctx.logger.info({ houses: row?.n }, 'database already populated; first-start skipped');

    return;
  }

  // TODO(wired next): registry import and demo world are plugged in here.
}

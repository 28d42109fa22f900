import type { PGlite } from '@electric-sql/pglite';

/** The `db` contract pg-boss accepts in place of its own pool. */
export type BossDb = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] } | undefined>;
};

/**
 * pg-boss on the embedded database. Calls are serialised on one promise chain, so a multi-statement
 * script (pg-boss wraps maintenance in BEGIN … COMMIT) never interleaves with another call.
 * Parameterless SQL goes through `exec()`, which accepts several statements (pg-boss sends its
 * schema as one script); parameterised SQL through `query()`. After `close()` calls answer nothing, as pg-boss's own closed pool does, so
 * a worker loop still winding down cannot touch a database that is being closed.
 */
export function createPgliteBossDb(client: PGlite): BossDb & { close(): Promise<void> } {
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;

  async function run(text: string, values?: unknown[]) {
    if (closed) {
      return undefined;
    }

    if (values && values.length > 0) {
      const result = await client.query(text, values);

      return { rows: result.rows };
    }

    // Inside a PGlite transaction the embedded connection stays ours until the script ends, and a
    // script that fails midway is rolled back at once instead of leaving that one connection in an
    // aborted transaction for every other caller. A script's own BEGIN/COMMIT only draws warnings.
    const results = await client.transaction((tx) => tx.exec(text));

    return { rows: results.at(-1)?.rows ?? [] };
  }

  return {
    executeSql(text, values) {
      const result = chain.then(() => run(text, values));

      chain = result.catch(() => undefined);

      return result;
    },
    async close() {
      closed = true;
      await chain;
    },
  };
}

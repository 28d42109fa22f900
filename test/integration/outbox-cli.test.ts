import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { showOutbox } from '../../src/cli/commands/outbox.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { deliverPending, enqueueMessage } from '../../src/server/platform/outbox/outbox.service.js';
import { createTransports } from '../../src/server/platform/outbox/outbox.transports.js';
import { createTestDatabase } from '../support/database.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('mpdom outbox', () => {
  let config: Config;
  let db: Database;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-outbox-cli-'));
    config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    db = await createTestDatabase();

    await enqueueMessage(db, {
      channel: 'email',
      recipient: 'olga@example.ru',
      subject: 'Подтвердите e-mail',
      body: 'Ваш код: 482915',
    });
    await enqueueMessage(db, { channel: 'sms', recipient: '+79001234567', body: 'Код 731204' });
    await enqueueMessage(db, { channel: 'sms', recipient: '+79007654321', body: 'Код 100200' });
    await deliverPending({ db }, createTransports(config));
    await enqueueMessage(db, { channel: 'sms', recipient: '+79001234567', body: 'Код 999000' });
  });

  afterAll(async () => {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const fromDb = (options: Parameters<typeof showOutbox>[1]) =>
    showOutbox(config, { ...options, source: 'db' }, async () => ({
      ...db,
      close: async () => undefined, // the test closes its database itself
    }));

  it('should print delivered messages from the outbox folder, decoded and newest first', async () => {
    const text = await showOutbox(config, { limit: 10, source: 'files' });

    expect(text.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}.+$/gm)).toEqual([
      expect.stringContaining('SMS → +79007654321'),
      expect.stringContaining('SMS → +79001234567'),
      expect.stringContaining('e-mail → olga@example.ru'),
    ]);
    expect(text).toContain('    Subject: Подтвердите e-mail\n    Ваш код: 482915\n');
    expect(text).not.toContain('999000'); // still pending: only the database knows it
  });

  it('should filter files by channel and recipient and respect the limit', async () => {
    const sms = await showOutbox(config, { limit: 10, source: 'files', channel: 'sms' });
    const one = await showOutbox(config, { limit: 1, source: 'files', recipient: '+79001234567' });
    const nobody = await showOutbox(config, { limit: 5, source: 'files', recipient: 'x@y.ru' });

    expect(sms).not.toContain('olga@example.ru');
    expect(one).toContain('Код 731204');
    expect(one.match(/UTC/g)).toHaveLength(1);
    expect(nobody).toBe(`No messages in ${config.outboxDir}.\n`);
  });

  it('should print status and attempts from the database, pending ones included', async () => {
    const text = await fromDb({ limit: 10, recipient: '+79001234567' });

    expect(text).toMatch(/SMS → \+79001234567 {2}\[pending\]\n {4}Код 999000\n/);
    expect(text).toMatch(/SMS → \+79001234567 {2}\[sent, attempts: 1\]\n {4}Код 731204\n/);
  });

  it('should not create an embedded database just to read it', async () => {
    const explicit = await showOutbox(config, { limit: 5, source: 'db' });
    const byDefault = await showOutbox(config, { limit: 5, channel: 'email' });

    expect(explicit).toContain('No database yet');
    expect(byDefault).toContain('e-mail → olga@example.ru'); // the files, then
    expect(fs.existsSync(path.join(dataDir, 'db'))).toBe(false);
  });

  it('should read a stopped embedded database by default, under its lock', async (context) => {
    if (!db.pglite) {
      context.skip(); // the embedded path; this pass runs on a PostgreSQL server
    }

    const stoppedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-outbox-stopped-'));
    const stopped = loadConfig({ NODE_ENV: 'test', DATA_DIR: stoppedDir });

    // A copy of this test's database on disk, as a stopped server leaves it.
    const onDisk = await PGlite.create({
      dataDir: path.join(stoppedDir, 'db'),
      loadDataDir: await db.pglite!.dumpDataDir('none'),
    });

    await onDisk.close();

    try {
      const text = await showOutbox(stopped, { limit: 5, recipient: '+79001234567' });

      expect(text).toMatch(/SMS → \+79001234567 {2}\[pending\]\n {4}Код 999000\n/);
      expect(fs.existsSync(path.join(stoppedDir, 'mpdom.pid'))).toBe(false);
    } finally {
      fs.rmSync(stoppedDir, { recursive: true, force: true });
    }
  });

  it('should leave an embedded database a running server holds alone and read the files', async () => {
    const busyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-outbox-busy-'));
    const busy = loadConfig({ NODE_ENV: 'test', DATA_DIR: busyDir });

    // What a running server leaves: a database directory and the lock naming its live process.
    fs.mkdirSync(path.join(busyDir, 'db', 'base'), { recursive: true });
    fs.writeFileSync(path.join(busyDir, 'db', 'PG_VERSION'), '17\n');
    fs.writeFileSync(path.join(busyDir, 'mpdom.pid'), String(process.ppid));
    fs.cpSync(config.outboxDir, busy.outboxDir, { recursive: true });

    try {
      const text = await showOutbox(busy, { limit: 1, channel: 'sms' });

      expect(text).toMatch(/^\(.*in use by another МП-дом process.*showing the delivered/);
      expect(text).toContain('SMS → +79007654321');
      await expect(showOutbox(busy, { limit: 1, source: 'db' })).rejects.toThrow('in use');
    } finally {
      fs.rmSync(busyDir, { recursive: true, force: true });
    }
  });

  it('should send in-app readers to the database', async () => {
    expect(await showOutbox(config, { limit: 5, source: 'files', channel: 'in_app' })).toContain(
      '--source db',
    );
  });

  it('should run as a real command and refuse a bad limit', async () => {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const { stdout } = await run(
      process.execPath,
      ['bin/mpdom.mjs', 'outbox', '--channel', 'email', '--limit', '3'],
      { cwd: ROOT, env },
    );
    const refused = await run(process.execPath, ['bin/mpdom.mjs', 'outbox', '--limit', '0'], {
      cwd: ROOT,
      env,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );

    expect(stdout).toContain('e-mail → olga@example.ru');
    expect(stdout).toContain('Ваш код: 482915');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('must be a whole number from 1 to 1000');
  });
});

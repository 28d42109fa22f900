import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { Command } from 'commander';

/** `bench/<name>.ts` or `bench/<name>/index.ts`, resolved from the project root. */
export function benchScript(root: string, name: string): string | null {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    return null;
  }

  const candidates = [
    path.join(root, 'bench', `${name}.ts`),
    path.join(root, 'bench', name, 'index.ts'),
  ];

  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

function listBenches(root: string): string[] {
  const dir = path.join(root, 'bench');

  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isFile() && entry.name.endsWith('.ts')) {
        return [entry.name.slice(0, -3)];
      }

      return entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'index.ts'))
        ? [entry.name]
        : [];
    })
    .sort();
}

/**
 * `npm run bench -- <name> [args…]`: runs one benchmark in its own tsx process (a benchmark
 * measures a fresh process, and its exit code is the command's), passing the extra arguments on.
 */
export function benchCommand(program: Command) {
  program
    .command('bench')
    .description('run a benchmark from bench/: bench/<name>.ts or bench/<name>/index.ts')
    .argument('[name]', 'the benchmark; omit to list them')
    .argument('[args...]', 'arguments passed to the benchmark')
    .allowUnknownOption(true)
    .action(async (name: string | undefined, args: string[]) => {
      const root = process.cwd();

      if (!name) {
        process.stdout.write(`benchmarks: ${listBenches(root).join(', ')}\n`);

        return;
      }

      const script = benchScript(root, name);

      if (!script) {
        process.stderr.write(`no benchmark "${name}"; known: ${listBenches(root).join(', ')}\n`);
        process.exitCode = 2;

        return;
      }

      const code = await new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
          stdio: 'inherit',
        });

        child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
      });

      process.exitCode = code;
    });
}

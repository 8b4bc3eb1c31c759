/**
 * Runs `npm start` for a test: on a free port, with its own data directory, in its own process group so that
 * stopping it also stops what it started (DynamoDB Local's JVM). Resolves when it prints `ready <url>`.
 * With E2E_BASE_URL set, uses that already running server instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface LocalServer {
  url: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group that `detached: true` gave the child.
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function startLocalServer(readyTimeoutMs = 240_000): Promise<LocalServer> {
  if (process.env.E2E_BASE_URL) {
    const url = process.env.E2E_BASE_URL.replace(/\/$/, '');
    return { url, output: () => '', stop: async () => undefined };
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'jianyi-e2e-'));
  const child = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const stop = async (): Promise<void> => {
    killGroup(child, 'SIGTERM');
    if (!(await exited(child, 15_000))) {
      killGroup(child, 'SIGKILL');
      await exited(child, 5_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no "ready" line in ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^ready (http:\/\/\S+)/m.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { url, output: () => output, stop };
}

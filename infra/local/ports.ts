/**
 * Loopback helpers shared by the emulators: a free port, and the guard that keeps tests and the local
 * runtime from ever talking to a real AWS endpoint.
 */
import { createServer } from 'node:net';

// The SDK warns once per bundled copy that Node 20 support ends in 2027: noise in a local run and in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Asks the OS for a free TCP port on 127.0.0.1 (released before returning; a tiny race we accept). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not obtain a free port'))));
    });
  });
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Throws unless `url` points at this machine. Integration tests call it on every endpoint they are handed so
 * that a stray environment variable can never aim them at a real account.
 */
export function assertLocalEndpoint(url: string | URL | undefined): void {
  if (url === undefined) throw new Error('Refusing to run without an explicit local endpoint');
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new Error(`Refusing a malformed endpoint: ${String(url)}`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || !loopbackHosts.has(parsed.hostname)) {
    throw new Error(`Refusing a non-local endpoint: ${parsed.origin} (only 127.0.0.1 / localhost are allowed)`);
  }
}

/**
 * `npm start` runs this process under npm -> sh -> tsx. When a script or test harness stops it by killing the
 * npm process alone, npm's shell dies without passing the signal on, and this process (with its JVM) would
 * live on as an orphan holding the port. So it watches its launch chain and shuts down when any link is gone.
 *
 * Linux only (it reads /proc); elsewhere it does nothing and the signal handlers are all there is.
 */
import { existsSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Exists and is not a zombie (a dead npm whose own parent has not reaped it yet is still gone). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * The processes between this one and the npm process that launched it (npm included). Without npm in the
 * first few ancestors (run as `npx tsx infra/local/start.ts`), only the direct parent is watched.
 */
export function launchChain(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 5 && pid > 1; depth++) {
    chain.push(pid);
    if (/(^|[\s/])npm(-cli\.js)?\s/.test(`${commandLine(pid)} `)) return chain;
    const parent = parentOf(pid);
    if (!parent) break;
    pid = parent;
  }
  return process.ppid > 1 ? [process.ppid] : [];
}

/** Calls `onGone` once if any process of the launch chain exits. Returns a function that stops watching. */
export function watchLaunchChain(onGone: (pid: number) => void, intervalMs = 1000): () => void {
  if (!existsSync('/proc/self/stat')) return () => undefined;
  const chain = launchChain();
  const timer = setInterval(() => {
    const gone = chain.find((pid) => !isAlive(pid));
    if (gone !== undefined) {
      clearInterval(timer);
      onGone(gone);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

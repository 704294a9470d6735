// A process and everything it started (the app and its WebKit processes), and their memory,
// read from /proc. Shared by the desktop benchmarks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** `root` and its descendants: `{ pid, ppid, comm }`. */
export function tree(root) {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  const procs = out.trim().split('\n').map((l) => l.trim().split(/\s+/)).map(([pid, ppid, ...c]) => ({ pid: +pid, ppid: +ppid, comm: c.join(' ') }));
  const set = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (set.has(p.ppid) && !set.has(p.pid)) (set.add(p.pid), (grew = true));
  }
  return procs.filter((p) => set.has(p.pid));
}

/** PSS and RSS in MiB of `pid` and everything under it, and PSS by process name (`byComm`). */
export function memoryOf(pid) {
  let pss = 0;
  let rss = 0;
  const byComm = {};
  for (const p of tree(pid)) {
    try {
      const roll = fs.readFileSync(`/proc/${p.pid}/smaps_rollup`, 'utf8');
      const one = Number(/^Pss:\s+(\d+)/m.exec(roll)[1]);
      pss += one;
      rss += Number(/^Rss:\s+(\d+)/m.exec(roll)[1]);
      byComm[p.comm] = (byComm[p.comm] ?? 0) + one / 1024;
    } catch {}
  }
  return { pss: pss / 1024, rss: rss / 1024, byComm };
}

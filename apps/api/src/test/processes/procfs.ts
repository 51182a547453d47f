import { readdirSync, readFileSync } from 'node:fs';

/** Whether a process exists and is not a zombie (/proc; Linux). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The parent of every living (not zombie) process, by pid (from /proc). */
function parents(): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') found.set(Number(entry), Number(ppid));
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/** The living (not zombie) children of `pid`, as `ps --ppid` lists them. */
export function children(pid: number): number[] {
  return [...parents()].flatMap(([child, ppid]) => (ppid === pid ? [child] : []));
}

/** Every living process below `pid` (from /proc; zombies count as gone). */
export function descendants(pid: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [child, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), child]);
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of byParent.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

/** The command line of `pid`, its arguments separated by spaces. Throws when the process is gone. */
export const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');

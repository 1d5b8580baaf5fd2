// Concurrency limits for polite fetching: at most `global` tasks at once, and at most `perKey` at
// once for one key (the host), so one publisher with many feeds never gets a burst from us.
// Waiting tasks start in arrival order among those whose host has room.

export interface Limiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createLimiter(global: number, perKey: number): Limiter {
  let active = 0;
  const perHost = new Map<string, number>();
  const queue: Array<{ key: string; start: () => void }> = [];

  const pump = () => {
    for (let i = 0; i < queue.length && active < global;) {
      const entry = queue[i]!;
      if ((perHost.get(entry.key) ?? 0) >= perKey) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      active++;
      perHost.set(entry.key, (perHost.get(entry.key) ?? 0) + 1);
      entry.start();
    }
  };

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          key,
          start: () => {
            task()
              .then(resolve, reject)
              .finally(() => {
                active--;
                perHost.set(key, perHost.get(key)! - 1);
                pump();
              });
          },
        });
        pump();
      });
    },
  };
}

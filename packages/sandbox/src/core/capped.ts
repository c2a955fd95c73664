/** Bounded collections: the sandbox keeps the newest entries so a long benchmark cannot grow it without end. */

/** Drops the oldest entries of an insertion-ordered map beyond `max`. */
export function cap<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}

/** Moves a key to the newest end, so caps drop what was least recently used. */
export function touch<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/**
 * Appends to a log capped at its `max` newest entries. Trimming waits for some slack so a full log
 * costs one splice per many appends rather than one per append; readers see `newest()`.
 */
export function pushCapped<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max + Math.max(32, max >> 3)) list.splice(0, list.length - max);
}

export function newest<T>(list: T[], max: number): T[] {
  return list.length > max ? list.slice(-max) : list;
}

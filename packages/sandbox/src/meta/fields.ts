/** A parsed `fields=` list: `id,name,instagram_business_account{id,username}` → { id, name, instagram_business_account: {…} }. */
export type FieldTree = Map<string, FieldTree | true>;

export function parseFields(spec: string): FieldTree {
  const root: FieldTree = new Map();
  const stack: FieldTree[] = [root];
  let name = '';
  let last = '';
  const flush = () => {
    const n = name.trim();
    if (n) stack[stack.length - 1]?.set(n, true);
    if (n) last = n;
    name = '';
  };
  for (const ch of spec) {
    if (ch === ',') flush();
    else if (ch === '{') {
      flush();
      const child: FieldTree = new Map();
      stack[stack.length - 1]?.set(last, child);
      stack.push(child);
    } else if (ch === '}') {
      flush();
      if (stack.length > 1) stack.pop();
    } else name += ch;
  }
  flush();
  return root;
}

/** Keeps the requested fields of an object (Graph answers with what `fields=` names, `id` included). */
export function pickFields(
  value: Record<string, unknown>,
  spec: string | undefined,
): Record<string, unknown> {
  if (!spec) return value;
  return pick(value, parseFields(spec));
}

function pick(value: Record<string, unknown>, tree: FieldTree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = value[key];
    if (v === undefined) continue;
    out[key] =
      sub !== true && v && typeof v === 'object' && !Array.isArray(v)
        ? pick(v as Record<string, unknown>, sub)
        : v;
  }
  if (value.id !== undefined && out.id === undefined) out.id = value.id;
  return out;
}

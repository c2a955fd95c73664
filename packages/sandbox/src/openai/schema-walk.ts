/** Helpers for reading a JSON Schema as the AI SDK sends it (draft 7 / 2020-12 from zod's toJSONSchema). */
export type Schema = Record<string, unknown>;

export function asSchema(value: unknown): Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : {};
}

export const asNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** Follows local `$ref`s (`#/$defs/x`, `#/definitions/x`); sibling keywords override the target's. */
export function resolveRef(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const { $ref, ...siblings } = current;
    let target: unknown = root;
    for (const part of ($ref as string).replace(/^#\/?/, '').split('/').filter(Boolean))
      target = asSchema(target)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = { ...asSchema(target), ...siblings };
  }
  return current;
}

/** `allOf` parts merged into one schema: enough for zod's intersections and extended objects. */
export function mergeAllOf(schema: Schema, root: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  let merged: Schema = rest;
  for (const part of allOf as unknown[]) {
    const p = mergeAllOf(resolveRef(asSchema(part), root), root);
    merged = {
      ...merged,
      ...p,
      properties: { ...asSchema(merged.properties), ...asSchema(p.properties) },
    };
  }
  return merged;
}

/** The type to generate: the first non-null one of a union type, or what the keywords imply. */
export function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') as string | undefined) ?? 'null';
  if (typeof t === 'string') return t;
  if (schema.properties !== undefined) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  return undefined;
}

/** The values a union of constants allows (zod turns `z.union([z.literal('a'), …])` into that), if it is one. */
export function unionConstants(alternatives: Schema[]): unknown[] | undefined {
  const values: unknown[] = [];
  for (const alt of alternatives) {
    if ('const' in alt) values.push(alt.const);
    else if (Array.isArray(alt.enum)) values.push(...alt.enum);
    else return undefined;
  }
  return values.length > 0 ? values : undefined;
}

/** Fits a string within minLength/maxLength without splitting a surrogate pair. */
export function fitLength(text: string, schema: Schema): string {
  const max = asNumber(schema.maxLength);
  const min = asNumber(schema.minLength) ?? 0;
  let out = text;
  if (max !== undefined && out.length > max) {
    const chars = Array.from(out);
    while (chars.join('').length > max) chars.pop();
    out = chars.join('').trimEnd();
  }
  return out.length < min ? out.padEnd(min, '.') : out;
}

import { type MessageHints, matchEnum, pickEnum } from './hints.ts';
import { booleanFor, emotions, keywords, numberFor, stringFor } from './scalars.ts';
import {
  asNumber,
  asSchema,
  fitLength,
  mergeAllOf,
  resolveRef,
  type Schema,
  typeOf,
  unionConstants,
} from './schema-walk.ts';

/**
 * A deterministic JSON value that validates against `schema`, filled from the keyword hints of the
 * customer's message: property names steer the choice (`sentiment` → the matched polarity, `summary`
 * → the message's first words, `confidence` → 0.8), bounds and lengths are always respected.
 */
export function jsonForSchema(schema: unknown, hints: MessageHints): unknown {
  const root = asSchema(schema);
  return valueFor(root, { hints, root, depth: 0 }, '', 0);
}

type Walk = { hints: MessageHints; root: Schema; depth: number };

function valueFor(raw: Schema, walk: Walk, name: string, index: number): unknown {
  if (walk.depth > 12) return null; // recursive schemas: stop rather than recurse forever
  const schema = mergeAllOf(resolveRef(raw, walk.root), walk.root);
  const next = { ...walk, depth: walk.depth + 1 };
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickEnum(schema.enum, walk.hints);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const alts = alternatives.map((a) => resolveRef(asSchema(a), walk.root));
    const constants = unionConstants(alts);
    if (constants) return pickEnum(constants, walk.hints);
    const chosen = alts.find((a) => typeOf(a) !== 'null') ?? alts[0] ?? {};
    return valueFor(chosen, next, name, index);
  }
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(asSchema(schema.properties)).map(([key, sub]) => [
          key,
          valueFor(asSchema(sub), next, key, 0),
        ]),
      );
    case 'array':
      return arrayFor(schema, next, name);
    case 'integer':
      return numberFor(schema, name, walk.hints, true);
    case 'number':
      return numberFor(schema, name, walk.hints, false);
    case 'boolean':
      return booleanFor(name, walk.hints);
    case 'null':
      return null;
    default:
      return fitLength(stringFor(schema, name, walk.hints, index), schema);
  }
}

function arrayFor(schema: Schema, walk: Walk, name: string): unknown[] {
  if (Array.isArray(schema.prefixItems))
    return schema.prefixItems.map((item, i) => valueFor(asSchema(item), walk, name, i));
  const items = resolveRef(asSchema(schema.items), walk.root);
  const min = asNumber(schema.minItems) ?? 0;
  const max = asNumber(schema.maxItems) ?? Number.POSITIVE_INFINITY;
  const { hints } = walk;
  const options = Array.isArray(items.enum) ? items.enum : undefined;
  if (options) {
    // Up to two hinted members, each once; the others in order only when minItems asks for more.
    const chosen: unknown[] = [];
    for (const label of hints.labels) {
      const found = matchEnum(options, label, true);
      if (found !== undefined && !chosen.includes(found) && chosen.length < 2) chosen.push(found);
    }
    for (const v of options) if (chosen.length < Math.max(min, 1) && !chosen.includes(v)) chosen.push(v);
    return chosen.slice(0, max);
  }
  let wanted = 1;
  if (typeOf(items) === 'string' && /emotion|feeling|mood/i.test(name)) wanted = emotions(hints).length;
  else if (typeOf(items) === 'string' && /signal|flag|reason/i.test(name)) wanted = hints.matched.length;
  else if (typeOf(items) === 'string') wanted = Math.min(3, keywords(hints.text).length);
  else if (typeOf(items) === 'object') wanted = hints.text.trim() ? 1 : 0;
  const count = Math.min(max, Math.max(min, wanted));
  return Array.from({ length: count }, (_, i) => valueFor(items, walk, name, i));
}

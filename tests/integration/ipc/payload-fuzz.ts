import { z } from 'zod';
import type { Rng } from '../../../electron/main/services/demo/prng';

/** A JSON Schema node as z.toJSONSchema writes it (the parts the generator reads). */
interface Node {
  type?: string | string[];
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  oneOf?: Node[];
  anyOf?: Node[];
  allOf?: Node[];
  $ref?: string;
  $defs?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  propertyNames?: Node;
}

/** Values that have broken IPC handlers elsewhere: paths, huge and odd numbers, prototype keys, deep nesting. */
export function hostileValues(rng: Rng): unknown[] {
  let deep: unknown = 'bottom';
  for (let i = 0; i < 200; i++) deep = { a: deep };
  return [
    null,
    undefined,
    0,
    -1,
    -0,
    2 ** 53,
    -(2 ** 63),
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    0.5,
    '',
    ' ',
    '/etc/passwd',
    '../../../../etc/shadow',
    '~/x',
    '/proc/self/environ',
    'C:\\Windows\\System32',
    '\0',
    'x'.repeat(100_000),
    "'; DROP TABLE trades; --",
    '=HYPERLINK("http://x")',
    '\u202eevil\u202c',
    '😀🇺🇸',
    'NaN',
    '2025-02-30',
    '9999-99-99',
    true,
    false,
    [],
    [1, 2, 3],
    new Array(1000).fill(1),
    {},
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    deep,
    rng.int(1000),
  ];
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)]!;

function plausibleString(node: Node, rng: Rng): string {
  if (node.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return pick(rng, ['2025-01-02', '2024-02-29', '1970-01-01', '2099-12-31']);
  if (node.pattern?.includes('[0-9a-f]{32}')) return rng.int(2) ? 'a'.repeat(32) : '0123456789abcdef0123456789abcdef';
  const pool = ['Main', 'USD', 'EUR', 'UTC', 'America/New_York', 'ESZ5', 'AAPL', 'A+', 'note', 'x', 'journal-daily-2025-01-01T00-00-00-000Z.db'];
  const text = pick(rng, pool);
  const max = node.maxLength ?? 200;
  return text.slice(0, Math.max(node.minLength ?? 0, Math.min(max, text.length)));
}

function plausibleNumber(node: Node, integer: boolean, rng: Rng): number {
  const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : -1000);
  const max = node.maximum ?? 1_000_000;
  const choices = [min, Math.min(max, min + 1), Math.min(max, min + 4), max];
  const value = rng.chance(0.7) ? pick(rng, choices) : min + rng.next() * (Math.min(max, min + 10_000) - min);
  return integer ? Math.round(value) : value;
}

/**
 * Payloads shaped by a channel's request schema (so they get past the first check and reach
 * the service), with a share of nodes swapped for hostile values, unknown keys added, or the
 * whole payload replaced.
 */
export function generatePayload(schema: z.ZodType, rng: Rng): unknown {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node;
  const hostile = hostileValues(rng);
  if (rng.chance(0.1)) return pick(rng, hostile);
  const mutate = rng.chance(0.6) ? 0.15 : 0;

  const gen = (node: Node, depth: number): unknown => {
    if (mutate > 0 && rng.chance(mutate)) return pick(rng, hostile);
    if (node.$ref) {
      const name = node.$ref.split('/').pop()!;
      return depth > 6 ? {} : gen(root.$defs?.[name] ?? {}, depth + 1);
    }
    const variants = node.oneOf ?? node.anyOf;
    if (variants?.length) return gen(pick(rng, variants), depth + 1);
    if (node.allOf?.length) return gen(node.allOf[0]!, depth + 1);
    if (node.const !== undefined) return node.const;
    if (node.enum?.length) return pick(rng, node.enum);
    const type = Array.isArray(node.type) ? pick(rng, node.type) : node.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(node.properties ?? {})) {
          if ((node.required ?? []).includes(key) || rng.chance(0.5)) out[key] = gen(child, depth + 1);
        }
        if (node.propertyNames?.enum?.length && typeof node.additionalProperties === 'object') {
          out[String(pick(rng, node.propertyNames.enum))] = gen(node.additionalProperties, depth + 1);
        }
        if (mutate > 0 && rng.chance(0.1)) out[pick(rng, ['path', 'extra', '__proto__', 'constructor'])] = pick(rng, hostile);
        return out;
      }
      case 'array': {
        const length = Math.min(node.maxItems ?? 5, rng.int(4));
        return Array.from({ length }, () => gen(node.items ?? {}, depth + 1));
      }
      case 'string':
        return plausibleString(node, rng);
      case 'integer':
        return plausibleNumber(node, true, rng);
      case 'number':
        return plausibleNumber(node, false, rng);
      case 'boolean':
        return rng.chance(0.5);
      case 'null':
        return null;
      default:
        return pick(rng, hostile);
    }
  };
  return gen(root, 0);
}

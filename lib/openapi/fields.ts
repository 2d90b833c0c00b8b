/**
 * JSON Schemas of the OpenAPI document as rows of a field table, for the readable reference at
 * /docs/api: one row per member, dotted paths ("request.recipient.country", "items[].proof"),
 * its type in words, whether it is required, its description and its constraints. Pure.
 */
import type { JsonSchema } from "./document";

export interface FieldRow {
  /** Dotted path; "[]" marks the items of an array, "<key>" the values of a map. */
  path: string;
  type: string;
  required: boolean;
  description: string;
  /** Limits and allowed values in words: "1–32 items", "one of: GRU, HMB", "default: null". */
  constraints: string[];
}

const COMPONENT_PREFIX = "#/components/schemas/";
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): { schema: JsonSchema; ref: string | null } {
  const ref = typeof schema.$ref === "string" ? schema.$ref : null;
  if (!ref || !ref.startsWith(COMPONENT_PREFIX)) return { schema, ref: null };
  const name = ref.slice(COMPONENT_PREFIX.length);
  const target = components[name] ?? {};
  // Members beside $ref (a description) win over the component's own.
  const { $ref: _ref, ...siblings } = schema;
  return { schema: { ...target, ...siblings }, ref: name };
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** The members of a union of schemas: [variant, …] without the null variant, and whether null is allowed. */
function variants(schema: JsonSchema): { options: JsonSchema[]; nullable: boolean } | null {
  const list = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (!Array.isArray(list)) return null;
  const nullable = list.some((s) => s.type === "null");
  return { options: list.filter((s) => s.type !== "null"), nullable };
}

function typeLabel(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): string {
  const { schema: s, ref } = resolve(schema, components);
  if (depth > 3) return ref ?? "value";
  if (s.const !== undefined) return `${show(s.const)} (constant)`;
  if (Array.isArray(s.enum)) return s.type === "string" || s.type === undefined ? "string (enumeration)" : `${String(s.type)} (enumeration)`;
  const union = variants(s);
  if (union) {
    const labels = [...new Set(union.options.map((o) => typeLabel(o, components, depth + 1)))];
    const base = labels.length === 1 ? labels[0]! : `one of: ${labels.join(" | ")}`;
    return union.nullable ? `${base} or null` : base;
  }
  if (s.type === "array") return `array of ${s.items ? typeLabel(s.items as JsonSchema, components, depth + 1) : "values"}`;
  if (s.type === "object" || s.properties) {
    if (!s.properties && s.additionalProperties && typeof s.additionalProperties === "object") {
      return `map of ${typeLabel(s.additionalProperties as JsonSchema, components, depth + 1)}`;
    }
    return ref ?? "object";
  }
  if (Array.isArray(s.type)) return s.type.join(" or ");
  if (typeof s.type === "string") return s.format ? `${s.type} (${String(s.format)})` : s.type;
  return "any JSON value";
}

function constraintsOf(s: JsonSchema): string[] {
  const out: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    const lo = typeof min === "number" ? min : null;
    const hi = typeof max === "number" && max < MAX_SAFE ? max : null;
    const u = (x: number) => (unit ? ` ${unit}${x === 1 ? "" : "s"}` : "");
    if (lo !== null && hi !== null) out.push(lo === hi ? `exactly ${lo}${u(lo)}` : `${lo}–${hi}${u(hi)}`);
    else if (lo !== null && (lo > 0 || !unit)) out.push(`at least ${lo}${u(lo)}`);
    else if (hi !== null) out.push(`at most ${hi}${u(hi)}`);
  };
  range(s.minLength, s.maxLength, "character");
  range(s.minItems, s.maxItems, "item");
  if (typeof s.minimum === "number" || typeof s.maximum === "number") range(s.minimum, s.maximum, "");
  if (Array.isArray(s.enum)) out.push(`one of: ${s.enum.map(show).join(", ")}`);
  const items = s.items as JsonSchema | undefined;
  if (items && Array.isArray(items.enum)) out.push(`each one of: ${items.enum.map(show).join(", ")}`);
  if (items && items.uniqueItems === undefined && s.uniqueItems === true) out.push("no repeats");
  // A format says it better than its regular expression.
  if (typeof s.pattern === "string" && !s.format) out.push(`pattern: ${s.pattern}`);
  if (s.default !== undefined) out.push(`default: ${show(s.default)}`);
  if (s.additionalProperties === false && s.properties) out.push("no other members");
  return out;
}

/**
 * The rows of a schema's members (not of the schema itself), recursively up to `maxDepth`.
 * Unions of objects (a discriminated union) are merged: a member is required when every variant
 * requires it, and its allowed constants are listed together.
 */
export function fieldRows(schema: JsonSchema, components: Record<string, JsonSchema>, options: { maxDepth?: number } = {}): FieldRow[] {
  const rows: FieldRow[] = [];
  const maxDepth = options.maxDepth ?? 6;

  function members(input: JsonSchema, prefix: string, depth: number, refs: readonly string[]): void {
    const { schema: s, ref } = resolve(input, components);
    if (ref && refs.includes(ref)) return; // a cycle: stop
    const seen = ref ? [...refs, ref] : refs;
    if (depth > maxDepth) return;
    const union = variants(s);
    if (union) {
      const objects = union.options.map((o) => resolve(o, components).schema).filter((o) => o.properties);
      if (objects.length > 0) mergedMembers(objects, prefix, depth, seen);
      else for (const o of union.options) members(o, prefix, depth, seen);
      return;
    }
    if (s.type === "array" && s.items) {
      const items = resolve(s.items as JsonSchema, components).schema;
      if (items.properties || variants(items) || items.type === "array") members(s.items as JsonSchema, `${prefix}[]`, depth, seen);
      return;
    }
    if (s.properties) {
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [name, prop] of Object.entries(s.properties as Record<string, JsonSchema>)) {
        row(`${prefix}${prefix ? "." : ""}${name}`, prop, required.has(name), depth, seen);
      }
      return;
    }
    if (s.additionalProperties && typeof s.additionalProperties === "object") {
      const values = resolve(s.additionalProperties as JsonSchema, components).schema;
      if (values.properties || variants(values)) members(s.additionalProperties as JsonSchema, `${prefix}.<key>`, depth, seen);
    }
  }

  function mergedMembers(objects: JsonSchema[], prefix: string, depth: number, refs: readonly string[]): void {
    const names = [...new Set(objects.flatMap((o) => Object.keys(o.properties as object)))];
    for (const name of names) {
      const defs = objects.map((o) => (o.properties as Record<string, JsonSchema>)[name]).filter((d): d is JsonSchema => d !== undefined);
      const requiredEverywhere = objects.every((o) => ((o.required as string[] | undefined) ?? []).includes(name) && (o.properties as object)[name as never] !== undefined);
      const consts = defs.map((d) => d.const).filter((c) => c !== undefined);
      const path = `${prefix}${prefix ? "." : ""}${name}`;
      if (consts.length === defs.length && consts.length > 1) {
        rows.push({ path, type: "string (enumeration)", required: requiredEverywhere, description: String(defs[0]?.description ?? ""), constraints: [`one of: ${consts.map(show).join(", ")}`] });
        continue;
      }
      const def = defs[0]!;
      const partial = defs.length < objects.length ? ` Only when ${discriminated(objects, name)}.` : "";
      row(path, { ...def, description: `${String(def.description ?? "")}${partial}`.trim() }, requiredEverywhere, depth, refs);
    }
  }

  /** "code is DS": the variants that have member `name`, by the constant member that tells them apart. */
  function discriminated(objects: JsonSchema[], name: string): string {
    const props = (o: JsonSchema) => o.properties as Record<string, JsonSchema>;
    const key = Object.keys(props(objects[0]!)).find((k) => objects.every((o) => props(o)[k]?.const !== undefined));
    if (!key) return "in some variants";
    const values = objects.filter((o) => props(o)[name] !== undefined).map((o) => show(props(o)[key]!.const));
    return `${key} is ${values.join(" or ")}`;
  }

  function row(path: string, prop: JsonSchema, required: boolean, depth: number, refs: readonly string[]): void {
    const { schema: s } = resolve(prop, components);
    const union = variants(s);
    const shown = union && union.options.length === 1 ? { ...resolve(union.options[0]!, components).schema, description: s.description } : s;
    rows.push({
      path,
      type: typeLabel(prop, components),
      required,
      description: typeof s.description === "string" ? s.description : "",
      constraints: constraintsOf({ ...shown, ...(s.default !== undefined ? { default: s.default } : {}) }),
    });
    members(prop, path, depth + 1, refs);
  }

  members(schema, "", 0, []);
  return rows;
}

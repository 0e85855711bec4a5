/**
 * Converts a CRD's structural OpenAPI v3 schema into a JSON Schema that Ajv can check strictly, the
 * way the API server would treat the object:
 * - unknown fields are errors (the API server would silently prune them, which is worse), except
 *   where the schema sets `x-kubernetes-preserve-unknown-fields`;
 * - `x-kubernetes-int-or-string` accepts an integer or a string;
 * - `nullable` admits null;
 * - `x-kubernetes-embedded-resource` admits apiVersion/kind/metadata.
 * CEL rules (`x-kubernetes-validations`) and list-map uniqueness are not evaluated; the API server
 * checks those at apply time.
 */
type Schema = Record<string, unknown>;

const OBJECT_META: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 253 },
    namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    finalizers: { type: 'array', items: { type: 'string' } },
  },
};

function convertNode(node: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable' || key === 'default' || key === 'example')
      continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, convertNode(v)]),
      );
    } else if (key === 'items' || key === 'not') {
      out[key] = convertNode(value as Schema);
    } else if (key === 'additionalProperties') {
      out[key] = typeof value === 'boolean' ? value : convertNode(value as Schema);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      // In structural schemas these only add value constraints, never types or fields.
      out[key] = (value as Schema[]).map((s) =>
        convertNode({ ...s, 'x-kubernetes-preserve-unknown-fields': true }),
      );
    } else {
      out[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }, ...((out.anyOf as Schema[]) ?? [])];
  }
  const isObject = node.type === 'object' || node.properties !== undefined;
  if (isObject && node.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  if (node['x-kubernetes-embedded-resource']) {
    const props = (out.properties ?? {}) as Record<string, Schema>;
    out.properties = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...props,
    };
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/**
 * The JSON Schema of one CRD version. The API server always accepts `apiVersion` and `kind` at the root
 * (some CRDs omit them from their schema) and checks the root `metadata` as ObjectMeta.
 */
export function crdVersionToJsonSchema(openAPIV3Schema: Schema): Schema {
  const schema = convertNode(openAPIV3Schema);
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  schema.properties = {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    ...props,
    metadata: OBJECT_META,
  };
  schema.required = [
    ...new Set([...((schema.required as string[]) ?? []), 'apiVersion', 'kind', 'metadata']),
  ];
  return schema;
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../config/paths.js';
import { jsonSchemas } from './json-schema.js';

describe('docs/schema', () => {
  it('matches the zod schemas (run `npm run schema` after changing the model)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'schema', name), 'utf8'));
      assert.deepEqual(onDisk, JSON.parse(JSON.stringify(schema)), `${name} is stale`);
    }
  });

  it('describes the contract fields of an extract record', () => {
    const schema = jsonSchemas()['extract-record.schema.json'] as { required: string[]; properties: Record<string, unknown> };
    assert.deepEqual([...schema.required].sort(), ['article', 'attributions', 'dates', 'entities', 'input', 'schema']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePublished } from './published.js';

describe('normalizePublished', () => {
  it('keeps ISO dates and date-times as written', () => {
    assert.equal(normalizePublished('2024-10-23'), '2024-10-23');
    assert.equal(normalizePublished('2024-10-23T09:15:00Z'), '2024-10-23T09:15:00Z');
    assert.equal(normalizePublished('2024-10-23T09:15:00+01:00'), '2024-10-23T09:15:00+01:00');
  });

  it('turns feed-style dates into UTC date-times', () => {
    assert.equal(normalizePublished('Wed, 23 Oct 2024 09:15:00 GMT'), '2024-10-23T09:15:00Z');
  });

  it('returns null for impossible or unreadable dates', () => {
    assert.equal(normalizePublished('2024-02-30'), null);
    assert.equal(normalizePublished('next tuesday'), null);
    assert.equal(normalizePublished(''), null);
    assert.equal(normalizePublished(null), null);
  });
});

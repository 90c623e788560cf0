import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OnlineClusterer, type ClusterInput } from './online.js';
import { decodeSnapshot, isBinarySnapshot } from './snapshot-binary.js';

// Articles written for the test: three events told several times, with a date each.
const topics = [
  ['Storm Ciara floods coastal towns', 'Storm Ciara brought floods to Devon and Cornwall, where rivers burst their banks.', 'place:devon'],
  ['Jury hears closing arguments in fraud trial', 'The jury in the fraud trial of banker John Smith heard closing arguments at Southwark Crown Court.', 'person:john smith'],
  ['Council approves new tram line', 'The city council approved a new tram line linking the airport and the university after a long debate.', 'organization:city council'],
] as const;
const article = (i: number): ClusterInput => {
  const [title, text, entity] = topics[i % 3]!;
  return { id: `a${i}`, published: `2020-02-${String(10 + (i % 5)).padStart(2, '0')}`, title: `${title} ${i}`, text: `${text} Report ${i} adds detail ${i * 7}.`, entities: [{ canonical: entity, mentions: 1 + (i % 2) }] };
};

describe('binary clusterer snapshots', () => {
  it('restores the same state as the JSON snapshot, and goes on exactly as the original', () => {
    const options = { splitMinSize: 4, splitEvery: 1 };
    const c = new OnlineClusterer(options);
    for (let i = 0; i < 30; i++) c.add(article(i));
    const bytes = c.snapshotBinary();
    assert.ok(isBinarySnapshot(bytes));
    const copy = OnlineClusterer.restoreBinary(bytes, options);
    assert.deepEqual(copy.snapshot(), c.snapshot());
    for (let i = 30; i < 45; i++) assert.equal(copy.add(article(i)), c.add(article(i)));
    // The vectors come back as typed arrays of the lengths the JSON part gives.
    const decoded = decodeSnapshot(bytes);
    assert.ok(decoded.stories.length > 1);
    assert.ok(decoded.stories.every((st) => st.centroid[0] instanceof Int32Array && st.centroid[1].length === st.centroid[0].length));
  });

  it('reads a snapshot from a buffer that does not start at an aligned offset', () => {
    const c = new OnlineClusterer();
    for (let i = 0; i < 9; i++) c.add(article(i));
    const bytes = c.snapshotBinary();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assert.deepEqual(OnlineClusterer.restoreBinary(shifted.subarray(3)).snapshot(), c.snapshot());
  });

  it('rejects bytes in another layout, and a truncated snapshot', () => {
    assert.equal(isBinarySnapshot(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])), false);
    assert.throws(() => decodeSnapshot(new TextEncoder().encode('{"version":2}')), /not in the binary layout/);
    const c = new OnlineClusterer();
    c.add(article(1));
    const bytes = c.snapshotBinary();
    assert.throws(() => decodeSnapshot(bytes.subarray(0, bytes.length - 5)), /truncated/);
  });
});

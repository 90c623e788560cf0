/**
 * The cross-outlet story under generated variants of the seed story (examples/seed-story): paragraphs reordered,
 * quotation marks restyled, a word of a shared quotation changed, the speaker of a shared quotation swapped, an
 * article dropped. Each variant is extracted from scratch and its verdicts compared with the original's: they must
 * change exactly where the variant changed something.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extract } from '../api/extract.js';
import { EXAMPLE_STORY } from '../config/paths.js';
import { readManifest } from '../ingest/index.js';
import type { Story } from '../model/schema.js';
import { buildStory } from './build-story.js';
import { wordsOf } from './words.js';

const MANIFEST = JSON.parse(readFileSync(join(EXAMPLE_STORY, 'manifest.json'), 'utf8')) as { articles: Array<{ file: string; source: string; published: string }> };
const ORIGINAL = MANIFEST.articles.map((a) => readFileSync(join(EXAMPLE_STORY, a.file), 'utf8'));

let dir: string;
before(() => { dir = mkdtempSync(join(tmpdir(), 'parallax-variants-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

let runs = 0;
/** The story of the seed articles after `change` (one text per article; null drops the article). */
async function storyOf(change: (texts: string[]) => Array<string | null> = (t) => t): Promise<Story> {
  const sub = join(dir, String(++runs));
  const texts = change([...ORIGINAL]);
  const articles = MANIFEST.articles.map((a, k) => ({ ...a, text: texts[k] })).filter((a): a is typeof a & { text: string } => typeof a.text === 'string');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(sub);
  for (const a of articles) writeFileSync(join(sub, a.file), a.text);
  writeFileSync(join(sub, 'manifest.json'), JSON.stringify({ articles: articles.map(({ text: _t, ...a }) => a) }));
  return buildStory(await extract([], { manifest: readManifest(join(sub, 'manifest.json')) }), { now: new Date(0) });
}

/** An alignment by what it aligns (the quoted words, case and punctuation aside), with its verdicts. */
function verdicts(story: Story): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of story.alignedQuotes) {
    const key = q.quotes.map((s) => `${story.articles[s.article]!.article.source}:${wordsOf(s.span.text).join(' ')}`).join(' ~ ');
    out.set(key, `${q.verdict}${q.longer === undefined ? '' : `>${story.articles[q.quotes[q.longer].article]!.article.source}`} ${q.speakers}${q.related ? '+related' : ''} dropped=${q.diff.dropped.join(',')} added=${q.diff.added.join(',')} changed=${q.diff.changed.map((c) => c.join('>')).join(',')}`);
  }
  return out;
}

/** The National's side of Starmer's "spare time" quotation (it also quotes "in their spare time" alone). */
const SPARE_TIME = "The National:they're doing it in their spare time they're doing it as";

const keyWith = (v: Map<string, string>, words: string): string => {
  const key = [...v.keys()].find((k) => k.includes(words));
  assert.ok(key, `an alignment with "${words}" among ${[...v.keys()].join(' | ')}`);
  return key;
};

describe('the cross-outlet story under variants of the seed story', () => {
  let base: Story;
  let baseVerdicts: Map<string, string>;
  before(async () => {
    base = await storyOf();
    baseVerdicts = verdicts(base);
  });

  it('aligns the shared quotations of the original with their verdicts', () => {
    assert.ok(baseVerdicts.size >= 5, [...baseVerdicts.keys()].join('\n'));
    assert.match(baseVerdicts.get(keyWith(baseVerdicts, SPARE_TIME))!, /^punctuation same/);
    assert.match(baseVerdicts.get(keyWith(baseVerdicts, 'The National:blatant interference'))!, /^wording different\+related dropped=foreign/);
    assert.match(baseVerdicts.get(keyWith(baseVerdicts, 'CNBC:sort ~'))!, /^part>The National same/);
    assert.match(baseVerdicts.get(keyWith(baseVerdicts, 'generously borrowing'))!, / ambiguous/);
  });

  it('reordering paragraphs changes no verdict', async () => {
    const story = await storyOf(([a, b]) => {
      // The complaint's paragraphs (from its heading on) move up to follow the lead: each keeps its own context.
      const paragraphs = a!.split(/\n\n/);
      const heading = paragraphs.findIndex((p) => p.trim() === 'Complaint');
      assert.ok(heading > 1);
      return [[paragraphs[0]!, ...paragraphs.slice(heading), ...paragraphs.slice(1, heading)].join('\n\n'), b!];
    });
    assert.deepEqual(verdicts(story), baseVerdicts);
  });

  it('straight and curly quotation marks swapped change no verdict', async () => {
    const story = await storyOf(([a, b]) => [
      a!.replace(/"([^"\n]*)"/g, '\u201c$1\u201d'),
      b!.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'"),
    ]);
    assert.deepEqual(verdicts(story), baseVerdicts);
  });

  it('one word changed in a shared quotation makes that alignment, and only it, a wording difference naming the word', async () => {
    const story = await storyOf(([a, b]) => [a!, b!.replace('they\'re doing it as volunteers, they\'re staying', 'they\'re doing it as helpers, they\'re staying')]);
    const v = verdicts(story);
    const changed = keyWith(v, "The National:they're doing it in their spare time they're doing it as helpers");
    assert.match(v.get(changed)!, /^wording same .*changed=volunteers>helpers/);
    const rest = new Map([...v].filter(([k]) => k !== changed));
    const before = new Map([...baseVerdicts].filter(([k]) => k !== keyWith(baseVerdicts, SPARE_TIME)));
    assert.deepEqual(rest, before);
  });

  it('the speaker of a shared quotation swapped turns its speakers different and adds an attribution conflict', async () => {
    const story = await storyOf(([a, b]) => [a!, b!.replace('with other volunteers over there,” Mr Starmer said.', 'with other volunteers over there,” Mr Reed said.')]);
    const v = verdicts(story);
    const key = keyWith(v, SPARE_TIME);
    assert.equal(baseVerdicts.get(key)!.split(' ')[1], 'same');
    assert.match(v.get(key)!, /^punctuation different /, 'the words still agree; the speakers do not');
    const q = story.alignedQuotes.find((x) => x.speakers === 'different' && x.verdict === 'punctuation')!;
    assert.ok(story.conflicts.some((c) => c.quote === q.id), 'a conflict for the swapped quotation');
    assert.equal(story.conflicts.length, base.conflicts.length + 1);
    // Everything else is as it was.
    for (const [k, verdict] of baseVerdicts) if (k !== key) assert.equal(v.get(k), verdict, k);
  });

  it('dropping an article leaves nothing to compare and keeps the single-article sections', async () => {
    const story = await storyOf(([a]) => [a!, null]);
    assert.equal(story.articles.length, 1);
    assert.deepEqual([story.alignedQuotes.length, story.conflicts.length, story.numbers.length], [0, 0, 0]);
    assert.ok(story.coverage.onlyIn.every((o) => o.facts.length === 0), 'one outlet alone reports nothing "only"');
    assert.ok(story.summary.length > 0, 'the summary falls back to the article\'s own sentences');
    assert.ok(story.claims.some((k) => k.type === 'accusation'), 'the claims map needs one outlet only');
  });
});

/**
 * Versioned schema migrations, run on open (Kysely's Migrator: applied in name order, each once, under its lock).
 * Full-text search differs by engine — an FTS5 index over the articles table on SQLite, a generated tsvector column
 * with a GIN index on PostgreSQL — everything else is the same DDL.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { MinHasher, signatureFromBytes, type MinHashOptions } from '../story/dedup/minhash.js';
import { entityDocument } from './entity-keys.js';

export type Engine = 'sqlite' | 'postgres';

function initial(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>) {
      const serial = engine === 'postgres' ? 'serial' : 'integer';
      const blob = engine === 'postgres' ? 'bytea' : 'blob';
      await db.schema
        .createTable('articles')
        .addColumn('seq', sql.raw(serial), (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('url', 'text')
        .addColumn('title', 'text')
        .addColumn('published', 'text')
        .addColumn('day', 'text')
        .addColumn('text_key', 'text', (c) => c.notNull())
        .addColumn('duplicate_of', 'text')
        .addColumn('duplicate_similarity', 'real')
        .addColumn('story_id', 'text', (c) => c.notNull())
        .addColumn('cluster_terms', 'text')
        .addColumn('signature', sql.raw(blob))
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_text_key').on('articles').column('text_key').execute();
      await db.schema.createIndex('articles_story').on('articles').columns(['story_id', 'seq']).execute();
      await db.schema.createIndex('articles_day').on('articles').column('day').execute();
      await db.schema.createIndex('articles_source').on('articles').column('source').execute();

      await db.schema
        .createTable('entities')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('canonical', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('mentions', 'integer', (c) => c.notNull())
        .execute();
      // Looked up by canonical id only (filters ask "which articles name X"); an index on the article id, a random
      // hash, would cost a random page write per entity.
      await db.schema.createIndex('entities_canonical').on('entities').columns(['canonical', 'article_id']).execute();

      // One B-tree keyed by band (SQLite: WITHOUT ROWID), not a table and an index: a third fewer pages per insert.
      let bands = db.schema
        .createTable('bands')
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('bands_pk', ['band', 'article_id']);
      if (engine === 'sqlite') bands = bands.modifyEnd(sql`without rowid`);
      await bands.execute();

      await db.schema
        .createTable('stories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text')
        .addColumn('first_day', 'text')
        .addColumn('last_day', 'text')
        .addColumn('articles', 'integer', (c) => c.notNull())
        .addColumn('originals', 'integer', (c) => c.notNull())
        .addColumn('merged_into', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('analysis', 'text')
        .addColumn('analysis_articles', 'integer')
        .execute();
      await db.schema.createIndex('stories_last_day').on('stories').column('last_day').execute();

      await db.schema
        .createTable('story_events')
        .addColumn('seq', sql.raw(serial), (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('story', 'text', (c) => c.notNull())
        .addColumn('merged', 'text')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('score', 'real')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('story_events_story').on('story_events').column('story').execute();
      await db.schema.createIndex('story_events_merged').on('story_events').column('merged').execute();

      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      if (engine === 'sqlite') {
        // External-content FTS5: the index only, the text stays in `articles` (rowid = seq).
        await sql`create virtual table articles_fts using fts5(title, text, content='', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
      } else {
        await sql`alter table articles add column tsv tsvector`.execute(db);
        await sql`create index articles_tsv on articles using gin (tsv)`.execute(db);
      }
    },
  };
}

/** Snapshots of the clusterer's state, so that a process starts from the latest instead of replaying every article. */
function clusterSnapshots(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cluster_snapshots')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('state', sql.raw(engine === 'postgres' ? 'bytea' : 'blob'), (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/**
 * Copies by their original: a split moves an article's copies with it (`duplicate_of in (…)`), which without an
 * index read the whole articles table, once per split, so a split cost more the larger the store.
 */
function copiesIndex(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('articles_duplicate_of').on('articles').column('duplicate_of').where(sql.ref('duplicate_of'), 'is not', null).execute();
    },
  };
}

/** A table of LSH band rows (band key, article seq): one B-tree keyed by both (SQLite: WITHOUT ROWID). */
async function createBandTable(db: Kysely<any>, engine: Engine, name: 'lsh_bands' | 'lsh_bands_recent'): Promise<void> {
  let table = db.schema
    .createTable(name)
    .addColumn('band', engine === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('article_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['band', 'article_seq']);
  if (engine === 'sqlite') table = table.modifyEnd(sql`without rowid`);
  await table.execute();
}

/**
 * LSH bands as integers: the band key (`MinHasher.bandKeys`, band number above a 32-bit hash) and the article's `seq`,
 * instead of a text key and the article's text id. Every article adds 32 rows at random places in this B-tree; at
 * half the bytes a row, twice as many of its pages stay in the page cache as the store grows (docs/scaling.md). The
 * rows are made again from the stored signatures, under the store's own MinHash settings.
 */
function integerBands(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>) {
      await createBandTable(db, engine, 'lsh_bands');
      const meta = (await db.selectFrom('meta').select('value').where('key', '=', 'minhash').executeTakeFirst()) as { value: string } | undefined;
      const hasher = new MinHasher(meta ? (JSON.parse(meta.value) as MinHashOptions) : {});
      const pageSize = 1000;
      for (let after = 0; ;) {
        const rows = (await db.selectFrom('articles').select(['seq', 'signature']).where('seq', '>', after).where('signature', 'is not', null).orderBy('seq').limit(pageSize).execute()) as Array<{ seq: number; signature: Uint8Array }>;
        if (rows.length === 0) break;
        const values = rows.flatMap((r) => hasher.bandKeys(signatureFromBytes(r.signature)).map((band) => ({ band, article_seq: Number(r.seq) })));
        for (let k = 0; k < values.length; k += 1000) await db.insertInto('lsh_bands').values(values.slice(k, k + 1000)).execute();
        after = Number(rows.at(-1)!.seq);
      }
      await db.schema.dropTable('bands').execute();
    },
  };
}

/**
 * SQLite: the entities an article names as one document of a contentless FTS5 index (`entity-keys.ts`), instead of
 * a row per entity in a B-tree keyed by entity: about twenty random page writes an article fewer once the store
 * outgrows its page cache. PostgreSQL keeps its `entities` table (written before the write lock, so it does not
 * hold the other writers up).
 */
function entityIndex(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>) {
      if (engine !== 'sqlite') return;
      await sql`create virtual table entity_index using fts5(keys, content='', detail=none, tokenize='unicode61')`.execute(db);
      // One pass over the entity rows (the table has no index by article), an article's ids joined by a unit separator.
      const rows = (await sql`select a.seq as seq, group_concat(e.canonical, char(31)) as canonicals from entities e join articles a on a.id = e.article_id group by a.seq`.execute(db)).rows as Array<{ seq: number; canonicals: string }>;
      for (const r of rows) await sql`insert into entity_index (rowid, keys) values (${r.seq}, ${entityDocument(r.canonicals.split('\u001f'))})`.execute(db);
      await db.schema.dropTable('entities').execute();
    },
  };
}

/**
 * The LSH bands of the latest articles in a small table of their own, moved into `lsh_bands` in one sorted insert
 * every few thousand articles (Store.insertBands): an article's 32 band rows land at random places in the large
 * B-tree, so written there one group at a time each row costs a page write once the tree outgrows the page cache.
 */
function recentBands(engine: Engine): Migration {
  return {
    async up(db: Kysely<any>) {
      await createBandTable(db, engine, 'lsh_bands_recent');
    },
  };
}

/** Every migration, by name; names sort in the order they apply. */
export function migrations(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      return { '0001-initial': initial(engine), '0002-cluster-snapshots': clusterSnapshots(engine), '0003-copies-index': copiesIndex(), '0004-integer-bands': integerBands(engine), '0005-entity-index': entityIndex(engine), '0006-recent-bands': recentBands(engine) };
    },
  };
}

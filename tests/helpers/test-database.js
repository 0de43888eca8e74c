/**
 * A fresh database for one test run: a temporary SQLite file, or a new PostgreSQL
 * database created beside the one DATABASE_URL names (and dropped afterwards).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

const adminUrl = (url) => {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
};

async function withPgClient(url, fn) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createTestDatabase() {
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  if (client === 'postgres') {
    const base = process.env.DATABASE_URL || DEFAULT_PG;
    const name = `liaison_test_${process.pid}_${Date.now()}`;
    await withPgClient(adminUrl(base), (c) => c.query(`CREATE DATABASE ${name}`));
    const u = new URL(base);
    u.pathname = `/${name}`;
    return { client, url: u.toString(), name, base };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-test-'));
  return { client: 'sqlite', filename: path.join(dir, 'test.db'), dir };
}

async function dropTestDatabase(db) {
  if (!db) return;
  if (db.client === 'postgres') {
    await withPgClient(adminUrl(db.base), (c) => c.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`));
  } else if (db.dir) {
    fs.rmSync(db.dir, { recursive: true, force: true });
  }
}

module.exports = { createTestDatabase, dropTestDatabase };

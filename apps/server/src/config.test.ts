import { describe, expect, it } from 'vitest';
import { ConfigSchema, deploymentMode, loadConfig, nodeName } from './config.ts';

describe('deployment mode', () => {
  it('is embedded with neither DATABASE_URL nor REDIS_URL, pg with the database only, cluster with both', () => {
    expect(deploymentMode(ConfigSchema.parse({}))).toBe('embedded');
    expect(deploymentMode(ConfigSchema.parse({ DATABASE_URL: 'postgres://h@db:5432/hearth' }))).toBe('pg');
    expect(deploymentMode(ConfigSchema.parse({ DATABASE_URL: 'postgresql://h@db/hearth', REDIS_URL: 'redis://cache:6379' }))).toBe('cluster');
  });

  it('refuses Redis without PostgreSQL, and URLs of other kinds', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/hearth' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/h', DATABASE_SCHEMA: 'Robert"); drop' })).toThrow(/DATABASE_SCHEMA/);
    expect(() => loadConfig({ NODE_NAME: 'a b' })).toThrow(/NODE_NAME/);
  });

  it('names the node NODE_NAME, else host:port', () => {
    expect(nodeName(ConfigSchema.parse({ NODE_NAME: 'node-1' }))).toBe('node-1');
    expect(nodeName(ConfigSchema.parse({ PORT: '3100' }))).toMatch(/^.+:3100$/);
  });
});

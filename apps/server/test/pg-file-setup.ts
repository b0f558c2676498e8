import { afterAll } from 'vitest';
import { dropFileSchemas } from './test-db.ts';

// Every server test file: its PostgreSQL schemas go when the file is done (no-op if it made none).
afterAll(() => dropFileSchemas());

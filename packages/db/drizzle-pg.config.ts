import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations, generated from src/pg-schema.ts (`pnpm --filter @hearth/db generate:pg`). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/pg-schema.ts',
  out: './migrations-pg',
});

import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/main/services/db/schema.ts',
  out: './electron/main/services/db/migrations',
});

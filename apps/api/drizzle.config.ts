import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The table files of the platform and of every module (the same set db/schema.ts gathers from the module list).
  schema: ['./src/platform/*.table.ts', './src/modules/*/*.table.ts'],
  out: './src/db/migrations',
});

-- Extensions must be created here: drizzle-kit never writes CREATE EXTENSION.
-- PGlite loads the same set in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

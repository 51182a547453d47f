import type { TestProject } from 'vitest/node';
import { createPgliteTemplate, createPostgresTemplate, type TestDatabaseTemplate } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTemplate;
  }
}

/** Once per run: one migrated template database (PGlite, or PostgreSQL when TEST_DATABASE_URL is
 * set) that every test file copies. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const handle = url ? await createPostgresTemplate(url) : await createPgliteTemplate();
  project.provide('testDatabase', handle.template);
  return () => handle.dispose();
}

import { fileURLToPath } from 'node:url';

/**
 * The migrations folder when running from source (vitest, tsx scripts, harness).
 * The bundled app copies the folder next to out/main/index.js and passes that path
 * itself, because a bundle's import.meta.url no longer points at this file.
 */
export const SOURCE_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

import { z } from 'zod';

/** A file the user picked in main's dialog, as the renderer knows it: a token and a name to show. */
export interface ChosenFile {
  token: string;
  fileName: string;
}

/** What main hands out for a picked file; a path never matches. */
export const FileTokenSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'is not a file chosen in this session: choose the file with the Choose a file… button');

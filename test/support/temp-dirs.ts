// Every test file's temporary folders (tempDir in run-cli.ts) are removed when the file is done,
// so a test run leaves nothing behind in the system's temporary folder.
import { afterAll } from 'vitest';
import { removeTempDirs } from './run-cli.js';

afterAll(() => removeTempDirs());

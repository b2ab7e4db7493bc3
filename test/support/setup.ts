// The one setup file (vitest.config.ts setupFiles). Vitest fetches and runs each setup file again
// before every test file (~480 of them), so there is one: what must happen per test file is here,
// what is process-wide is imported (a module runs once per worker).
//
// Property tests draw the same cases on every run (test/support/fast-check-seed.ts): fast-check's
// global configuration is process-wide and no test changes it, so setting it once is enough.
import './fast-check-seed.js';
// Every test file's temporary folders (tempDir in run-cli.ts) are removed when the file is done,
// so a test run leaves nothing behind in the system's temporary folder.
import { afterAll } from 'vitest';
import { removeTempDirs } from './run-cli.js';

afterAll(() => removeTempDirs());

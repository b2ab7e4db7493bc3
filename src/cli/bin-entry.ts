/**
 * What bin/hta.js runs, from one module. `npm run build` replaces this module's compiled form
 * (dist/cli/bin-entry.js) with a single-file bundle of the CLI (scripts/bundle-hta.mjs): Node then
 * resolves, reads and links one file instead of some two hundred at every start
 * (docs/architecture.md#the-cost-of-a-cold-regeneration). From plain `tsc` output the re-exports
 * below load the modules one by one; the code is the same either way.
 */
export { main } from './main.js';
export { guardStandardStreams } from './standard-streams.js';

// Property tests draw the same cases on every run (and in CI), so a red test is reproducible and
// never flaky. To explore other cases locally: FC_SEED=<n> npm test (the failing seed is printed).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127) });

import { resolve } from 'node:path';
import { HtaError } from '../errors.js';

/** Input files are never modified: an --out that names the input is a usage error. */
export function refuseToOverwriteInput(input: string, output: string): void {
  if (resolve(input) === resolve(output)) {
    throw new HtaError('usage.invalid', `--out ${output} is the input file; input files are never modified — choose another name`);
  }
}

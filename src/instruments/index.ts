export * from './instrument.js';
export { binary } from './binary.js';
export {
  DEFAULT_VALUE_SET,
  eq5d3l,
  eq5d5l,
  eq5dFor,
  indexFromProfile,
  parseEq5dProfile,
  valueSetFor,
} from './eq5d.js';
export { nrs } from './nrs.js';
export { proratedSum } from './prorated-sum.js';
export { pseq } from './pseq.js';
export { getInstrument, instruments } from './registry.js';
export { rmdq, rmdq23 } from './rmdq.js';
export {
  EQ5D_DIMENSIONS,
  EQ5D_LEVELS,
  type Eq5dDimension,
  type Eq5dVersion,
  indexFromLevels,
  indexRange,
  listValueSets,
  loadValueSet,
  VALUE_SET_DIR,
  type ValueSet,
  valueSetSchema,
} from './valueset.js';
export { WAI_DIMENSIONS, wai, type WaiBand, waiBand, was } from './work-ability.js';

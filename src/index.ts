export * from './errors.js';
export * from './stats/distributions.js';

import type { Capability } from '../capabilities';

/** Appraisal: filled in by issue 6. */
const capability: Capability = {};

export default capability;

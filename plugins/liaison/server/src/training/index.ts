import type { Capability } from '../capabilities';

/** Training: filled in by issue 6. */
const capability: Capability = {};

export default capability;

import type { Capability } from '../capabilities';

/** Honours: filled in by issue 6. */
const capability: Capability = {};

export default capability;

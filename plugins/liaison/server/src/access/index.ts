import type { Capability } from '../capabilities';
import access from './service';

const capability: Capability = {
  services: { access },
};

export default capability;

import type { Capability } from '../capabilities';
import outbox from './service';

const capability: Capability = {
  services: { outbox },
};

export default capability;

import type { Capability } from '../capabilities';

const capability: Capability = {
  adminRoutes: [],
  controllers: {},
  services: {},
};

export default capability;

import overview from './overview';
import { CAPABILITIES } from '../capabilities';

export default Object.assign({ overview }, ...CAPABILITIES.map((c) => c.services ?? {}));

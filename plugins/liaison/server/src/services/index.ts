import overview from './overview';
import postLabels from './post-labels-service';
import { CAPABILITIES } from '../capabilities';

export default Object.assign({ overview, 'post-labels': postLabels }, ...CAPABILITIES.map((c) => c.services ?? {}));

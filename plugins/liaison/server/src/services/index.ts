import overview from './overview';
import postLabels from './post-labels-service';
import recordLabels from './record-labels-service';
import { CAPABILITIES } from '../capabilities';

export default Object.assign({ overview, 'post-labels': postLabels, 'record-labels': recordLabels }, ...CAPABILITIES.map((c) => c.services ?? {}));

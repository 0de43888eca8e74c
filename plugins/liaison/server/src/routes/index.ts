import admin from './admin';
import contentApi from './content-api';
import { websiteRouter } from '../website/routes';

export default { admin, 'content-api': contentApi, website: websiteRouter };

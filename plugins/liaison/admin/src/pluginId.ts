export const PLUGIN_ID = 'liaison';

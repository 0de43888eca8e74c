import { runCasesOf } from '../helpers/cases';

/** This capability's API tests (./*.cases.ts) on one boot of the app: see ../helpers/cases.ts. */
runCasesOf(__dirname);

/** Alumni accounts: the admin's invitations. Types only (see ../admin-api-types.ts). */
import type { DataResponse } from './common';

/** `POST /liaison/invitations` { cohort } | { chapter }: how many were mailed a link, how many not (no address, an account, an invitation still valid). */
export interface InvitationResult {
  invited: number;
  skipped: number;
}

export type InvitationResponse = DataResponse<InvitationResult>;

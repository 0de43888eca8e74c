import alumnus from './alumnus';
import appraisal from './appraisal';
import appraisal_cycle from './appraisal-cycle';
import appraisal_note from './appraisal-note';
import appraisal_score from './appraisal-score';
import chapter from './chapter';
import cohort from './cohort';
import college from './college';
import conduct_acknowledgement from './conduct-acknowledgement';
import conduct_version from './conduct-version';
import consent_change from './consent-change';
import data_import from './data-import';
import data_request from './data-request';
import duplicate_pair from './duplicate-pair';
import alumni_merge from './alumni-merge';
import alumni_account from './alumni-account';
import event_registration from './event-registration';
import account_token from './account-token';
import field_change from './field-change';
import change_proposal from './change-proposal';
import contact_log from './contact-log';
import feedback from './feedback';
import honour from './honour';
import industry_group from './industry-group';
import job_run from './job-run';
import liaison from './liaison';
import notification from './notification';
import post_event from './post-event';
import quota from './quota';
import training_course from './training-course';
import training_record from './training-record';
import training_session from './training-session';
import story from './story';
import event from './event';
import survey from './survey';
import survey_invitation from './survey-invitation';
import survey_answer from './survey-answer';

export default {
  // The website's content: its tables keep the names they had as the host's api::story and api::event.
  'story': story,
  'event': event,
  'alumnus': alumnus,
  'appraisal': appraisal,
  'appraisal-cycle': appraisal_cycle,
  'appraisal-note': appraisal_note,
  'appraisal-score': appraisal_score,
  'chapter': chapter,
  'cohort': cohort,
  'college': college,
  'conduct-acknowledgement': conduct_acknowledgement,
  'conduct-version': conduct_version,
  'consent-change': consent_change,
  'contact-log': contact_log,
  'data-import': data_import,
  'data-request': data_request,
  'duplicate-pair': duplicate_pair,
  'alumni-merge': alumni_merge,
  'alumni-account': alumni_account,
  'event-registration': event_registration,
  'account-token': account_token,
  'field-change': field_change,
  'change-proposal': change_proposal,
  'feedback': feedback,
  'honour': honour,
  'industry-group': industry_group,
  'job-run': job_run,
  'liaison': liaison,
  'notification': notification,
  'post-event': post_event,
  'quota': quota,
  'training-course': training_course,
  'training-record': training_record,
  'training-session': training_session,
  'survey': survey,
  'survey-invitation': survey_invitation,
  'survey-answer': survey_answer,
};

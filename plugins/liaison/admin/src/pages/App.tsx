import { Layouts, Page, SubNav, useAuth, useRBAC } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { QueryProvider } from '../api/QueryProvider';
import { useT } from '../utils/labels';
import { OverviewPage } from './OverviewPage';
import { BoardPage } from './Board/BoardPage';
import { OutboxPage } from './Outbox/OutboxPage';
import { AppraisalPage } from './Appraisal/AppraisalPage';
import { TrainingPage } from './Training/TrainingPage';
import { ImportsPage } from './Imports/ImportsPage';
import { DuplicatesPage } from './Duplicates/DuplicatesPage';
import { PairReview } from './Duplicates/PairReview';
import { CheckInPage } from './CheckIn/CheckInPage';
import { RegistrationsPage } from './CheckIn/RegistrationsPage';
import { FeedbackPage } from './Feedback/FeedbackPage';
import { ProposalsPage } from './Proposals/ProposalsPage';
import { SurveysPage } from './Surveys/SurveysPage';
import { SurveyPage } from './Surveys/SurveyPage';

const IMPORTS = [{ action: 'plugin::liaison.imports.run', subject: null }];
const DUPLICATES = [{ action: 'plugin::liaison.duplicates.review', subject: null }];
const CHECK_IN = [{ action: 'plugin::liaison.events.check-in', subject: null }];
const REGISTRATIONS = [{ action: 'plugin::liaison.events.read-registrations', subject: null }];
const FEEDBACK = [{ action: 'plugin::liaison.feedback.read', subject: null }];
const PROPOSALS = [{ action: 'plugin::liaison.proposals.review', subject: null }];

const SURVEYS = [{ action: 'plugin::liaison.surveys.read', subject: null }];

const SideNav = () => {
  const t = useT();
  const { allowedActions } = useRBAC([...IMPORTS, ...DUPLICATES, ...CHECK_IN, ...REGISTRATIONS]);
  const canCheckIn = allowedActions.canCheckIn;
  const canReadRegistrations = allowedActions.canReadRegistrations;
  // Hooks of their own: useRBAC names permissions by their last part (duplicates.review and
  // proposals.review are both `canReview`, feedback.read and surveys.read both `canRead`).
  const canReviewProposals = !!useRBAC(PROPOSALS).allowedActions.canReview;
  const canReadFeedback = !!useRBAC(FEEDBACK).allowedActions.canRead;
  const canReadSurveys = !!useRBAC(SURVEYS).allowedActions.canRead;
  return (
    <SubNav.Main aria-label={t('plugin.name', 'Liaison network')}>
      <SubNav.Header label={t('plugin.name', 'Liaison network')} />
      <SubNav.Sections>
        {[
          <SubNav.Section key="network" label={t('nav.section', 'Network')}>
            <SubNav.Link to="/plugins/liaison" end label={t('board.title', 'Assignment board')} />
            <SubNav.Link to="/plugins/liaison/overview" label={t('overview.title', 'Liaison network')} />
            <SubNav.Link to="/plugins/liaison/appraisal" label={t('appraisal.title', 'Appraisal workspace')} />
            <SubNav.Link to="/plugins/liaison/training" label={t('training.title', 'Training')} />
            {canReadFeedback ? <SubNav.Link to="/plugins/liaison/feedback" label={t('feedback.title', 'Feedback')} /> : null}
            <SubNav.Link to="/plugins/liaison/outbox" label={t('outbox.title', 'E-mail outbox')} />
          </SubNav.Section>,
          ...(canCheckIn || canReadRegistrations
            ? [
                <SubNav.Section key="events" label={t('nav.events', 'Events')}>
                  {[
                    ...(canCheckIn ? [<SubNav.Link key="check-in" to="/plugins/liaison/check-in" label={t('checkIn.title', 'Door check-in')} />] : []),
                    ...(canReadRegistrations
                      ? [<SubNav.Link key="registrations" to="/plugins/liaison/registrations" label={t('registrations.title', 'Registrations')} />]
                      : []),
                  ]}
                </SubNav.Section>,
              ]
            : []),
          ...(canReadSurveys
            ? [
                <SubNav.Section key="surveys" label={t('nav.surveys', 'Surveys')}>
                  {[<SubNav.Link key="surveys" to="/plugins/liaison/surveys" label={t('surveys.title', 'Surveys')} />]}
                </SubNav.Section>,
              ]
            : []),
          ...(allowedActions.canRun || allowedActions.canReview || canReviewProposals
            ? [
                <SubNav.Section key="data" label={t('nav.data', 'Alumni data')}>
                  {[
                    ...(allowedActions.canRun ? [<SubNav.Link key="imports" to="/plugins/liaison/imports" label={t('imports.title', 'Imports')} />] : []),
                    ...(allowedActions.canReview
                      ? [<SubNav.Link key="duplicates" to="/plugins/liaison/duplicates" label={t('duplicates.title', 'Probable duplicates')} />]
                      : []),
                    ...(canReviewProposals
                      ? [<SubNav.Link key="proposals" to="/plugins/liaison/proposals" label={t('nav.proposals', 'Proposed changes')} />]
                      : []),
                  ]}
                </SubNav.Section>,
              ]
            : []),
        ]}
      </SubNav.Sections>
    </SubNav.Main>
  );
};

/**
 * The side navigation, drawn anew whenever the signed-in user's permissions arrive or change:
 * useRBAC checks its permissions once, so a check made before they had loaded (a slow first
 * answer) would hide the links for good.
 */
const SideNavOfUser = () => {
  const permissions = useAuth('LiaisonSideNav', (state) => state.permissions);
  return <SideNav key={permissions.map((p) => p.id).join(',')} />;
};

/** The plugin's pages, under one query cache (api/client.ts). */
const App = () => (
  <QueryProvider>
    <Layouts.Root sideNav={<SideNavOfUser />}>
      <Routes>
        <Route index element={<Page.Protect permissions={[{ action: 'plugin::liaison.coverage.read', subject: null }]}><BoardPage /></Page.Protect>} />
        <Route path="overview" element={<OverviewPage />} />
        <Route path="appraisal" element={<Page.Protect permissions={[{ action: 'plugin::liaison.appraisal.read', subject: null }]}><AppraisalPage /></Page.Protect>} />
        <Route path="training" element={<Page.Protect permissions={[{ action: 'plugin::liaison.training.read', subject: null }]}><TrainingPage /></Page.Protect>} />
        <Route path="outbox" element={<Page.Protect permissions={[{ action: 'plugin::liaison.outbox.read', subject: null }]}><OutboxPage /></Page.Protect>} />
        <Route path="imports" element={<Page.Protect permissions={IMPORTS}><ImportsPage /></Page.Protect>} />
        <Route path="duplicates" element={<Page.Protect permissions={DUPLICATES}><DuplicatesPage /></Page.Protect>} />
        <Route path="duplicates/:documentId" element={<Page.Protect permissions={DUPLICATES}><PairReview /></Page.Protect>} />
        <Route path="proposals" element={<Page.Protect permissions={PROPOSALS}><ProposalsPage /></Page.Protect>} />
        <Route path="check-in" element={<Page.Protect permissions={CHECK_IN}><CheckInPage /></Page.Protect>} />
        <Route path="registrations" element={<Page.Protect permissions={REGISTRATIONS}><RegistrationsPage /></Page.Protect>} />
        <Route path="feedback" element={<Page.Protect permissions={FEEDBACK}><FeedbackPage /></Page.Protect>} />
        <Route path="surveys" element={<Page.Protect permissions={SURVEYS}><SurveysPage /></Page.Protect>} />
        <Route path="surveys/:documentId" element={<Page.Protect permissions={SURVEYS}><SurveyPage /></Page.Protect>} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Layouts.Root>
  </QueryProvider>
);

export { App };
export default App;

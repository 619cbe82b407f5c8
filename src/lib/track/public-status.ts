import type { CaseStatus } from '../data/types';
import type { StringKey } from '../i18n/strings';

/** A status as residents read it ("being dealt with"), not the staff's workflow word. */
export const PUBLIC_STATUS: Record<CaseStatus, StringKey> = {
  reported: 'statusReportedPublic',
  registered: 'statusRegisteredPublic',
  dispatched: 'statusDispatchedPublic',
  handling: 'statusHandlingPublic',
  handled: 'statusHandledPublic',
  closed: 'statusClosedPublic',
  rejected: 'statusRejectedPublic',
};

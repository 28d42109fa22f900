import { apiRequest } from './client.js';

/** Owners' meetings, ballots, protocols and polls (see src/server/modules/meetings). */

export type Majority =
  'two_thirds_of_all' | 'more_than_half_of_all' | 'majority_of_participants' | 'unanimous';

export type Answer = 'for' | 'against' | 'abstain';

export type Figure = { exact: string; m2: string; percent: string };

export type DecisionKind = {
  code: string;
  basis: { ru: string; en: string };
  title: { ru: string; en: string };
  majority: Majority;
};

export type Question = {
  id: string;
  position: number;
  title: string;
  proposal: string | null;
  decisionKind: string;
  basis: string;
  basisEn: string;
  majority: Majority;
};

export type Protocol = {
  number: string;
  form: string;
  sha256: string;
  drawnUpOn: string;
  signedAt: string | null;
  signers: { role: string; name: string; signedAt: string | null }[];
  dispatches: { kind: string; recipient: string | null; sentAt: string }[];
};

export type Meeting = {
  id: string;
  houseId: string;
  houseAddress: string;
  form: 'in_person' | 'absentee' | 'mixed' | 'electronic';
  kind: string;
  title: string;
  place: string | null;
  materials: string | null;
  initiator: { kind: 'organisation' | 'owner'; name: string };
  noticeOn: string;
  votingStartsOn: string;
  votingEndsOn: string;
  paperUntilOn: string;
  status: 'announced' | 'voting' | 'closed' | 'counted' | 'signed';
  questions: Question[];
  protocol: Protocol | null;
  decisions?: { questionId: string; adopted: boolean }[];
};

export type QuestionResult = {
  questionId: string;
  majority: Majority;
  for: Figure;
  against: Figure;
  abstain: Figure;
  spoiled: Figure;
  blank: Figure;
  spoiledBallots: number;
  base: 'all' | 'participants';
  adopted: boolean;
};

export type Results = {
  final: boolean;
  totalVotes: Figure;
  participantVotes: Figure;
  quorum: boolean;
  ballots: number;
  conflicts: {
    entryId: string;
    premiseNumber: string;
    ownerName: string | null;
    counted: { ballotId: string; channel: string };
    setAside: { ballotId: string; channel: string }[];
  }[];
  questions: QuestionResult[];
  chainHead: string | null;
};

export type VoterEntry = {
  entryId: string;
  premiseNumber: string;
  premiseKind: string;
  area: string;
  share: string;
  votes: Figure;
  ownerName: string | null;
  castAs: string;
  ballot: { id: string; channel: string; receipt: string; receivedAt: string } | null;
};

export type MeetingDetail = Meeting & {
  mayAdminister: boolean;
  mySignatureRole: string | null;
  myEntries: VoterEntry[];
  results: Results | null;
};

export type RegisterEntry = {
  entryId: string;
  premiseNumber: string;
  premiseKind: string;
  area: string;
  ownerName: string | null;
  share: string | null;
  votes: Figure;
  ballots: { id: string; channel: 'electronic' | 'paper'; receivedAt: string; hasScan: boolean }[];
};

export type Receipt = {
  meetingId: string;
  meetingTitle: string;
  houseAddress: string;
  sequence: number;
  channel: string;
  receivedAt: string;
  counted: boolean | null;
  chainIntact: boolean;
  chainHead: string;
};

export type Poll = {
  id: string;
  houseId: string;
  houseAddress: string;
  question: string;
  options: { index: number; text: string; votes: number }[];
  anonymous: boolean;
  closesAt: string;
  open: boolean;
  myOwnerships: number;
  myAnswered: number;
};

export type NewMeeting = {
  houseId: string;
  organisationId: string | null;
  form: Meeting['form'];
  title: string;
  place?: string;
  materials?: string;
  votingStartsOn: string;
  votingEndsOn: string;
  questions: { title: string; proposal?: string; decisionKind: string }[];
};

const base = '/api/v1/meetings';

export const decisionKinds = (on: string, signal?: AbortSignal) =>
  apiRequest<{ effectiveFrom: string; kinds: DecisionKind[] }>(`${base}/decision-kinds`, {
    query: { on },
    signal,
  });

export const listMyMeetings = (signal?: AbortSignal) =>
  apiRequest<Meeting[]>(`${base}/mine`, { signal });

export const listOrgMeetings = (orgId: string, signal?: AbortSignal) =>
  apiRequest<Meeting[]>(`/api/v1/organisations/${orgId}/meetings`, { signal });

export const listInspectionProtocols = (signal?: AbortSignal) =>
  apiRequest<Meeting[]>(`${base}/inspection`, { signal });

export const listHouseMeetings = (houseId: string, signal?: AbortSignal) =>
  apiRequest<Meeting[]>(`/api/v1/buildings/${houseId}/meetings`, { signal });

export const getMeeting = (id: string, signal?: AbortSignal) =>
  apiRequest<MeetingDetail>(`${base}/${id}`, { signal });

export const getRegister = (id: string, signal?: AbortSignal) =>
  apiRequest<{ entries: RegisterEntry[]; totalArea: string | null }>(`${base}/${id}/register`, {
    signal,
  });

export const createMeeting = (input: NewMeeting) =>
  apiRequest<MeetingDetail>(base, { method: 'POST', body: input });

export const castBallot = (
  id: string,
  body: { entryId: string; answers: Record<string, Answer[]> },
) => apiRequest<{ receipt: string }>(`${base}/${id}/ballots`, { method: 'POST', body });

export const enterPaperBallot = (
  id: string,
  body: { entryId: string; scanFileId: string; answers: Record<string, Answer[]> },
) => apiRequest<{ receipt: string }>(`${base}/${id}/paper-ballots`, { method: 'POST', body });

export const drawUpProtocol = (
  id: string,
  body: { chair: string; secretary: string; counters: string[] },
) => apiRequest<{ number: string }>(`${base}/${id}/protocol`, { method: 'POST', body });

export const protocolFileUrl = (id: string) => `${base}/${id}/protocol/file`;

export const requestSignatureCode = (id: string) =>
  apiRequest<{ sentTo: string }>(`${base}/${id}/signature-codes`, { method: 'POST' });

export const signProtocol = (id: string, code: string) =>
  apiRequest<{ protocolComplete: boolean }>(`${base}/${id}/signatures`, {
    method: 'POST',
    body: { code },
  });

export const checkReceipt = (hash: string) =>
  apiRequest<Receipt>(`/api/v1/meeting-receipts/${encodeURIComponent(hash)}`);

export const listMyPolls = (signal?: AbortSignal) =>
  apiRequest<Poll[]>('/api/v1/polls/mine', { signal });

export const answerPoll = (id: string, option: number) =>
  apiRequest<Poll>(`/api/v1/polls/${id}/answers`, { method: 'POST', body: { option } });

export const listOrgPolls = (orgId: string, signal?: AbortSignal) =>
  apiRequest<Poll[]>(`/api/v1/organisations/${orgId}/polls`, { signal });

export const createPoll = (body: {
  houseId: string;
  organisationId: string;
  question: string;
  options: string[];
  closesAt: string;
}) => apiRequest<Poll>('/api/v1/polls', { method: 'POST', body });

import { z } from 'zod';

import { MAJORITIES } from '../../../domain/meetings/catalogue.js';
import { ANSWERS, DUPLICATE_RULES } from '../../../domain/meetings/counting.js';
import { MEETING_FORMS } from '../../../domain/meetings/schedule.js';

const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const QuestionInputSchema = z.object({
  title: Text(500),
  /** The proposed decision, as the ballot prints it. */
  proposal: z.string().trim().max(4000).nullish(),
  /** A code of the catalogue (GET /api/v1/meetings/decision-kinds); the majority follows from it. */
  decisionKind: Text(60),
});

export const CreateMeetingSchema = z.object({
  houseId: z.uuid(),
  /** The convening organisation (the house's manager); omit when an owner convenes. */
  organisationId: z.uuid().nullish(),
  form: z.enum(MEETING_FORMS),
  kind: z.enum(['annual', 'extraordinary']).default('extraordinary'),
  title: Text(300),
  place: z.string().trim().max(500).nullish(),
  /** Where and how owners read the materials. */
  materials: z.string().trim().max(4000).nullish(),
  votingStartsOn: IsoDate,
  votingEndsOn: IsoDate,
  /** Last day paper ballots are accepted; the last day of voting when omitted. */
  paperUntilOn: IsoDate.nullish(),
  duplicateRule: z.enum(DUPLICATE_RULES).default('first_received'),
  questions: z.array(QuestionInputSchema).min(1).max(50),
});

export type CreateMeetingInput = z.infer<typeof CreateMeetingSchema>;

export const MeetingParamsSchema = z.object({ id: z.uuid() });

export const BallotParamsSchema = z.object({ id: z.uuid(), ballotId: z.uuid() });

export const HouseParamsSchema = z.object({ houseId: z.uuid() });

export const OrgParamsSchema = z.object({ orgId: z.uuid() });

export const KindsQuerySchema = z.object({ on: IsoDate.optional() });

/** Marks per question id: one mark is a vote; two or more spoil the question (counted as such). */
export const AnswersSchema = z.record(z.uuid(), z.array(z.enum(ANSWERS)).max(3));

export const CastBallotSchema = z.object({
  /** The frozen register entry (an ownership) the ballot is for. */
  entryId: z.uuid(),
  answers: AnswersSchema,
});

export type CastBallotInput = z.infer<typeof CastBallotSchema>;

export const PaperBallotSchema = CastBallotSchema.extend({
  /** The scan of the signed paper ballot, uploaded first with POST /api/v1/files. */
  scanFileId: z.uuid(),
  /** When the administrator received it; now when omitted. Not before voting opened. */
  receivedAt: z.iso.datetime({ offset: true }).nullish(),
});

export type PaperBallotInput = z.infer<typeof PaperBallotSchema>;

export const ProtocolSchema = z.object({
  /** Logins (e-mail) of the signers as the meeting elected them. */
  chair: Text(200),
  secretary: Text(200),
  counters: z.array(Text(200)).max(5).default([]),
});

export type ProtocolInput = z.infer<typeof ProtocolSchema>;

export const SignSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/),
});

export const ReceiptParamsSchema = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) });

export const ClockSchema = z.object({ days: z.number().int().min(0).max(400) });

const Exact = z.string().describe('an exact fraction of square metres, "1353/20"');
const Shown = z.string().describe('the same rounded for display, "67.65"');

export const FigureSchema = z.object({ exact: Exact, m2: Shown, percent: Shown });

export const QuestionResultSchema = z.object({
  questionId: z.uuid(),
  majority: z.enum(MAJORITIES),
  for: FigureSchema,
  against: FigureSchema,
  abstain: FigureSchema,
  spoiled: FigureSchema,
  blank: FigureSchema,
  spoiledBallots: z.number().int(),
  base: z.enum(['all', 'participants']),
  adopted: z.boolean(),
});

export const ResultsSchema = z.object({
  final: z.boolean(),
  totalVotes: FigureSchema,
  participantVotes: FigureSchema,
  quorum: z.boolean(),
  ballots: z.number().int(),
  conflicts: z.array(
    z.object({
      entryId: z.uuid(),
      premiseNumber: z.string(),
      ownerName: z.string().nullable(),
      counted: z.object({ ballotId: z.uuid(), channel: z.string() }),
      setAside: z.array(z.object({ ballotId: z.uuid(), channel: z.string() })),
    }),
  ),
  questions: z.array(QuestionResultSchema),
  chainHead: z.string().nullable(),
});

export const QuestionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  proposal: z.string().nullable(),
  decisionKind: z.string(),
  /** The article of the law the decision kind rests on, in Russian and in English. */
  basis: z.string(),
  basisEn: z.string(),
  majority: z.enum(MAJORITIES),
});

export const VoterEntrySchema = z.object({
  entryId: z.uuid(),
  premiseNumber: z.string(),
  premiseKind: z.string(),
  area: z.string(),
  share: z.string(),
  votes: FigureSchema,
  ownerName: z.string().nullable(),
  /** owner | representative | organisation_representative */
  castAs: z.string(),
  ballot: z
    .object({ id: z.uuid(), channel: z.string(), receipt: z.string(), receivedAt: z.string() })
    .nullable(),
});

export const MeetingSchema = z.object({
  id: z.uuid(),
  houseId: z.uuid(),
  houseAddress: z.string(),
  form: z.enum(MEETING_FORMS),
  kind: z.string(),
  title: z.string(),
  place: z.string().nullable(),
  materials: z.string().nullable(),
  initiator: z.object({ kind: z.enum(['organisation', 'owner']), name: z.string() }),
  noticeOn: z.string(),
  votingStartsOn: z.string(),
  votingEndsOn: z.string(),
  paperUntilOn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  duplicateRule: z.enum(DUPLICATE_RULES),
  catalogueEdition: z.string(),
  /** announced | voting | closed (voting over, count not fixed) | counted | signed */
  status: z.string(),
  questions: z.array(QuestionSchema),
  protocol: z
    .object({
      number: z.string(),
      form: z.string(),
      sha256: z.string(),
      drawnUpOn: z.string(),
      signedAt: z.string().nullable(),
      signers: z.array(
        z.object({ role: z.string(), name: z.string(), signedAt: z.string().nullable() }),
      ),
      dispatches: z.array(
        z.object({ kind: z.string(), recipient: z.string().nullable(), sentAt: z.string() }),
      ),
    })
    .nullable(),
});

export const MeetingDetailSchema = MeetingSchema.extend({
  /** What the caller may do here. */
  mayAdminister: z.boolean(),
  mySignatureRole: z.string().nullable(),
  myEntries: z.array(VoterEntrySchema),
  results: ResultsSchema.nullable(),
});

export const ReceiptSchema = z.object({
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  houseAddress: z.string(),
  sequence: z.number().int(),
  channel: z.string(),
  receivedAt: z.string(),
  /** True when this ballot is the one counted for its ownership (not set aside as a duplicate). */
  counted: z.boolean().nullable(),
  chainIntact: z.boolean(),
  chainHead: z.string(),
});

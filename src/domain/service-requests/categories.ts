/** What a request is about, as the resident picks it. */
export const CATEGORIES = [
  'plumbing',
  'heating',
  'electricity',
  'lift',
  'roof',
  'cleaning',
  'yard',
  'intercom',
  'other',
] as const;

export type Category = (typeof CATEGORIES)[number];

/**
 * The kind decides which regulated term applies: a repair (the dispatch rules of ПП 416 п. 13,
 * or the written-request term), a request for the organisation's basic information (next working
 * day), or a check of an individual meter (ПП 354 п. 31 «е(2)»: 10 days).
 */
export const REQUEST_KINDS = ['repair', 'information', 'meter_check'] as const;

export type RequestKind = (typeof REQUEST_KINDS)[number];

/** `emergency`: an accident (ПП 416 п. 13); `urgent`: a blockage (2 h); `normal`: the rest. */
export const PRIORITIES = ['emergency', 'urgent', 'normal'] as const;

export type Priority = (typeof PRIORITIES)[number];

/** Blockages have their own 2-hour term; a garbage chute only counts 08:00–23:00. */
export const BLOCKAGES = ['sewer', 'garbage_chute'] as const;

export type Blockage = (typeof BLOCKAGES)[number];

/** Where the problem is: in the person's premise, or in the common property of the house. */
export const LOCATIONS = ['premise', 'common_area'] as const;

export type RequestLocation = (typeof LOCATIONS)[number];

/**
 * Who asks decides the written term: owners and users of premises of the house get 10 working
 * days, anybody else (a neighbour from another house) 30 calendar days (case C21).
 */
export type RequesterStatus = 'owner_or_user' | 'other';

import { z } from 'zod';

/** RFC 9457 problem document, as every error response carries it. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('Stable machine-readable error code'),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), rule: z.string(), message: z.string() }))
      .optional(),
  })
  // Extension members (RFC 9457 §3.2) such as `retryAfterSeconds` pass through.
  .loose()
  .meta({ id: 'Problem' });

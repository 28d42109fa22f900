import { z } from 'zod';

/** Query parameters every list endpoint accepts. */
export const PageQuerySchema = z.object({
  /** 1-based page number. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Items per page. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type PageQuery = z.infer<typeof PageQuerySchema>;

/** The envelope of every list response: the items plus what a pager needs. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('Items matching the query across all pages'),
    page: z.number().int(),
    limit: z.number().int(),
  });
}

export function offsetOf(query: PageQuery): number {
  return (query.page - 1) * query.limit;
}

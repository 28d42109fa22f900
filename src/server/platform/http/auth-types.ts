/** The signed-in person behind a request, as the sessions guard resolves it. */
export type SignedInUser = {
  id: string;
  personId: string;
  displayName: string;
  platformRole: string;
  roles: { role: string; organisationId: string | null; organisationName: string | null }[];
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Null for anonymous requests; set by the sessions module's onRequest hook. */
    user: SignedInUser | null;
  }
}

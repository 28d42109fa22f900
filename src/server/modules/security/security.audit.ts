/** Who acted and in which request, as every journaled change of this module carries it. */
export type ActorMeta = { actorUserId: string; requestId: string | null };

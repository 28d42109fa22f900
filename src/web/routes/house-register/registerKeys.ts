/** Query keys of the register; a change of owner or an account refreshes the whole group. */
export const REGISTER_KEY = ['house-register'] as const;

export const registerKeys = {
  houses: (orgId: string, q: string, page: number) =>
    [...REGISTER_KEY, 'houses', orgId, q, page] as const,
  register: (houseId: string) => [...REGISTER_KEY, 'register', houseId] as const,
  passport: (houseId: string) => [...REGISTER_KEY, 'passport', houseId] as const,
  contracts: (houseId: string) => [...REGISTER_KEY, 'contracts', houseId] as const,
  card: (premiseId: string) => [...REGISTER_KEY, 'card', premiseId] as const,
  accounts: (orgId: string, q: string, status: string, page: number) =>
    [...REGISTER_KEY, 'accounts', orgId, q, status, page] as const,
};

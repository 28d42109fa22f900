// Every table of the platform, for drizzle's typed queries and for `drizzle-kit generate`.
export * from '../../modules/buildings/buildings.tables.js';
export * from '../../modules/identity/identity.tables.js';
export * from '../../modules/organisations/organisations.tables.js';
export * from '../../modules/premises/premises.tables.js';
export * from '../files/files.tables.js';
export * from '../outbox/outbox.tables.js';
export * from '../../modules/security/security.tables.js';
export * from '../../modules/access/access.tables.js';
export * from '../audit/audit.tables.js';
export * from '../../modules/accounts/accounts.tables.js';
export * from '../../modules/management/management.tables.js';
export * from '../../modules/registry/registry.tables.js';
export * from '../../modules/property-claims/property-claims.tables.js';

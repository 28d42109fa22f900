import type { Row } from './access-matrix.table.js';

/** The platform's operators: they look objects up and load extracts into the local copy. */
const OPERATORS = ['platform_admin', 'identity_operator'] as const;

/** Rows of the role × action matrix for this module's endpoints. */
export const REGISTRY_ROWS: Record<string, Row> = {
  'GET /api/v1/registry/objects/:cadastralNumber': {
    allow: OPERATORS,
    // A well-formed number the registry lacks: allowed callers get 404 not_found, not a denial.
    call: () => ({ url: '/api/v1/registry/objects/66:41:0999999:1' }),
  },
  'POST /api/v1/registry/imports': {
    allow: OPERATORS,
    // Passes the rights check, then is refused as not multipart/form-data (415): stores nothing.
    call: () => ({ url: '/api/v1/registry/imports?dryRun=true', payload: {} }),
  },
};

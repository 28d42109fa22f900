import 'i18next';

import type { ruTranslation } from './resources.js';

// Russian is the reference: a key missing there is a compile error wherever `t()` uses it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ruTranslation };
  }
}

import 'i18next';

import type ru from './ru.json';

// Russian is the reference: a key missing there is a compile error wherever `t()` uses it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ru };
  }
}

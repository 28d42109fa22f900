import { Stack } from '@mantine/core';

import { PasskeysSection } from './PasskeysSection.js';
import { PasswordSection } from './PasswordSection.js';
import { SessionsSection } from './SessionsSection.js';
import { TotpSection } from './TotpSection.js';

export function SecurityPanel() {
  return (
    <Stack gap="lg">
      <SessionsSection />
      <PasswordSection />
      <TotpSection />
      <PasskeysSection />
    </Stack>
  );
}

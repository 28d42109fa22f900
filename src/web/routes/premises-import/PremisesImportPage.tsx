import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { templateUrl } from '../../api/premisesImport.js';
import { Loading } from '../../components/Loading.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { OrgPicker } from '../house-register/OrgPicker.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { ImportFlow } from './ImportFlow.js';

/** /org/import: bulk import of a house's premises, owners and accounts from CSV or XLSX. */
export function PremisesImportPage() {
  const { t, i18n } = useTranslation();
  const { orgs, chosen, choose, pending } = useOrgChoice();

  usePageTitle(t('premisesImport.title'));

  return (
    <Stack gap="lg" maw="80rem">
      <Stack gap={4}>
        <Title order={1}>{t('premisesImport.title')}</Title>
        <Text c="dimmed">{t('premisesImport.lead')}</Text>
        <Anchor href={templateUrl(i18n.language)} download data-testid="import-template">
          {t('premisesImport.template')}
        </Anchor>
      </Stack>
      {pending ? <Loading /> : null}
      {!pending && !chosen ? <Text>{t('premisesImport.noOrganisation')}</Text> : null}
      {chosen ? (
        <>
          <OrgPicker orgs={orgs} chosen={chosen} onChoose={choose} />
          <ImportFlow key={chosen.id} orgId={chosen.id} />
        </>
      ) : null}
    </Stack>
  );
}

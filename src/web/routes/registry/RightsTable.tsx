import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { RegistryRight } from '../../api/registry.js';

/** The registered rights of an object: owner, share, registration number and date. */
export function RightsTable({
  rights,
  formatDate,
}: {
  rights: RegistryRight[];
  formatDate: (iso: string) => string;
}) {
  const { t } = useTranslation();

  if (rights.length === 0) {
    return <Text c="dimmed">{t('registry.rights.none')}</Text>;
  }

  return (
    <section aria-labelledby="registry-rights-heading">
      <Title order={4} id="registry-rights-heading" mb="xs">
        {t('registry.rights.title')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" data-testid="registry-rights">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('registry.rights.owner')}</Table.Th>
              <Table.Th scope="col">{t('registry.rights.share')}</Table.Th>
              <Table.Th scope="col">{t('registry.rights.registrationNumber')}</Table.Th>
              <Table.Th scope="col">{t('registry.rights.registeredOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rights.map((right) => (
              <Table.Tr key={`${right.registrationNumber}:${right.ownerName}`}>
                <Table.Td>
                  <Text lang="ru">{right.ownerName}</Text>
                  <Text size="xs" c="dimmed">
                    {[
                      t(`registry.ownerKind.${right.ownerKind}`),
                      right.ownerInn ? t('registry.rights.inn', { inn: right.ownerInn }) : null,
                      right.hasSnils ? t('registry.rights.snilsKnown') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>{right.shareText}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{right.registrationNumber}</Table.Td>
                <Table.Td>{formatDate(right.registeredOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

import { Button, Group, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PREMISE_KINDS, TITLE_KINDS } from '../../api/propertyClaims.js';
import { formatDay } from '../../i18n/format.js';
import type { Draft, Field, Step } from './claimForm.js';
import { HousePicker } from './HousePicker.js';
import { ScanFiles } from './ScanFiles.js';

type Props = {
  step: Step;
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  errorOf: (field: Field) => string | undefined;
  goTo: (step: Step) => void;
};

/** The fields of one step of the claim wizard. */
export function ClaimStepFields({ step, draft, change, errorOf, goTo }: Props) {
  const { t } = useTranslation();
  const text = (field: keyof Draft) => ({
    value: draft[field] as string,
    onChange: (event: { currentTarget: { value: string } }) =>
      change({ [field]: event.currentTarget.value }),
  });

  switch (step) {
    case 'address':
      return (
        <HousePicker
          value={draft.house}
          onChange={(house) => change({ house })}
          error={errorOf('houseId')}
        />
      );
    case 'object':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('property.add.cadastral.label')}
            description={t('property.add.cadastral.hint')}
            autoComplete="off"
            maxLength={40}
            required
            error={errorOf('cadastralNumber')}
            {...text('cadastralNumber')}
          />
          <Select
            label={t('property.add.kind.label')}
            placeholder={t('property.add.kind.placeholder')}
            data={PREMISE_KINDS.map((kind) => ({
              value: kind,
              label: t(`property.kinds.${kind}`),
            }))}
            value={draft.premiseKind}
            onChange={(kind) => change({ premiseKind: kind as Draft['premiseKind'] })}
            required
            error={errorOf('premiseKind')}
          />
          <TextInput
            label={t('property.add.number.label')}
            description={t('property.add.number.hint')}
            autoComplete="off"
            maxLength={20}
            required
            error={errorOf('premiseNumber')}
            {...text('premiseNumber')}
          />
          <TextInput
            label={t('property.add.area.label')}
            description={t('property.add.area.hint')}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            required
            error={errorOf('area')}
            {...text('area')}
          />
        </SimpleGrid>
      );
    case 'share':
      return (
        <TextInput
          label={t('property.add.share.label')}
          description={t('property.add.share.hint')}
          autoComplete="off"
          maxLength={25}
          maw="20rem"
          required
          error={errorOf('share')}
          {...text('share')}
        />
      );
    case 'title':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('property.add.titleKind.label')}
            placeholder={t('property.add.titleKind.placeholder')}
            data={TITLE_KINDS.map((kind) => ({
              value: kind,
              label: t(`property.titleKinds.${kind}`),
            }))}
            value={draft.titleKind}
            onChange={(kind) => change({ titleKind: kind as Draft['titleKind'] })}
            required
            error={errorOf('titleKind')}
          />
          <TextInput
            label={t('property.add.titleNumber.label')}
            description={t('property.add.titleNumber.hint')}
            maxLength={60}
            error={errorOf('titleNumber')}
            {...text('titleNumber')}
          />
          <TextInput
            label={t('property.add.titleDate.label')}
            type="date"
            error={errorOf('titleDate')}
            {...text('titleDate')}
          />
        </SimpleGrid>
      );
    case 'scans':
      return (
        <ScanFiles
          files={draft.files}
          onChange={(files) => change({ files })}
          error={errorOf('fileIds')}
        />
      );
    default:
      return <Review draft={draft} goTo={goTo} />;
  }
}

function Review({ draft, goTo }: { draft: Draft; goTo: (step: Step) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const rows: [string, string, Step][] = [
    [t('property.queue.fields.address'), draft.house?.address ?? '—', 'address'],
    [t('property.queue.fields.cadastral'), draft.cadastralNumber, 'object'],
    [
      t('property.queue.fields.kind'),
      draft.premiseKind ? t(`property.kinds.${draft.premiseKind}`) : '—',
      'object',
    ],
    [t('property.queue.fields.number'), draft.premiseNumber, 'object'],
    [t('property.queue.fields.area'), draft.area, 'object'],
    [t('property.queue.fields.share'), draft.share, 'share'],
    [
      t('property.queue.fields.title'),
      [
        draft.titleKind ? t(`property.titleKinds.${draft.titleKind}`) : '—',
        draft.titleNumber ? `№ ${draft.titleNumber}` : '',
        draft.titleDate ? formatDay(draft.titleDate, language) : '',
      ]
        .filter(Boolean)
        .join(', '),
      'title',
    ],
    [t('property.add.scans.label'), draft.files.map((f) => f.originalName).join(', '), 'scans'],
  ];

  return (
    <Stack gap="xs">
      <Table variant="vertical" layout="fixed" withTableBorder data-testid="claim-review">
        <Table.Tbody>
          {rows.map(([label, value, step]) => (
            <Table.Tr key={label}>
              <Table.Th w="35%">{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <span>{value}</span>
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() => goTo(step)}
                    aria-label={`${t('property.add.review.edit')}: ${label}`}
                  >
                    {t('property.add.review.edit')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

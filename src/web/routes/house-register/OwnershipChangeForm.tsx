import { Button, Checkbox, Fieldset, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import {
  CHANGE_REASONS,
  changeOwnership,
  type ChangeReason,
  type PremiseCard,
} from '../../api/houseRegister.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { changeFieldError, changeProblemText } from './changeProblems.js';
import { todayIso } from './dates.js';
import { REGISTER_KEY } from './registerKeys.js';

type NewOwner = { surname: string; name: string; patronymic: string; share: string };

const blank = (share: string): NewOwner => ({ surname: '', name: '', patronymic: '', share });

/**
 * A change of owner (sale, inheritance, gift…): the rights that end and the new ones start on
 * one date, so the previous owners stay in the history. By default every live right ends and
 * the first new owner gets an account in place of the previous owners' ones.
 */
export function OwnershipChangeForm({ card, onDone }: { card: PremiseCard; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<ChangeReason>('sale');
  const [date, setDate] = useState(todayIso());
  const [ending, setEnding] = useState(card.owners.map((owner) => owner.ownershipId));
  const [owners, setOwners] = useState<NewOwner[]>([blank('1')]);
  const [titleDocument, setTitleDocument] = useState('');
  const [closeAccounts, setCloseAccounts] = useState(true);
  const [openAccount, setOpenAccount] = useState(true);
  const change = useMutation({
    mutationFn: () =>
      changeOwnership(card.premise.id, {
        reason,
        date,
        ending,
        starting: owners.map((owner) => ({
          person: {
            surname: owner.surname.trim(),
            name: owner.name.trim(),
            patronymic: owner.patronymic.trim() || undefined,
          },
          share: owner.share.trim(),
          titleDocument: titleDocument.trim() || undefined,
        })),
        closeAccounts,
        openAccountFor: openAccount && owners.length > 0 ? [0] : [],
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REGISTER_KEY });
      onDone();
    },
  });

  const edit = (index: number, patch: Partial<NewOwner>) =>
    setOwners((list) => list.map((owner, i) => (i === index ? { ...owner, ...patch } : owner)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const error = (field: string) => changeFieldError(change.error, field, t);

  return (
    <form onSubmit={submit} aria-labelledby="ownership-change-title">
      <Stack gap="sm">
        <Title order={3} id="ownership-change-title">
          {t('houseRegister.change.title')}
        </Title>
        <Group gap="sm" align="flex-start" grow>
          <Select
            label={t('houseRegister.change.reason')}
            data={CHANGE_REASONS.map((r) => ({ value: r, label: t(`houseRegister.reasons.${r}`) }))}
            value={reason}
            onChange={(next) => setReason(CHANGE_REASONS.find((r) => r === next) ?? 'sale')}
            allowDeselect={false}
            error={error('reason')}
          />
          <TextInput
            type="date"
            label={t('houseRegister.change.date')}
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={error('date')}
            required
          />
        </Group>
        {card.owners.length > 0 ? (
          <Checkbox.Group
            label={t('houseRegister.change.ending')}
            value={ending}
            onChange={setEnding}
            error={error('ending')}
          >
            <Stack gap={4} mt={4}>
              {card.owners.map((owner) => (
                <Checkbox
                  key={owner.ownershipId}
                  value={owner.ownershipId}
                  label={`${owner.name} — ${owner.share}`}
                  lang="ru"
                />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        {owners.map((owner, index) => (
          <Fieldset
            key={index}
            legend={t('houseRegister.change.newOwner', { number: index + 1 })}
            data-testid="new-owner"
          >
            <Stack gap="xs">
              <Group gap="sm" grow align="flex-start">
                <TextInput
                  label={t('houseRegister.change.surname')}
                  value={owner.surname}
                  onChange={(event) => edit(index, { surname: event.currentTarget.value })}
                  error={error(`starting.${index}.person.surname`)}
                  required
                />
                <TextInput
                  label={t('houseRegister.change.name')}
                  value={owner.name}
                  onChange={(event) => edit(index, { name: event.currentTarget.value })}
                  error={error(`starting.${index}.person.name`)}
                  required
                />
              </Group>
              <Group gap="sm" grow align="flex-start">
                <TextInput
                  label={t('houseRegister.change.patronymic')}
                  value={owner.patronymic}
                  onChange={(event) => edit(index, { patronymic: event.currentTarget.value })}
                  error={error(`starting.${index}.person.patronymic`)}
                />
                <TextInput
                  label={t('houseRegister.change.share')}
                  description={t('houseRegister.change.shareHint')}
                  value={owner.share}
                  onChange={(event) => edit(index, { share: event.currentTarget.value })}
                  error={error(`starting.${index}.share`)}
                  required
                />
              </Group>
              {owners.length > 1 ? (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => setOwners((list) => list.filter((_, i) => i !== index))}
                >
                  {t('houseRegister.change.removeOwner', { number: index + 1 })}
                </Button>
              ) : null}
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button variant="default" onClick={() => setOwners((list) => [...list, blank('')])}>
            {t('houseRegister.change.addOwner')}
          </Button>
        </Group>
        <TextInput
          label={t('houseRegister.change.titleDocument')}
          description={t('houseRegister.change.titleDocumentHint')}
          value={titleDocument}
          onChange={(event) => setTitleDocument(event.currentTarget.value)}
          error={error('starting.0.titleDocument')}
        />
        <Checkbox
          label={t('houseRegister.change.closeAccounts')}
          checked={closeAccounts}
          onChange={(event) => setCloseAccounts(event.currentTarget.checked)}
        />
        <Checkbox
          label={t('houseRegister.change.openAccount')}
          checked={openAccount}
          onChange={(event) => setOpenAccount(event.currentTarget.checked)}
        />
        {change.isError ? (
          <ProblemAlert
            error={change.error}
            describeField={(fieldError) => changeProblemText(fieldError, t)}
          />
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={change.isPending}>
            {t('houseRegister.change.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('houseRegister.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

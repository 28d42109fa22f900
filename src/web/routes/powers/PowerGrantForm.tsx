import { Button, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { grantPower, listOwnedPremises } from '../../api/powersOfAttorney.js';
import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';

const today = () => new Date().toISOString().slice(0, 10);

/** An owner names a representative (who has an account) for one of their premises. */
export function PowerGrantForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const premises = useQuery({
    queryKey: ['powers', 'owned-premises'],
    queryFn: ({ signal }) => listOwnedPremises(signal),
  });
  const [premiseId, setPremiseId] = useState<string | null>(null);
  const [login, setLogin] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState('');
  const [document, setDocument] = useState('');
  const grant = useMutation({
    mutationFn: grantPower,
    onSuccess: async () => {
      setLogin('');
      setDocument('');
      await queryClient.invalidateQueries({ queryKey: ['powers'] });
    },
  });
  const options = (premises.data ?? []).map((p) => ({ value: p.id, label: p.label }));
  const chosen = premiseId ?? options[0]?.value ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();

    if (!chosen) {
      return;
    }

    grant.mutate({
      premiseId: chosen,
      representativeLogin: login,
      validFrom,
      validUntil: validUntil || undefined,
      documentReference: document || undefined,
    });
  };

  if (premises.isSuccess && options.length === 0) {
    return null;
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw="32rem">
        <Title order={2} size="h3">
          {t('powers.grantTitle')}
        </Title>
        <Select
          label={t('powers.premise')}
          data={options}
          value={chosen}
          onChange={setPremiseId}
          allowDeselect={false}
        />
        <TextInput
          label={t('powers.representative')}
          description={t('powers.representativeHint')}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          error={serverFieldError(grant.error, 'representativeLogin')}
          required
        />
        <TextInput
          type="date"
          label={t('powers.validFrom')}
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
          error={serverFieldError(grant.error, 'validFrom')}
          required
        />
        <TextInput
          type="date"
          label={t('powers.validUntil')}
          description={t('powers.validUntilHint')}
          value={validUntil}
          onChange={(e) => setValidUntil(e.currentTarget.value)}
          error={serverFieldError(grant.error, 'validUntil')}
        />
        <TextInput
          label={t('powers.document')}
          value={document}
          onChange={(e) => setDocument(e.currentTarget.value)}
          maxLength={200}
        />
        {grant.isSuccess ? (
          <Text role="status" c="green.8" size="sm">
            {t('powers.granted')}
          </Text>
        ) : null}
        {grant.error ? <ProblemMessage error={grant.error} /> : null}
        <Button
          type="submit"
          w="fit-content"
          loading={grant.isPending}
          disabled={!chosen || !login}
        >
          {t('powers.grant')}
        </Button>
      </Stack>
    </form>
  );
}

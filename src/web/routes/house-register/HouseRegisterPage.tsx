import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { getPassport, getRegister } from '../../api/houseRegister.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { shortAddress } from '../houses/address.js';
import { Chessboard, OtherPremises } from './Chessboard.js';
import { ContractsPanel } from './ContractsPanel.js';
import { PassportPanel } from './PassportPanel.js';
import { PremiseCardModal } from './PremiseCardModal.js';
import { registerKeys } from './registerKeys.js';
import { useOrgChoice } from './useOrgChoice.js';

/**
 * /org/houses/:id: the house passport, its management contracts and the chessboard of premises;
 * a premise opens its card with owners, residents and accounts.
 */
export function HouseRegisterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { chosen } = useOrgChoice();
  const [premiseId, setPremiseId] = useState<string | null>(null);
  const register = useQuery({
    queryKey: registerKeys.register(id),
    queryFn: ({ signal }) => getRegister(id, signal),
  });
  const passport = useQuery({
    queryKey: registerKeys.passport(id),
    queryFn: ({ signal }) => getPassport(id, signal),
  });
  const address = register.data?.house.address;

  usePageTitle(address ? shortAddress(address) : t('houseRegister.house.title'));

  return (
    <Stack gap="lg" maw="80rem">
      <Anchor component={Link} to={chosen ? `/org/houses?org=${chosen.id}` : '/org/houses'}>
        {t('houseRegister.house.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} lang="ru">
          {address ?? t('houseRegister.house.title')}
        </Title>
        {register.data?.house.managingOrganisation ? (
          <Text c="dimmed">
            {t('houseRegister.house.managedBy')}{' '}
            <span lang="ru">{register.data.house.managingOrganisation.name}</span>
          </Text>
        ) : null}
      </Stack>
      {register.isPending ? <Loading /> : null}
      {register.isError ? (
        <ProblemAlert error={register.error} onRetry={() => void register.refetch()} />
      ) : null}
      {passport.data ? <PassportPanel passport={passport.data} /> : null}
      {passport.isError ? <ProblemAlert error={passport.error} /> : null}
      <ContractsPanel houseId={id} organisationId={chosen?.id} />
      {register.data ? (
        <>
          <Chessboard register={register.data} onOpen={setPremiseId} />
          <OtherPremises register={register.data} onOpen={setPremiseId} />
        </>
      ) : null}
      <PremiseCardModal premiseId={premiseId} onClose={() => setPremiseId(null)} />
    </Stack>
  );
}

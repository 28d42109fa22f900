import { Modal, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  getPremiseCard,
  getRegister,
  listOrgHouses,
  type Register,
} from '../../api/houseRegister.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { shortAddress } from '../houses/address.js';
import { OpenAccountForm } from './OpenAccountForm.js';
import { kindOf } from './registerView.js';
import { REGISTER_KEY, registerKeys } from './registerKeys.js';

/** Opening an account from the accounts list: pick the house, the premise, then the payer. */
export function OpenAccountDialog(props: { orgId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [houseId, setHouseId] = useState<string | null>(null);
  const [premiseId, setPremiseId] = useState<string | null>(null);
  const houses = useQuery({
    queryKey: [...REGISTER_KEY, 'house-choice', props.orgId],
    // An organisation rarely manages more than a hundred houses; the list takes the first page.
    queryFn: ({ signal }) => listOrgHouses(props.orgId, { limit: 100 }, signal),
    enabled: props.opened,
  });
  const register = useQuery({
    queryKey: registerKeys.register(houseId ?? ''),
    queryFn: ({ signal }) => getRegister(houseId ?? '', signal),
    enabled: props.opened && houseId !== null,
  });
  const card = useQuery({
    queryKey: registerKeys.card(premiseId ?? ''),
    queryFn: ({ signal }) => getPremiseCard(premiseId ?? '', signal),
    enabled: props.opened && premiseId !== null,
  });

  const close = () => {
    setHouseId(null);
    setPremiseId(null);
    props.onClose();
  };
  const error = houses.error ?? register.error ?? card.error;
  const kindLabel = (kind: string) => t(`houseRegister.kinds.${kindOf(kind)}`);

  return (
    <Modal opened={props.opened} onClose={close} title={t('houseRegister.accounts.open')} size="lg">
      <Stack gap="sm">
        <Select
          label={t('houseRegister.open.house')}
          data={(houses.data?.items ?? []).map((h) => ({
            value: h.id,
            label: shortAddress(h.address),
          }))}
          value={houseId}
          onChange={(next) => {
            setHouseId(next);
            setPremiseId(null);
          }}
          searchable
          nothingFoundMessage={t('houseRegister.houses.empty')}
        />
        {houseId ? (
          <Select
            label={t('houseRegister.open.premise')}
            data={register.data ? premiseChoices(register.data, kindLabel) : []}
            value={premiseId}
            onChange={setPremiseId}
            searchable
            disabled={!register.data}
          />
        ) : null}
        {error ? <ProblemAlert error={error} /> : null}
        {card.isFetching && !card.data ? <Loading /> : null}
        {card.data && card.data.premise.id === premiseId ? (
          <OpenAccountForm key={premiseId} card={card.data} onDone={close} />
        ) : null}
      </Stack>
    </Modal>
  );
}

function premiseChoices(register: Register, kindLabel: (kind: string) => string) {
  const cells = [
    ...register.entrances.flatMap((e) => e.floors.flatMap((f) => f.premises)),
    ...register.other.flatMap((group) => group.premises),
  ];

  // The chessboard lists the top floor first; a picker reads best as flats in number order,
  // then the other kinds.
  const byNumber = new Intl.Collator('ru', { numeric: true });
  const rank = (kind: string) => (kind === 'flat' ? '' : kind);

  cells.sort(
    (a, b) => rank(a.kind).localeCompare(rank(b.kind)) || byNumber.compare(a.number, b.number),
  );

  return cells.map((cell) => ({
    value: cell.id,
    label: `${kindLabel(cell.kind)} ${cell.number}`,
  }));
}

import { Button, Group, Modal, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { getPremiseCard, type PremiseAccount } from '../../api/houseRegister.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { CloseAccountForm } from './CloseAccountForm.js';
import { OpenAccountForm } from './OpenAccountForm.js';
import { OwnershipChangeForm } from './OwnershipChangeForm.js';
import { PremiseCardView } from './PremiseCardView.js';
import { kindOf } from './registerView.js';
import { registerKeys } from './registerKeys.js';

type Mode =
  | { step: 'view' }
  | { step: 'change' }
  | { step: 'open' }
  | { step: 'close'; account: PremiseAccount };

/** The premise card over the chessboard: its history and the register's actions on it. */
export function PremiseCardModal({
  premiseId,
  onClose,
}: {
  premiseId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const card = useCard(premiseId);
  const premise = card.data?.premise;
  const title = premise
    ? `${t(`houseRegister.kinds.${kindOf(premise.kind)}`)} ${premise.number}`
    : t('houseRegister.card.title');

  return (
    <Modal opened={premiseId !== null} onClose={onClose} title={title} size="xl">
      {/* Keyed by the premise: another premise opens on its card, never on a form left open. */}
      {premiseId ? <CardBody key={premiseId} premiseId={premiseId} /> : null}
    </Modal>
  );
}

function useCard(premiseId: string | null) {
  return useQuery({
    queryKey: registerKeys.card(premiseId ?? ''),
    queryFn: ({ signal }) => getPremiseCard(premiseId ?? '', signal),
    enabled: premiseId !== null,
    staleTime: 0,
  });
}

function CardBody({ premiseId }: { premiseId: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>({ step: 'view' });
  const card = useCard(premiseId);
  const back = () => setMode({ step: 'view' });

  return (
    <>
      {card.isPending ? <Loading /> : null}
      {card.isError ? (
        <ProblemAlert error={card.error} onRetry={() => void card.refetch()} />
      ) : null}
      {card.data && mode.step === 'view' ? (
        <Stack gap="md">
          <PremiseCardView
            card={card.data}
            onCloseAccount={(account) => setMode({ step: 'close', account })}
          />
          <Group gap="sm">
            <Button onClick={() => setMode({ step: 'change' })}>
              {t('houseRegister.card.changeOwner')}
            </Button>
            <Button variant="light" onClick={() => setMode({ step: 'open' })}>
              {t('houseRegister.card.openAccount')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {card.data && mode.step === 'change' ? (
        <OwnershipChangeForm card={card.data} onDone={back} />
      ) : null}
      {card.data && mode.step === 'open' ? (
        <OpenAccountForm card={card.data} onDone={back} />
      ) : null}
      {card.data && mode.step === 'close' ? (
        <CloseAccountForm
          accountId={mode.account.id}
          accountNumber={mode.account.number}
          onDone={back}
        />
      ) : null}
    </>
  );
}

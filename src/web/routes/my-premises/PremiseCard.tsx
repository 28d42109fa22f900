import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { ManagingOrganisation, MyPremise, Share } from '../../api/myPremises.js';
import { formatArea, formatDay } from '../../i18n/format.js';
import { AccountList } from './AccountList.js';
import classes from './MyPremises.module.css';

type Fact = { label: string; value: ReactNode | null };

/** One premise of «Мой МП‑дом»: what it is, the person's part in it, accounts, people, manager. */
export function PremiseCard({ premise }: { premise: MyPremise }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const titleId = `premise-${premise.id}`;
  const day = (value: string) => formatDay(value, language);
  const area = (value: string | null) =>
    value === null
      ? null
      : t('myPremises.facts.squareMetres', { value: formatArea(value, language) });

  const facts: Fact[] = [
    ...(premise.ownership
      ? [
          {
            label: t('myPremises.facts.share'),
            value: <ShareValue share={premise.ownership.share} />,
          },
          ...(premise.ownership.since
            ? [{ label: t('myPremises.facts.since'), value: day(premise.ownership.since) }]
            : []),
        ]
      : []),
    ...premise.representing.map((power) => ({
      label: t('myPremises.facts.representing'),
      value: (
        <>
          <span lang="ru">{power.principalName}</span>
          <Text size="sm" c="dimmed">
            {t('myPremises.facts.representingTerms', {
              share: power.share.text,
              until: day(power.validUntil),
            })}
          </Text>
        </>
      ),
    })),
    ...(premise.coOwners
      ? [
          {
            label: t('myPremises.facts.coOwners'),
            value: (
              <>
                {premise.coOwners.others === 0
                  ? t('myPremises.facts.noCoOwners')
                  : t('myPremises.facts.coOwnersCount', { count: premise.coOwners.others })}
                <Text size="sm" c="dimmed">
                  {t('myPremises.facts.sharesTotal', { total: premise.coOwners.total.text })}
                </Text>
              </>
            ),
          },
        ]
      : []),
    { label: t('myPremises.facts.areaTotal'), value: area(premise.areaTotal) },
    { label: t('myPremises.facts.areaLiving'), value: area(premise.areaLiving) },
    { label: t('myPremises.facts.floor'), value: premise.floor },
    { label: t('myPremises.facts.entrance'), value: premise.entrance },
    { label: t('myPremises.facts.cadastralNumber'), value: premise.cadastralNumber },
  ];

  return (
    <Paper
      component="article"
      withBorder
      p="md"
      aria-labelledby={titleId}
      data-testid="premise-card"
      h="100%"
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} id={titleId}>
            {t(`myPremises.kind.${premise.kind}`, { number: premise.number })}
          </Title>
          <Text lang="ru" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {premise.house.address}
          </Text>
          <Group gap={6}>
            {premise.relations.map((relation) => (
              <Badge key={relation} variant="outline" color="blue.9" radius="sm">
                {t(`myPremises.relation.${relation}`)}
              </Badge>
            ))}
          </Group>
        </Stack>

        {premise.claims.length > 0 ? (
          <Alert color="orange" variant="light" p="xs">
            {t('myPremises.claims.onPremise')}
          </Alert>
        ) : null}

        <FactRows facts={facts} />
        <AccountList accounts={premise.accounts} />
        <Residents premise={premise} />
        <Manager organisation={premise.managingOrganisation} />
      </Stack>
    </Paper>
  );
}

/** `1/2`, or `1` with the word "whole", exactly as the registry writes shares. */
function ShareValue({ share }: { share: Share }) {
  const { t } = useTranslation();

  return (
    <>
      <span data-testid="premise-share">{share.text}</span>
      {share.numerator === share.denominator ? (
        <Text span c="dimmed">
          {' '}
          ({t('myPremises.facts.whole')})
        </Text>
      ) : null}
    </>
  );
}

/** The facts as a definition list; an unknown value says so rather than showing nothing. */
function FactRows({ facts }: { facts: Fact[] }) {
  const { t } = useTranslation();

  return (
    <dl className={classes.facts}>
      {facts.map((fact, index) => (
        <div key={`${index}:${fact.label}`} className={classes.row}>
          <dt className={classes.term}>{fact.label}</dt>
          <dd className={classes.value}>
            {fact.value ?? (
              <Text span c="dimmed" fs="italic">
                {t('myPremises.facts.unknown')}
              </Text>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Residents({ premise }: { premise: MyPremise }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const id = `residents-${premise.id}`;
  const people = premise.residents.people;

  return (
    <section aria-labelledby={id}>
      <Title order={4} id={id} mb={4}>
        {t('myPremises.residents.title')}
      </Title>
      <Text data-testid="residents-count">
        {t('myPremises.residents.count', { count: premise.residents.count })}
      </Text>
      {people === null ? (
        <Text size="sm" c="dimmed">
          {t('myPremises.residents.namesHidden')}
        </Text>
      ) : people.length > 0 ? (
        <Stack component="ul" gap={2} p={0} m={0} mt={4} style={{ listStyle: 'none' }}>
          {people.map((person, index) => (
            <li key={`${person.name}-${index}`}>
              <Text span lang="ru">
                {person.name}
              </Text>
              {person.registeredOn ? (
                <Text span size="sm" c="dimmed">
                  {' '}
                  {t('myPremises.residents.since', {
                    date: formatDay(person.registeredOn, language),
                  })}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      ) : null}
    </section>
  );
}

function Manager({ organisation }: { organisation: ManagingOrganisation | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';

  return (
    <section aria-label={t('myPremises.manager.title')}>
      <Title order={4} mb={4}>
        {t('myPremises.manager.title')}
      </Title>
      {organisation ? (
        <Stack gap={2}>
          <Anchor component={Link} to={`/organisations/${organisation.id}`} lang="ru" fw={600}>
            {organisation.name}
          </Anchor>
          {organisation.inn ? (
            <Text size="sm">{t('myPremises.manager.inn', { inn: organisation.inn })}</Text>
          ) : null}
          {organisation.contract ? (
            <Text size="sm">
              {t('myPremises.manager.contract', {
                date: formatDay(organisation.contract.startedOn, language),
              })}
              {organisation.contract.number ? (
                <>
                  {', '}
                  {t('myPremises.manager.contractNumber')}{' '}
                  <span lang="ru">{organisation.contract.number}</span>
                </>
              ) : null}
            </Text>
          ) : null}
          {organisation.portalLink ? (
            <Anchor href={organisation.portalLink} target="_blank" rel="noreferrer" size="sm">
              {t('myPremises.manager.portal')}
            </Anchor>
          ) : null}
        </Stack>
      ) : (
        <Text c="dimmed">{t('myPremises.manager.none')}</Text>
      )}
    </section>
  );
}

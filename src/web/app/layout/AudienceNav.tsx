import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { AUDIENCES, sectionTitleKey } from '../navigation.js';
import { AccountNav } from './AccountNav.js';

/** Public pages first, then each audience's sections; unbuilt sections say "soon" up front. */
export function AudienceNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  return (
    <Stack gap="md">
      <AccountNav onNavigate={onNavigate} />
      <div>
        <Text component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
          {t('nav.public')}
        </Text>
        <NavLink
          component={Link}
          to="/houses"
          label={t('header.houses')}
          active={pathname === '/houses' || pathname.startsWith('/houses/')}
          aria-current={pathname === '/houses' ? 'page' : undefined}
          onClick={onNavigate}
        />
        <NavLink component="a" href="/api/docs" label={t('header.openApi')} />
      </div>
      {AUDIENCES.map((audience) => (
        <div key={audience.key}>
          <Text component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
            {t(`nav.${audience.key}`)}
          </Text>
          {audience.sections.map((section) => (
            <NavLink
              key={section.key}
              component={Link}
              to={section.path}
              label={t(sectionTitleKey(section.key))}
              active={pathname === section.path}
              aria-current={pathname === section.path ? 'page' : undefined}
              onClick={onNavigate}
              py={5}
              rightSection={
                section.ready ? null : (
                  <Badge size="xs" variant="outline" color="gray.7">
                    {t('nav.soon')}
                  </Badge>
                )
              }
            />
          ))}
        </div>
      ))}
    </Stack>
  );
}

import { Anchor, Box, Burger, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';

import { Loading } from '../../components/Loading.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { UserArea } from '../../components/UserArea.js';
import classes from './AppLayout.module.css';
import { AudienceNav } from './AudienceNav.js';
import { HouseIcon } from './HouseIcon.js';

/**
 * Header, audience navigation, main content and footer as proper landmarks. Below the `md`
 * breakpoint the navigation and account controls move into a drawer behind a burger button.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const [menuOpened, menu] = useDisclosure(false);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a page change, move focus to the new content so keyboard and screen reader users start
  // there instead of at the link they just followed (which may no longer exist).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;

      return;
    }

    menu.close();
    window.scrollTo(0, 0);
    mainRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);

  return (
    <>
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <header className={classes.header}>
        <div className={classes.headerInner}>
          <Link to="/" className={classes.brand} aria-label={t('app.homeLink')}>
            <HouseIcon />
            <span>{t('app.name')}</span>
          </Link>
          <Group component="nav" aria-label={t('header.primaryNav')} visibleFrom="md" gap={4}>
            <RouterNavLink to="/houses" className={classes.primaryLink} end>
              {t('header.houses')}
            </RouterNavLink>
            <a href="/api/docs" className={classes.primaryLink}>
              {t('header.openApi')}
            </a>
          </Group>
          <div className={classes.spacer} />
          <LanguageSwitch />
          <Group visibleFrom="md">
            <UserArea />
          </Group>
          <Burger
            hiddenFrom="md"
            opened={menuOpened}
            onClick={menu.toggle}
            aria-label={menuOpened ? t('header.closeMenu') : t('header.openMenu')}
            aria-expanded={menuOpened}
          />
        </div>
      </header>

      <Drawer
        opened={menuOpened}
        onClose={menu.close}
        title={t('header.menuTitle')}
        position="right"
        size="min(22rem, 90vw)"
        hiddenFrom="md"
        closeButtonProps={{ 'aria-label': t('header.closeMenu') }}
      >
        <Stack gap="lg">
          <UserArea stacked />
          <nav aria-label={t('nav.label')}>
            <AudienceNav onNavigate={menu.close} />
          </nav>
        </Stack>
      </Drawer>

      <div className={classes.body}>
        <Box
          component="nav"
          aria-label={t('nav.label')}
          className={classes.sidebar}
          visibleFrom="md"
        >
          <AudienceNav />
        </Box>
        <main id="main" ref={mainRef} tabIndex={-1} className={classes.main}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>

      <footer className={classes.footer}>
        <div className={classes.footerInner}>
          <Stack gap="xs">
            <Text fw={600}>{t('footer.about')}</Text>
            <Group
              component="ul"
              gap="lg"
              aria-label={t('footer.links')}
              className={classes.footerLinks}
            >
              <li>
                <Anchor href="/api/docs">{t('footer.apiDocs')}</Anchor>
              </li>
              <li>
                <Anchor href="/api/openapi.json">{t('footer.openapi')}</Anchor>
              </li>
              <li>
                <Anchor href="/api/health">{t('footer.health')}</Anchor>
              </li>
            </Group>
            <Text size="sm" c="dimmed">
              {t('footer.dataSource')}
            </Text>
          </Stack>
        </div>
      </footer>
    </>
  );
}

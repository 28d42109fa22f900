import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page links for a paginated list, labelled for screen readers in the current language. */
export function Pager({
  page,
  total,
  limit,
  onChange,
}: {
  page: number;
  total: number;
  limit: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));

  if (pages <= 1) {
    return null;
  }

  return (
    <Group component="nav" aria-label={t('search.pagination')} justify="space-between" gap="sm">
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        siblings={1}
        boundaries={1}
        getItemProps={(item) => ({
          'aria-label': t('pagination.page', { page: item }),
          'aria-current': item === page ? 'page' : undefined,
        })}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
      />
      <Text size="sm" c="dimmed">
        {t('search.pageOf', { page, pages })}
      </Text>
    </Group>
  );
}

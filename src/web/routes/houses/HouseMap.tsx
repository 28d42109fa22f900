import { Anchor, AspectRatio, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatCoordinate } from '../../i18n/format.js';

/** Half the side of the embedded map's box, in degrees: about 300 m around the house. */
const SPAN = 0.003;

export function osmLink(latitude: number, longitude: number) {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}

function embedUrl(latitude: number, longitude: number) {
  const bbox = [longitude - SPAN, latitude - SPAN / 2, longitude + SPAN, latitude + SPAN / 2]
    .map((value) => value.toFixed(6))
    .join(',');

  return `https://www.openstreetmap.org/export/embed.html?bbox=${bbox}&layer=mapnik&marker=${latitude},${longitude}`;
}

/**
 * Coordinates, a link to OpenStreetMap and, on request, the embedded map. Nothing is fetched
 * from a third party until the visitor asks, which also keeps the page whole offline.
 */
export function HouseMap({
  latitude,
  longitude,
  address,
}: {
  latitude: number | null;
  longitude: number | null;
  address: string;
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);

  if (latitude === null || longitude === null) {
    return <Text c="dimmed">{t('house.noCoordinates')}</Text>;
  }

  const language = i18n.resolvedLanguage ?? 'ru';

  return (
    <Stack gap="sm">
      <Text data-testid="house-coordinates">
        {t('house.fields.coordinates')}: {formatCoordinate(latitude, language)},{' '}
        {formatCoordinate(longitude, language)}
      </Text>
      <Anchor href={osmLink(latitude, longitude)} rel="noopener">
        {t('house.openOsm')}
      </Anchor>
      {shown ? (
        <AspectRatio ratio={16 / 9}>
          <iframe
            src={embedUrl(latitude, longitude)}
            title={t('house.mapTitle', { address })}
            loading="lazy"
            referrerPolicy="no-referrer"
            style={{ border: 0, borderRadius: 'var(--mantine-radius-md)' }}
          />
        </AspectRatio>
      ) : (
        <Stack gap={4} align="flex-start">
          <Button variant="default" onClick={() => setShown(true)}>
            {t('house.showMap')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('house.mapNote')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

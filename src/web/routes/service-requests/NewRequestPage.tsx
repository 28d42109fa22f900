import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { getMyPremises } from '../../api/myPremises.js';
import {
  CATEGORIES,
  fileRequest,
  getAssistant,
  getSimilar,
  joinRequest,
  uploadPhoto,
  type Category,
  type Photo,
} from '../../api/serviceRequests.js';
import { ApiError } from '../../api/client.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { AssistantChat } from './AssistantChat.js';

type Place = { value: string; label: string; houseId: string; premiseId: string | null };

/** /owner/requests/new: where, what, the assistant's dialogue, similar requests, then the form. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const premises = useQuery({
    queryKey: ['my-premises'],
    queryFn: ({ signal }) => getMyPremises(signal),
  });
  const [placeValue, setPlace] = useState<string | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [description, setDescription] = useState('');
  const [visit, setVisit] = useState('');
  const [phone, setPhone] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);

  usePageTitle(t('serviceRequests.new.title'));

  const places: Place[] = [];

  for (const premise of premises.data?.premises ?? []) {
    places.push({
      value: `premise:${premise.id}`,
      label: `${premise.house.address}, ${t('serviceRequests.premiseShort', { number: premise.number })}`,
      houseId: premise.house.id,
      premiseId: premise.id,
    });
  }

  for (const house of new Map(
    (premises.data?.premises ?? []).map((p) => [p.house.id, p.house]),
  ).values()) {
    places.push({
      value: `house:${house.id}`,
      label: `${house.address}: ${t('serviceRequests.new.commonArea')}`,
      houseId: house.id,
      premiseId: null,
    });
  }

  const place = places.find((p) => p.value === placeValue) ?? null;
  const ready = Boolean(place && category);
  const script = useQuery({
    queryKey: ['service-requests', 'assistant', category, place?.houseId],
    queryFn: ({ signal }) => getAssistant(category!, place!.houseId, signal),
    enabled: ready,
  });
  const similar = useQuery({
    queryKey: ['service-requests', 'similar', category, place?.houseId],
    queryFn: ({ signal }) => getSimilar(place!.houseId, category!, signal),
    enabled: ready,
  });
  const upload = useMutation({
    mutationFn: (files: File[]) => Promise.all(files.map((file) => uploadPhoto(file))),
    onSuccess: (stored) => setPhotos((list) => [...list, ...stored]),
  });
  const join = useMutation({
    mutationFn: (id: string) => joinRequest(id),
    onSuccess: (request) => void navigate(`/requests/${request.id}`),
  });
  const submit = useMutation({
    mutationFn: () =>
      fileRequest({
        houseId: place!.houseId,
        premiseId: place!.premiseId,
        location: place!.premiseId ? 'premise' : 'common_area',
        category: category!,
        description,
        answers,
        photoIds: photos.map((p) => p.id),
        preferredVisit: visit || null,
        contactPhone: phone || null,
      }),
    onSuccess: async (request) => {
      await client.invalidateQueries({ queryKey: ['service-requests'] });
      await navigate(`/requests/${request.id}`);
    },
  });
  const duplicateOf =
    submit.error instanceof ApiError ? submit.error.text('existingId') : undefined;

  return (
    <Stack gap="lg" maw="48rem">
      <Title order={1}>{t('serviceRequests.new.title')}</Title>
      {premises.isPending ? <Loading /> : null}
      {premises.isError ? <ProblemAlert error={premises.error} /> : null}
      {premises.data && places.length === 0 ? (
        <Alert>{t('serviceRequests.new.noPremises')}</Alert>
      ) : null}
      <Select
        label={t('serviceRequests.new.where')}
        data={places.map((p) => ({ value: p.value, label: p.label }))}
        value={placeValue}
        onChange={(value) => {
          setPlace(value);
          setAnswers({});
        }}
        data-testid="request-place"
      />
      <Select
        label={t('serviceRequests.new.category')}
        data={CATEGORIES.map((c) => ({ value: c, label: t(`serviceRequests.category.${c}`) }))}
        value={category}
        onChange={(value) => {
          setCategory(value as Category | null);
          setAnswers({});
        }}
        data-testid="request-category"
      />
      {script.data ? (
        <AssistantChat script={script.data} answers={answers} onAnswer={setAnswers} />
      ) : null}
      {similar.data && similar.data.length > 0 ? (
        <Card withBorder padding="md" data-testid="similar-requests">
          <Stack gap="xs">
            <Text fw={700}>{t('serviceRequests.new.similar')}</Text>
            {similar.data.map((s) => (
              <Group key={s.id} justify="space-between" wrap="wrap">
                <Text size="sm" lineClamp={2} maw="28rem">
                  {t('serviceRequests.number', { number: s.number })}: {s.description}
                </Text>
                {s.joined ? (
                  <Anchor component={Link} to={`/requests/${s.id}`} size="sm">
                    {t('serviceRequests.new.open')}
                  </Anchor>
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    loading={join.isPending}
                    onClick={() => join.mutate(s.id)}
                  >
                    {t('serviceRequests.new.join')}
                  </Button>
                )}
              </Group>
            ))}
            {join.isError ? <ProblemAlert error={join.error} /> : null}
          </Stack>
        </Card>
      ) : null}
      {ready ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit.mutate();
          }}
        >
          <Stack gap="md">
            <Textarea
              label={t('serviceRequests.new.description')}
              description={t('serviceRequests.new.descriptionHint')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              minRows={4}
              autosize
              required
              maxLength={4000}
              data-testid="request-description"
            />
            <FileInput
              label={t('serviceRequests.new.photos')}
              description={t('serviceRequests.new.photosHint')}
              multiple
              accept="image/jpeg,image/png,image/heic,image/heif,.heic"
              value={[]}
              onChange={(files) => files.length > 0 && upload.mutate(files)}
              data-testid="request-photos"
            />
            {upload.isPending ? <Loading /> : null}
            {upload.isError ? <ProblemAlert error={upload.error} /> : null}
            {photos.length > 0 ? (
              <Text size="sm" data-testid="photos-ready">
                {t('serviceRequests.new.photosReady', { count: photos.length })}
              </Text>
            ) : null}
            <TextInput
              label={t('serviceRequests.new.visit')}
              value={visit}
              onChange={(e) => setVisit(e.currentTarget.value)}
              maxLength={200}
            />
            <TextInput
              label={t('serviceRequests.new.phone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              type="tel"
            />
            {submit.isError ? <ProblemAlert error={submit.error} /> : null}
            {duplicateOf ? (
              <Anchor component={Link} to={`/requests/${duplicateOf}`}>
                {t('serviceRequests.new.openExisting')}
              </Anchor>
            ) : null}
            <Group>
              <Button type="submit" loading={submit.isPending} data-testid="submit-request">
                {t('serviceRequests.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

import { ActionIcon, Button, FileButton, Group, Input, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import { uploadFile, type StoredFile } from '../../api/files.js';

// The product's default; the server enforces its configured limit and says so if it differs.
const MAX_MEGABYTES = 5;
const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const KNOWN = /\.(pdf|jpe?g|png)$/i;

/**
 * The claim's scans: each file is uploaded as soon as it is chosen (the server checks its content
 * and size), and listed with a way to remove it. A file that is plainly too large or of another
 * kind is refused here first, with the rule in words.
 */
export function ScanFiles({
  files,
  onChange,
  error,
}: {
  files: StoredFile[];
  onChange: (files: StoredFile[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);

  const add = async (chosen: File[]) => {
    const found: string[] = [];
    const stored: StoredFile[] = [];

    setUploading(true);

    for (const file of chosen) {
      if (file.size > MAX_MEGABYTES * 1024 * 1024) {
        found.push(t('property.add.scans.tooLarge', { name: file.name, size: MAX_MEGABYTES }));
        continue;
      }

      if (!KNOWN.test(file.name)) {
        found.push(t('property.add.scans.wrongType', { name: file.name }));
        continue;
      }

      try {
        stored.push(await uploadFile(file));
      } catch (failure) {
        const reason = failure instanceof ApiError ? (failure.detail ?? failure.code) : '';

        found.push(t('property.add.scans.failed', { name: file.name, reason }));
      }
    }

    setUploading(false);
    setProblems(found);
    onChange([...files, ...stored]);
  };

  return (
    <Stack gap="xs">
      <Input.Wrapper
        label={t('property.add.scans.label')}
        description={t('property.add.scans.hint', { size: MAX_MEGABYTES })}
        error={error}
        required
      >
        <Group mt="xs">
          <FileButton onChange={(chosen) => void add(chosen)} accept={ACCEPT} multiple>
            {(props) => (
              <Button variant="default" loading={uploading} {...props}>
                {t('property.add.scans.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Input.Wrapper>
      {problems.length > 0 ? (
        <Stack gap={2} role="alert">
          {problems.map((problem) => (
            <Text key={problem} size="sm" c="red" data-testid="scan-problem">
              {problem}
            </Text>
          ))}
        </Stack>
      ) : null}
      {files.length > 0 ? (
        <List size="sm" spacing={4}>
          {files.map((file) => (
            <List.Item key={file.id} data-testid="scan-file">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {file.originalName} ({Math.ceil(file.sizeBytes / 1024)} KB)
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('property.add.scans.remove', { name: file.originalName })}
                  onClick={() => onChange(files.filter((other) => other.id !== file.id))}
                >
                  ×
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

import { ScrollArea, Text } from '@mantine/core';

/**
 * A legal text stored as Markdown, shown as headings and paragraphs. Markdown syntax beyond that
 * is left as typed; the texts are plain prose, and nothing of it is ever rendered as HTML.
 */
export function LegalText({ text, labelledBy }: { text: string; labelledBy: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);

  return (
    <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
      <div role="document" aria-labelledby={labelledBy} tabIndex={0}>
        {blocks.map((block, index) =>
          block.startsWith('#') ? (
            <Text key={index} fw={700} size="sm" mt={index ? 'sm' : 0}>
              {block.replace(/^#+\s*/, '')}
            </Text>
          ) : (
            <Text key={index} size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
              {block}
            </Text>
          ),
        )}
      </div>
    </ScrollArea.Autosize>
  );
}

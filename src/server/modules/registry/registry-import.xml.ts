import { XMLParser, XMLValidator } from 'fast-xml-parser';

import type { RawExtractRow } from '../../../domain/registry-extract/extract-row.js';
import {
  OBJECT_FIELDS,
  RIGHT_FIELDS,
  type ExtractField,
  type ExtractProblem,
} from '../../../domain/registry-extract/problems.js';
import { fileProblem, type SourceRow } from './registry-import.rows.js';

/**
 * The XML layout (docs/registry-import.md): a `<registry-extract>` root, one `<object>` per
 * real-estate object with its fields as child elements named like the CSV columns with hyphens
 * (`<cadastral-number>`), and one `<right>` element per registered right inside it.
 */
const ROOT = 'registry-extract';
const ELEMENT_OF = (field: ExtractField) => field.replaceAll('_', '-');

// The deepest a well-formed extract goes is root → object → right → field → text.
const MAX_DEPTH = 6;

type XmlNode = Record<string, unknown>;

// Typed as the boxed `Symbol` by the library; it is a plain symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Reads the rows of an XML extract. Document type declarations are refused before parsing:
 * an extract needs none, and they are how entity expansion («billion laughs») and external
 * entities (XXE) get in. Nesting deeper than the layout is refused too.
 */
export function readXmlRows(text: string): { rows: SourceRow[]; ignored: string[] } {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw fileProblem(
      'the XML has a document type declaration (DOCTYPE or ENTITY); extracts need none and ' +
        'such declarations are refused for safety',
      'в XML есть объявление типа документа (DOCTYPE или ENTITY); выписке оно не нужно и из ' +
        'соображений безопасности не принимается',
    );
  }

  const valid = XMLValidator.validate(text);

  if (valid !== true) {
    throw fileProblem(
      `the XML is not well-formed at line ${valid.err.line}: ${valid.err.msg}`,
      `XML составлен с ошибкой в строке ${valid.err.line}: ${valid.err.msg}`,
    );
  }

  let document: XmlNode;

  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      captureMetaData: true,
      maxNestedTags: MAX_DEPTH,
      isArray: (_name, jPath) => jPath === `${ROOT}.object` || jPath === `${ROOT}.object.right`,
    }).parse(text) as XmlNode;
  } catch (error) {
    throw fileProblem(
      `the XML cannot be read: ${(error as Error).message}`,
      `XML не удалось прочитать: ${(error as Error).message}`,
      error,
    );
  }

  const root = document[ROOT];

  if (!isNode(root) && root !== '') {
    throw fileProblem(
      `the root element must be <${ROOT}> (see docs/registry-import.md)`,
      `корневой элемент должен быть <${ROOT}> (см. docs/registry-import.md)`,
    );
  }

  const lineOf = lineFinder(text);
  const ignored = new Set<string>();
  const rootNode: XmlNode = isNode(root) ? root : {};
  const defaultExtracted = text_(rootNode['@extracted-on']);
  const rows: SourceRow[] = [];

  for (const key of Object.keys(rootNode)) {
    if (key !== 'object' && !key.startsWith('@')) {
      ignored.add(key);
    }
  }

  const objects = Array.isArray(rootNode.object) ? (rootNode.object as unknown[]) : [];

  for (const object of objects) {
    const node: XmlNode = isNode(object) ? object : {};
    const objectLine = lineOf(node);
    const facts = readFields(node, OBJECT_FIELDS, ['right'], ignored, 'object');

    if (facts.raw.extracted_on === undefined && defaultExtracted !== undefined) {
      facts.raw.extracted_on = defaultExtracted;
    }

    const rights = Array.isArray(node.right) ? (node.right as unknown[]) : [];

    if (rights.length === 0) {
      rows.push({ line: objectLine, objectLine, raw: facts.raw, problems: facts.problems });
    }

    for (const right of rights) {
      const rightNode: XmlNode = isNode(right) ? right : {};
      const own = readFields(rightNode, RIGHT_FIELDS, [], ignored, 'right');

      rows.push({
        line: isNode(right) ? lineOf(rightNode) : objectLine,
        objectLine,
        raw: { ...facts.raw, ...own.raw },
        problems: [...facts.problems, ...own.problems],
      });
    }
  }

  return { rows, ignored: [...ignored] };
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element or attribute; an element with attributes keeps its text in #text. */
function text_(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }

  if (isNode(value)) {
    const keys = Object.keys(value).filter((key) => !key.startsWith('@'));

    if (keys.length === 0) {
      return '';
    }

    if (keys.length === 1 && keys[0] === '#text' && typeof value['#text'] === 'string') {
      return value['#text'];
    }
  }

  return undefined;
}

function readFields(
  node: XmlNode,
  fields: readonly ExtractField[],
  children: string[],
  ignored: Set<string>,
  where: string,
) {
  const raw: RawExtractRow = {};
  const problems: ExtractProblem[] = [];
  const known = new Set([...fields.map(ELEMENT_OF), ...children]);

  for (const field of fields) {
    const element = ELEMENT_OF(field);

    if (!Object.hasOwn(node, element)) {
      continue;
    }

    const value = node[element];

    if (Array.isArray(value)) {
      problems.push({ field, code: 'repeated' });
      continue;
    }

    const text = text_(value);

    if (text === undefined) {
      problems.push({ field, code: 'format' });
      continue;
    }

    raw[field] = text;
  }

  for (const key of Object.keys(node)) {
    if (!known.has(key) && !key.startsWith('@') && key !== '#text') {
      ignored.add(`${where}/${key}`);
    }
  }

  return { raw, problems };
}

/** Line numbers from the parser's element offsets (1-based, as editors count). */
function lineFinder(text: string) {
  const starts: number[] = [0];

  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }

  return (node: XmlNode): number => {
    const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
    const offset = meta?.startIndex ?? 0;
    let low = 0;
    let high = starts.length - 1;

    while (low < high) {
      const mid = (low + high + 1) >> 1;

      if ((starts[mid] ?? 0) <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }

    return low + 1;
  };
}

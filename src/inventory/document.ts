import { extname } from 'node:path';
import { CST, Parser } from 'yaml';
import { type IniLine, parseIni } from './ini.js';
import { type DeclaredInventory, resolveInventory } from './resolve.js';
import type { Inventory, VarLayers } from './types.js';
import { parseYaml } from './yaml.js';

export type InventoryFormat = 'ini' | 'yaml';

/**
 * An inventory file as a lossless document: INI as its classified lines, YAML as the
 * concrete syntax tree of the `yaml` package. Writing one back gives the same bytes.
 */
export type InventoryDocument =
  | { format: 'ini'; source: string; lines: IniLine[]; declared: DeclaredInventory }
  | { format: 'yaml'; source: string; tokens: CST.Token[]; declared: DeclaredInventory };

const INI_HEADER = /^\s*\[[^\]\s]+\]\s*(#.*)?$/;
const YAML_KEY = /^[^\s#;[][^=]*:(\s|$)/;

/** INI or YAML, by file extension, else by what the text looks like. */
export function detectFormat(text: string, source: string): InventoryFormat {
  const ext = extname(source).toLowerCase();
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return 'yaml';
  if (ext === '.ini' || ext === '.cfg') return 'ini';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (INI_HEADER.test(line)) return 'ini';
    if (line === '---' || line.startsWith('{') || YAML_KEY.test(line)) return 'yaml';
    return 'ini';
  }
  return 'ini';
}

export function parseInventoryDocument(
  text: string,
  source: string,
  format: InventoryFormat = detectFormat(text, source),
): InventoryDocument {
  if (format === 'ini') {
    const { lines, declared } = parseIni(text, source);
    return { format, source, lines, declared };
  }
  const { declared } = parseYaml(text, source);
  return { format, source, tokens: [...new Parser().parse(text)], declared };
}

export function writeInventoryDocument(doc: InventoryDocument): string {
  if (doc.format === 'ini') return doc.lines.map((l) => l.raw).join('\n');
  return doc.tokens.map((t) => CST.stringify(t)).join('');
}

/** Parses inventory text into the typed Inventory (pure: no file or network access). */
export function parseInventory(
  text: string,
  source: string,
  format?: InventoryFormat,
  layers: VarLayers = {},
): Inventory {
  const doc = parseInventoryDocument(text, source, format);
  return resolveInventory(doc.declared, doc.format, text, layers);
}

import type { TableError } from '../import/table-types.ts';
import type { Translate } from '../text/i18n.ts';
import { cutText } from '../domain/cut-text.ts';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why a file could not be read at all, in the user's language (the bot and the CLI alike). */
export function renderTableError(t: Translate, error: TableError): string {
  switch (error.code) {
    case 'too_large':
      return t('import.tooLarge', { limit: mb(error.limit) });
    case 'too_many_rows':
      return t('import.tooManyRows', { limit: error.limit });
    case 'part_too_large':
      return t('import.partTooLarge', { part: error.part.split('/').pop() ?? error.part, limit: mb(error.limit) });
    case 'unsupported_type':
      if (error.ext === 'xls' || error.ext === 'et') return t('import.unsupportedXls');
      if (error.ext === 'ods') return t('import.unsupportedOds');
      return t('import.unsupported');
    case 'unreadable':
      return t('import.unreadable', { detail: cutText(error.detail, 200) });
    case 'too_complex':
      return t('import.tooComplex');
    case 'empty':
      return t('import.empty');
  }
}

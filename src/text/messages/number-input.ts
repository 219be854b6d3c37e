import { defineMessages } from '../catalog.ts';

/** Numbers and periods that cannot be meant: refused in words, nothing changed. */
export const numberInputMessages = defineMessages(
  {
    'progress.badPercent': '进度百分比“{value}”无效：请写 0–100 的整数，例如“完成 60%”。未记录。',
    'board.unknownPeriod': '无法识别期间“{text}”。请写 2024-08、8月、2024Q3 或 2024年，也可不写（最近一期）。',
  },
  {
    'progress.badPercent': 'The percentage "{value}" is not valid: write a whole number from 0 to 100, e.g. "done 60%". Nothing recorded.',
    'board.unknownPeriod': 'Cannot read the period "{text}". Write 2024-08, Aug, 2024Q3 or 2024, or nothing for the latest.',
  },
);

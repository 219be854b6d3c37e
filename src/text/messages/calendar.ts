import { defineMessages } from '../catalog.ts';

export const calendarMessages = defineMessages(
  {
    'calendar.title': '<b>节假日与调休安排</b>（定时推送遇法定节假日顺延至下一个工作日；调休上班日按工作日计）',
    'calendar.year': '• {year}年：{holidays}；调休上班：{workdays}\n  来源：{source}',
    'calendar.missing': '⚠ 尚无 {year} 年数据：该年只按周末计算。国务院办公厅通知发布后，管理员可在私聊中发送 {year}.json 文件（格式同 data/seed/calendar/）。',
    'calendar.loaded': '已载入 {year} 年节假日安排：{holidays} 段假期，{workdays} 个调休上班日。',
    'calendar.invalid': '节假日文件有误，未作任何修改：{detail}',
    'calendar.adminOnly': '只有管理员可以更新节假日安排。',
    'menu.calendar': '节假日与调休安排（定时推送据此顺延）',
  },
  {
    'calendar.title': '<b>Public holidays and make-up working days</b> (a digest due on a holiday goes out on the next working day; a make-up working day counts as one)',
    'calendar.year': '• {year}: {holidays}; make-up working days: {workdays}\n  source: {source}',
    'calendar.missing': '⚠ No data for {year} yet: only weekends count there. Once the State Council notice is out, an admin can send {year}.json in a private chat (same format as data/seed/calendar/).',
    'calendar.loaded': 'Loaded the {year} holiday calendar: {holidays} holiday spans, {workdays} make-up working days.',
    'calendar.invalid': 'The calendar file has an error; nothing changed: {detail}',
    'calendar.adminOnly': 'Only admins may update the holiday calendar.',
    'menu.calendar': 'Public holidays and make-up working days (digests follow them)',
  },
);

import { defineMessages } from '../catalog.ts';

export const operationsMessages = defineMessages(
  {
    'ops.backupDone': '备份完成：{name}，{files} 个文件，{size}；保留最近 {keep} 份。',
    'ops.backupFailed': '备份失败：{detail}',
    'ops.status.data': '数据 {size} · 人员 {staff} · 群 {chats} · 指标数据 {figures} 条',
    'ops.status.backup': '最近备份 {at}（{size}，{files} 个文件）',
    'ops.status.noBackup': '最近备份：尚无（每日按 BACKUP_CRON 自动备份）',
  },
  {
    'ops.backupDone': 'Backup made: {name}, {files} files, {size}; the newest {keep} are kept.',
    'ops.backupFailed': 'Backup failed: {detail}',
    'ops.status.data': 'Data {size} · staff {staff} · chats {chats} · figures {figures}',
    'ops.status.backup': 'Last backup {at} ({size}, {files} files)',
    'ops.status.noBackup': 'Last backup: none yet (made daily at BACKUP_CRON)',
  },
);

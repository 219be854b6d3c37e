import { defineMessages } from '../catalog.ts';

/** The watchdog's notes and other safety answers (issue 12). */
export const safetyMessages = defineMessages(
  {
    'watchdog.droppedSender':
      '抱歉，这条消息（{label}）在处理时两次使机器人停止响应，已被搁置，不再处理。管理员已收到通知。如需要，请换一种方式重新发送。',
    'watchdog.droppedAdmin':
      '⚠️ 看门狗：一项{kind}（{label}，来自用户 {user}，会话 {chat}）在两次连续的卡死或崩溃时都在处理中，已被搁置，不再处理。发送者已收到通知。详情见日志（{key}）。',
    'watchdog.kind.update': '消息',
    'watchdog.kind.other': '任务',
  },
  {
    'watchdog.droppedSender':
      'Sorry: handling this message ({label}) stopped the bot twice, so it has been set aside and will not be handled. The admins have been told. If needed, send it again in another way.',
    'watchdog.droppedAdmin':
      '⚠️ Watchdog: a {kind} ({label}, from user {user} in chat {chat}) was in hand at two consecutive stalls or crashes and has been set aside; it will not be handled. The sender has been told. Details in the log ({key}).',
    'watchdog.kind.update': 'message',
    'watchdog.kind.other': 'task',
  },
);

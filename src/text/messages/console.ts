import { defineMessages } from '../catalog.ts';

export const consoleMessages = defineMessages(
  {
    'console.intro':
      'courtwall 本地控制台（未设置 BOT_TOKEN，使用演示数据：{dataDir}）\n您是演示管理员，输入的每一行都是发给机器人的私聊消息。\n:group 文本 — 在演示群里发言；:group / :private — 切换当前聊天；:as staff|admin — 切换身份\n:1、:2 … — 按下按钮；:run {actions} — 立即运行；:help — 本说明；:quit — 退出',
    'console.bot': '机器人 › ',
    'console.inGroup': '[群 {title}] ',
    'console.noButton': '没有编号为 {n} 的按钮。',
    'console.unknownAction': '未知操作“{name}”。可用：{actions}',
    'console.private': '私聊',
    'console.group': '群',
    'console.photo': '图片',
    'console.document': '文件',
    'console.switched': '当前：{who} · {chat}',
  },
  {
    'console.intro':
      'courtwall local console (no BOT_TOKEN set; demo data in {dataDir})\nYou are the demo admin; every line you type is a private message to the bot.\n:group text — speak in the demo group; :group / :private — switch the current chat; :as staff|admin — switch who speaks\n:1, :2 … — press a button; :run {actions} — run now; :help — this text; :quit — leave',
    'console.bot': 'bot › ',
    'console.inGroup': '[group {title}] ',
    'console.noButton': 'There is no button {n}.',
    'console.unknownAction': 'Unknown action "{name}". Available: {actions}',
    'console.private': 'private',
    'console.group': 'group',
    'console.photo': 'photo',
    'console.document': 'document',
    'console.switched': 'Now: {who} · {chat}',
  },
);

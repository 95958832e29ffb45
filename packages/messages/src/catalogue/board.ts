/** Texts of the board screen; keys start with `board.`. */
export const boardRu = {
  'board.title': 'Табло очереди',
  'board.ticket': 'Талон',
  'board.desk': 'Окно',
  'board.calledNow': 'Приглашаются',
  'board.noCalls': 'Ожидайте вызова',
  'board.lastCalls': 'Последние вызовы',
  'board.waiting': 'В очереди',
  'board.waitingCount': '{count} чел.',
  'board.offline': 'нет связи',
  'board.offlineHint': 'Табло переподключается к серверу',
  'board.refused': 'Табло не подключено. {message}',
  'board.noToken': 'Табло не настроено: откройте /board#pair=…',
  'board.soundOn': 'Включить звук',
  'board.callAria': 'Талон {number}, окно {desk}',
  /** Read aloud: the number arrives already in words. */
  'board.spokenCall': 'Талон {number}, окно {desk}',
  'board.spokenRecall': 'Повторно: талон {number}, окно {desk}',
} as const;

export const boardEn: Record<keyof typeof boardRu, string> = {
  'board.title': 'Queue board',
  'board.ticket': 'Ticket',
  'board.desk': 'Desk',
  'board.calledNow': 'Now called',
  'board.noCalls': 'Please wait to be called',
  'board.lastCalls': 'Last calls',
  'board.waiting': 'Waiting',
  'board.waitingCount': '{count}',
  'board.offline': 'no connection',
  'board.offlineHint': 'The board is reconnecting to the server',
  'board.refused': 'The board is not connected. {message}',
  'board.noToken': 'The board is not set up: open /board#pair=…',
  'board.soundOn': 'Turn sound on',
  'board.callAria': 'Ticket {number}, desk {desk}',
  'board.spokenCall': 'Ticket {number}, desk {desk}',
  'board.spokenRecall': 'Again: ticket {number}, desk {desk}',
};

/**
 * Every piece of UI text Talon shows or says, Russian first. English must have every key
 * Russian has: the type makes a missing translation a build error.
 */
export const ru = {
  'app.name': 'Талон',
  'office.demoAlwaysOpen': 'Демо-офис открыт круглосуточно',
  'landing.title': 'Талон — электронная очередь',
  'landing.screens': 'Экраны офиса',
  'landing.kiosk': 'Киоск (терминал выдачи талонов)',
  'landing.operator': 'Рабочее место оператора',
  'landing.board': 'Табло в зале',
  'landing.dashboard': 'Монитор руководителя',
  'landing.admin': 'Администрирование',
  'landing.demoLogins': 'Демо-входы: операторы ivanova, petrov, sidorova, kuznetsov; руководитель head; администратор admin — пароль у всех «demo».',
  'landing.screensMissing': 'Экраны ещё не собраны: выполните npm run build.',
  'track.title': 'Ваш талон',
  'track.waiting': 'Ожидайте вызова',
  'track.peopleAhead': 'Перед вами: {count}',
  'track.estimate': 'Примерное ожидание: {minutes} мин',
  'track.called': 'Вас вызывают: окно {desk}',
  'track.serving': 'Вас обслуживают: окно {desk}',
  'track.finished': 'Обслуживание завершено. Спасибо!',
  'track.notFound': 'Талон не найден',
  'track.refresh': 'Страница обновляется сама',
} as const;

export type MessageKey = keyof typeof ru;

export const en: Record<MessageKey, string> = {
  'app.name': 'Talon',
  'office.demoAlwaysOpen': 'Demo office: open around the clock',
  'landing.title': 'Talon — electronic queue',
  'landing.screens': 'Office screens',
  'landing.kiosk': 'Kiosk (ticket terminal)',
  'landing.operator': 'Operator desk',
  'landing.board': 'Hall board',
  'landing.dashboard': "Office head's dashboard",
  'landing.admin': 'Administration',
  'landing.demoLogins': 'Demo logins: operators ivanova, petrov, sidorova, kuznetsov; office head "head"; administrator "admin" — password "demo" for all.',
  'landing.screensMissing': 'The screens are not built yet: run npm run build.',
  'track.title': 'Your ticket',
  'track.waiting': 'Please wait to be called',
  'track.peopleAhead': 'People ahead of you: {count}',
  'track.estimate': 'Estimated wait: {minutes} min',
  'track.called': 'You are called: desk {desk}',
  'track.serving': 'Being served: desk {desk}',
  'track.finished': 'Service finished. Thank you!',
  'track.notFound': 'Ticket not found',
  'track.refresh': 'This page refreshes itself',
};

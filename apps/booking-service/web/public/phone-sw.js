// The phone page's service worker: shows a nudge (ticket number and desk, never a name) that
// central sent by web push, and brings the ticket's page forward when it is tapped.
self.addEventListener('push', (event) => {
  let message = { title: 'Талон', body: '' };
  try {
    message = event.data ? event.data.json() : message;
  } catch {
    message = { title: 'Талон', body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, requireInteraction: true, vibrate: [400, 200, 400] }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((windows) => {
      const page = windows.find((w) => new URL(w.url).pathname.startsWith('/p/'));
      return page ? page.focus() : undefined;
    }),
  );
});

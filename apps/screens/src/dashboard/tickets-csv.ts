/**
 * The export needs the head's session in a header, which a plain link cannot send: the file is
 * fetched, then handed to the browser as a download.
 */
export async function downloadTicketsCsv(
  session: string,
  day?: string,
): Promise<{ ok: true; fileName: string } | { ok: false; code: string; message: string }> {
  let response: Response;
  try {
    const query = day ? `?day=${encodeURIComponent(day)}` : '';
    response = await fetch(`/api/reports/tickets.csv${query}`, { headers: { authorization: `Bearer ${session}` } });
  } catch {
    return { ok: false, code: 'no-answer', message: 'the office server did not answer' };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    return { ok: false, code: body?.code ?? 'internal', message: body?.message ?? `HTTP ${response.status}` };
  }
  const fileName = fileNameOf(response.headers.get('content-disposition')) ?? 'tickets.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next tick; the memory is given back after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, fileName };
}

export function fileNameOf(disposition: string | null): string | null {
  return disposition ? (/filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null) : null;
}

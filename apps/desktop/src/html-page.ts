/** Text into HTML, for the pages the shell writes itself. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A page the shell writes itself, as a data: URL: nothing on disk to go missing, and a CSP
 * that lets it load nothing from anywhere.
 */
export function dataPageUrl(page: { language: string; title: string; style: string; body: string; script?: string }): string {
  const scriptSource = page.script === undefined ? '' : " script-src 'unsafe-inline';";
  const html = `<!doctype html>
<html lang="${escapeHtml(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';${scriptSource}">
<meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=no">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>
<body>
${page.body}
${page.script === undefined ? '' : `<script>${page.script}</script>`}
</body>
</html>
`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

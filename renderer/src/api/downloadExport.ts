/**
 * The browser harness's way to hand over an export (a page cannot start the desktop's programs): a
 * download from the harness's export address, with the per-run token from the page address.
 */
export function downloadExport(relativePath: string): void {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const link = document.createElement('a');
  link.href = `/exports/${relativePath.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(token)}`;
  link.download = relativePath.split('/').at(-1) ?? 'export';
  document.body.append(link);
  link.click();
  link.remove();
}

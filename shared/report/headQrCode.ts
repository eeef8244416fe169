import qrcode from 'qrcode-generator';

/**
 * A QR code as an inline SVG (no script, no external resource), for the report's sign-off block: a
 * phone or a desk scanner reads the signed head back from the paper copy.
 */
export function qrCodeSvg(text: string, label: string): string {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const quiet = 4;
  const cells: string[] = [];
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++) {
      if (!code.isDark(row, column)) continue;
      // One rectangle per horizontal run of dark modules.
      let run = 1;
      while (column + run < size && code.isDark(row, column + run)) run++;
      cells.push(`M${column + quiet} ${row + quiet}h${run}v1h-${run}z`);
      column += run - 1;
    }
  const side = size + 2 * quiet;
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${label}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${cells.join('')}" fill="#000"/></svg>`;
}

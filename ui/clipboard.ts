/**
 * Clipboard writes. Rich text goes as a `ClipboardItem` with text/html (built by `renderHtml`,
 * every value escaped) and text/plain; where `ClipboardItem` is missing, plain text only.
 */
export async function copyRich(html: string, plain: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([plain], { type: 'text/plain' }),
        }),
      ]);
      return true;
    }
    return copyPlain(plain);
  } catch {
    return false;
  }
}

export async function copyPlain(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

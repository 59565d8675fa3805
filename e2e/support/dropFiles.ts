import type { Page } from '@playwright/test';

/** Drops files (name → content) on the library the way a browser does: a drop event carrying a DataTransfer built in the page. */
export async function dropFiles(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate((entries) => {
    const data = new DataTransfer();
    for (const [name, content] of entries) data.items.add(new File([content], name));
    const library = document.querySelector('.library')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      library.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, Object.entries(files));
}

import { expect, type Page } from '@playwright/test';

/** Goes to a screen from the header, through "More" when the header has folded it there. */
export async function openScreen(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await expect(nav.getByRole('button', { name: 'Library' })).toBeVisible();
  const direct = nav.getByRole('button', { name, exact: true });
  if (await direct.isVisible()) return direct.click();
  await nav.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('menu', { name: 'More screens' }).getByRole('menuitem', { name, exact: true }).click();
}

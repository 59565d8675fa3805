/**
 * One readable line from a zod error: every issue with the path it concerns,
 * e.g. `start: Too small: expected number to be >=0; tagId: Required`.
 */
import type { z } from 'zod';

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((part) => String(part)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

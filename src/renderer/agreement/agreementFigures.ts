/**
 * How the agreement screen writes its figures: coefficients to three
 * decimals without a leading zero (".812", "−.104", as methods sections
 * print them), percentages to one decimal, and each reading in words.
 * An undefined figure (null) is an en dash.
 */
import type { Output } from '../../shared/contract/contract';

export type AgreementReport = Output<'computeAgreement'>;
export type Reading = AgreementReport['overall']['reading']['alpha'];

export function coefficient(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '–';
  const text = Math.abs(value).toFixed(3).replace(/^0(?=\.)/, '');
  return value < 0 && text !== '.000' ? `−${text}` : text;
}

export function percent(value: number | null): string {
  return value === null || Number.isNaN(value) ? '–' : `${value.toFixed(1)} %`;
}

export const READING_TEXT: Record<Reading, string> = {
  reliable: 'reliable',
  tentative: 'tentative conclusions only',
  unreliable: 'unreliable',
  undefined: 'not defined',
};

/** triangulate-agreement-YYYY-MM-DD.csv / .json */
export function agreementFileName(stamp: string, extension: 'csv' | 'json'): string {
  return `triangulate-agreement-${stamp}.${extension}`;
}

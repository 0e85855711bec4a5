import { parseQuantity } from '@ultron/platform';

/** CPU and memory in base units (cores, bytes). */
export interface Amount {
  cpu: number;
  memory: number;
}

export const ZERO: Amount = { cpu: 0, memory: 0 };

export const add = (a: Amount, b: Amount): Amount => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory });
export const times = (a: Amount, n: number): Amount => ({ cpu: a.cpu * n, memory: a.memory * n });
export const max = (a: Amount, b: Amount): Amount => ({
  cpu: Math.max(a.cpu, b.cpu),
  memory: Math.max(a.memory, b.memory),
});

/** A quantity from rendered YAML, where small numbers may have been written as numbers. 0 when absent. */
export function quantity(value: unknown): number {
  if (value === undefined || value === null) return 0;
  const n = parseQuantity(String(value));
  return Number.isNaN(n) ? 0 : n;
}

export function amountOf(values: Record<string, unknown> | undefined): Amount {
  return { cpu: quantity(values?.cpu), memory: quantity(values?.memory) };
}

/** `250m`, `1.5`, rounded to what `kubectl describe node` shows. */
export function formatCpu(cores: number): string {
  if (cores === 0) return '0';
  if (cores < 1) return `${Math.round(cores * 1000)}m`;
  return `${Number(cores.toFixed(2))}`;
}

/** `256Mi`, `1.5Gi`. */
export function formatMemory(bytes: number): string {
  const mi = bytes / 1024 ** 2;
  if (mi === 0) return '0';
  if (mi < 1024) return `${Number(mi.toFixed(0))}Mi`;
  return `${Number((mi / 1024).toFixed(2))}Gi`;
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

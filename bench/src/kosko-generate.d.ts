// @kosko/generate 1.2.1 ships types its package.json "exports" hides from TypeScript's node16/nodenext
// resolution: the part of its API the bench calls, as its own index.node.d.ts declares it.
declare module '@kosko/generate' {
  export interface Manifest {
    path: string;
    index: number[];
    data: unknown;
  }
  export interface Result {
    manifests: Manifest[];
  }
  export function generate(options: {
    path: string;
    components: readonly string[];
    extensions?: readonly string[];
    validate?: boolean;
  }): Promise<Result>;
  export enum PrintFormat {
    YAML = 'yaml',
    JSON = 'json',
  }
  export function print(
    result: Result,
    options: { format: PrintFormat; writer: { write(data: string): void } },
  ): void;
}

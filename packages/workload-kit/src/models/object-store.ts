import type { Manifest } from '@ultron/platform/core';

/**
 * The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1). No models package exists for it; these
 * are the fields the kit sets, checked strictly against the plugin's CRD in the conformance tests.
 */
export interface ObjectStore extends Manifest {
  apiVersion: 'barmancloud.cnpg.io/v1';
  kind: 'ObjectStore';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: {
    retentionPolicy: string;
    configuration: {
      destinationPath: string;
      endpointURL: string;
      s3Credentials: {
        accessKeyId: { name: string; key: string };
        secretAccessKey: { name: string; key: string };
      };
      wal: { compression: 'gzip' };
      data: { compression: 'gzip' };
    };
    instanceSidecarConfiguration: { env: { name: string; value: string }[] };
  };
}

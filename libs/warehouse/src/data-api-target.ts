import type { WarehouseTarget } from '@redwire/config';

/** The connection fields every Data API call that names a target carries. */
export interface DataApiTarget {
  ClusterIdentifier?: string;
  WorkgroupName?: string;
  Database: string;
  DbUser?: string;
  SecretArn?: string;
}

export function toDataApiTarget(target: WarehouseTarget): DataApiTarget {
  const where = target.kind === 'cluster' ? { ClusterIdentifier: target.clusterIdentifier } : { WorkgroupName: target.workgroupName };
  const who =
    target.credentials.kind === 'db-user'
      ? { DbUser: target.credentials.dbUser }
      : target.credentials.kind === 'secret'
        ? { SecretArn: target.credentials.secretArn }
        : {};
  return { ...where, Database: target.database, ...who };
}

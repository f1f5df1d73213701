import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { AssetType, Fn, TerraformAsset, type TerraformVariable } from 'cdktf';
import { policyDocument, trustPolicy } from '../shared/policy.js';
import { fileResourceIds } from '../shared/file-resource-id.js';
import { privateBucket } from '../shared/private-bucket.js';
import type { RedwireStack } from '../shared/redwire-stack.js';

export const CATALOG_KEY = 'catalog/catalog.json';
export const SAMPLE_DATA_PREFIX = 'sample-data/';

export interface CatalogBucket {
  readonly bucket: S3Bucket;
  readonly catalogUrl: string;
  readonly sampleDataUrl: string;
  /** Role Redshift assumes to COPY the sample data (attach it to the cluster or namespace). */
  readonly copyRole: IamRole;
}

/** The catalog bucket with the validated catalog bundle, optional sample Parquet, and the COPY role. */
export function catalogBucket(stack: RedwireStack, forceDestroy: TerraformVariable): CatalogBucket {
  const bucket = privateBucket(stack, 'catalog_bucket', `${stack.name('catalog')}-`, forceDestroy);
  const catalog = new TerraformAsset(stack, 'catalog_bundle', { path: stack.options.catalogFile, type: AssetType.FILE });
  new S3Object(stack, 'catalog_object', {
    bucket: bucket.id,
    key: CATALOG_KEY,
    source: catalog.path,
    sourceHash: Fn.filemd5(catalog.path),
    contentType: 'application/json',
  });

  const sampleDir = stack.options.sampleDataDir;
  if (sampleDir !== undefined) {
    const data = new TerraformAsset(stack, 'sample_data', { path: sampleDir, type: AssetType.DIRECTORY });
    const files = parquetFiles(sampleDir).map((file) => relative(sampleDir, file).split('\\').join('/'));
    for (const [rel, id] of fileResourceIds('sample_data', files)) {
      new S3Object(stack, id, {
        bucket: bucket.id,
        key: `${SAMPLE_DATA_PREFIX}${rel}`,
        source: `${data.path}/${rel}`,
        sourceHash: Fn.filemd5(`${data.path}/${rel}`),
        contentType: 'application/vnd.apache.parquet',
      });
    }
  }

  const copyRole = new IamRole(stack, 'sample_data_copy_role', {
    name: stack.name('sample-data-copy'),
    description: 'Assumed by Redshift to COPY the Redwire sample data from S3',
    assumeRolePolicy: trustPolicy('redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'),
  });
  new IamRolePolicy(stack, 'sample_data_copy_policy', {
    name: 'read-sample-data',
    role: copyRole.id,
    policy: policyDocument([
      { Sid: 'ReadSampleData', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${bucket.arn}/${SAMPLE_DATA_PREFIX}*`] },
      {
        Sid: 'ListSampleData',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: [bucket.arn],
        Condition: { StringLike: { 's3:prefix': [`${SAMPLE_DATA_PREFIX}*`] } },
      },
      { Sid: 'LocateBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: [bucket.arn] },
    ]),
  });

  return {
    bucket,
    catalogUrl: `s3://${bucket.bucket}/${CATALOG_KEY}`,
    sampleDataUrl: `s3://${bucket.bucket}/${SAMPLE_DATA_PREFIX}`,
    copyRole,
  };
}

/** Every .parquet file under a folder, sorted so the synthesized JSON does not depend on the filesystem. */
export function parquetFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.parquet')) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

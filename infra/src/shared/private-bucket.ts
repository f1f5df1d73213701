import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';

/** A private bucket: public access blocked, owner-enforced objects, SSE-S3 encryption, versioning. */
export function privateBucket(scope: Construct, id: string, bucketPrefix: string, forceDestroy: TerraformVariable): S3Bucket {
  const bucket = new S3Bucket(scope, id, { bucketPrefix, forceDestroy: forceDestroy.booleanValue });
  new S3BucketPublicAccessBlock(scope, `${id}_public_access`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, `${id}_ownership`, { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}_encryption`, {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
  });
  new S3BucketVersioningA(scope, `${id}_versioning`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  return bucket;
}

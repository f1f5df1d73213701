import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { AssetType, Fn, TerraformAsset, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import type { SynthOptions } from '../options.js';
import { policyDocument } from '../shared/policy.js';
import { fileResourceIds } from '../shared/file-resource-id.js';
import { privateBucket } from '../shared/private-bucket.js';
import { RedwireStack } from '../shared/redwire-stack.js';
import type { BackendStack } from './backend.stack.js';
import type { IdentityStack } from './identity.stack.js';

/** AWS's managed "CachingOptimized" cache policy. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
export const CONFIG_KEY = 'config.json';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  webp: 'image/webp',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
};

/**
 * Static hosting of apps/web: a private S3 bucket behind CloudFront with origin access control.
 * Chosen over Amplify Hosting because it is plain Terraform (no Git connection or Amplify build),
 * deploys the bundle Nx already built, and keeps the bucket private.
 */
export class WebStack extends RedwireStack {
  constructor(scope: Construct, options: SynthOptions, identity: IdentityStack, backend: BackendStack) {
    super(scope, 'web', options);
    const forceDestroy = new TerraformVariable(this, 'force_destroy_buckets', {
      type: 'bool',
      default: false,
      description: 'Let `destroy` delete the site bucket with its object versions.',
    });
    const bucket = privateBucket(this, 'site_bucket', `${this.name('web')}-`, forceDestroy);
    const oac = new CloudfrontOriginAccessControl(this, 'site_oac', {
      name: this.name('web'),
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });
    const distribution = new CloudfrontDistribution(this, 'site_distribution', {
      enabled: true,
      comment: 'Redwire web',
      defaultRootObject: 'index.html',
      priceClass: 'PriceClass_100',
      httpVersion: 'http2and3',
      origin: [{ originId: 'site', domainName: bucket.bucketRegionalDomainName, originAccessControlId: oac.id }],
      defaultCacheBehavior: {
        targetOriginId: 'site',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        cachePolicyId: CACHING_OPTIMIZED,
        compress: true,
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
    });
    new S3BucketPolicy(this, 'site_bucket_policy', {
      bucket: bucket.id,
      policy: policyDocument([
        {
          Sid: 'CloudFrontReadsSite',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: ['s3:GetObject'],
          Resource: [`${bucket.arn}/*`],
          Condition: { StringEquals: { 'AWS:SourceArn': distribution.arn } },
        },
      ]),
    });

    const site = new TerraformAsset(this, 'site_files', { path: options.webDir, type: AssetType.DIRECTORY });
    const files = siteFiles(options.webDir).filter((file) => file !== CONFIG_KEY);
    for (const [file, id] of fileResourceIds('site_file', files)) {
      new S3Object(this, id, {
        bucket: bucket.id,
        key: file,
        source: `${site.path}/${file}`,
        sourceHash: Fn.filemd5(`${site.path}/${file}`),
        contentType: contentTypeOf(file),
        cacheControl: file.endsWith('.html') ? 'no-cache' : 'public, max-age=300',
      });
    }
    new S3Object(this, 'site_config', {
      bucket: bucket.id,
      key: CONFIG_KEY,
      contentType: 'application/json',
      cacheControl: 'no-cache',
      // The keys <redwire-session config-url> reads (libs/web-components session-config.ts).
      content: JSON.stringify(
        {
          websocket: backend.websocketUrl,
          rest: backend.httpUrl,
          userPoolId: identity.userPoolId,
          userPoolClientId: identity.userPoolClientId,
          region: identity.region,
          authFlow: 'USER_SRP_AUTH',
        },
        null,
        2,
      ),
    });

    this.output('site_url', `https://${distribution.domainName}`);
    this.output('site_bucket', bucket.bucket);
    this.output('distribution_id', distribution.id);
  }
}

/** Files of the built site as POSIX paths relative to its root, sorted for a deterministic synth. */
export function siteFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return files.sort();
}

export function contentTypeOf(file: string): string {
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import * as path from 'node:path';

/** Resolved from this file so it works from the TypeScript sources and from dist/ alike. */
export const WORKFLOWS_PATH = require.resolve(path.join(__dirname, '../../workflows'));

/** The in-sandbox interceptor that checks each decision's signed actor (workflows/actor-verification.ts). */
export const ACTOR_VERIFICATION_MODULE = require.resolve(path.join(__dirname, '../../workflows/actor-verification'));

/** The in-sandbox interceptor that carries a decision's HTTP request id into its logs and activities (workflows/request-id.ts). */
export const REQUEST_ID_MODULE = require.resolve(path.join(__dirname, '../../workflows/request-id'));

/**
 * How every worker of CreatorOps's workflows loads them: the workflows, the actor check around
 * every update validator, the request id of each decision, and the signing key compiled into the bundle (docs/access.md#temporal).
 * The key reaches the sandbox as a constant of the code, not as input, so no history holds it.
 */
export function creatorOpsWorkflowOptions(actorSigningKey: string): Pick<WorkerOptions, 'workflowsPath' | 'interceptors' | 'bundlerOptions'> {
  const { workflowsPath, workflowInterceptorModules, webpackConfigHook } = creatorOpsBundleOptions(actorSigningKey);
  return { workflowsPath, interceptors: { workflowModules: workflowInterceptorModules }, bundlerOptions: { webpackConfigHook } };
}

/** The same bundle as a `bundleWorkflowCode` call makes it (apps/worker/workflow-bundle.ts). */
export function creatorOpsBundleOptions(actorSigningKey: string): Required<Pick<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules' | 'webpackConfigHook'>> {
  return {
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: [ACTOR_VERIFICATION_MODULE, REQUEST_ID_MODULE],
    webpackConfigHook: (config) => {
      // The worker's own webpack (resolved at run time, not a dependency of ours), so the plugin
      // matches the compiler it bundles with.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const webpack = require(require.resolve('webpack', { paths: [require.resolve('@temporalio/worker')] })) as typeof import('webpack');
      const define = new webpack.DefinePlugin({ __CREATOROPS_ACTOR_SIGNING_KEY__: JSON.stringify(actorSigningKey) });
      return { ...config, plugins: [...(config.plugins ?? []), define] };
    },
  };
}

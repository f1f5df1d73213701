// The one place the bench imports the local cloud. Nx flags any import of an `application` project,
// but tools may start the local cloud and load handlers (eslint.config.mjs, DESIGN.md).
// eslint-disable-next-line @nx/enforce-module-boundaries
export { ephemeralPorts, importHandlerLoader, startLocalCloud, WORKSPACE_ROOT, type HandlerLoader, type LocalCloud } from '@redwire/local-cloud';

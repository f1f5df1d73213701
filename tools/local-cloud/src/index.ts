/** The local cloud: AWS stand-ins on 127.0.0.1 wired from libs/system (`npm start`, tests, benchmarks). */
export * from './ports.js';
export { startLocalCloud, WORKSPACE_ROOT, type LocalCloud, type LocalCloudOptions } from './local-cloud.js';
export type { Endpoints } from './local-cloud.environment.js';
export type { Topology, LocalFunction } from './runtime/topology.js';
export { systemTopology } from './runtime/topology.js';
export type { Handler, HandlerLoader, LambdaContext } from './runtime/lambda-runtime.js';
export { importHandlerLoader } from './runtime/lambda-runtime.js';
export type { BusEvent, EventInput, DeadLetter, DeliveryPolicy } from './eventbridge/event-bus.js';
export type { WebSocketLimits } from './apigateway/websocket-api.js';
export { AWS_WEBSOCKET_LIMITS } from './apigateway/websocket-api.js';
export type { DevMail } from './cognito/dev-mailbox.js';
export { PortInUseError } from './http/listen.js';
export { startRedshiftDataServer } from './warehouse/index.js';
export type { RedshiftDataServer, RedshiftDataServerOptions, StatusChangeEvent } from './warehouse/index.js';

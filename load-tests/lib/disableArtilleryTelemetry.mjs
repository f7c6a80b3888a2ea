/**
 * Preloaded into the Artillery process by load-tests/run.ts (`node --import`): Artillery 2.0.x
 * sends a usage event to PostHog (app.posthog.com) after every `artillery run`, and still sends an
 * anonymous "ping" when ARTILLERY_DISABLE_TELEMETRY is set, so the variable alone does not keep a
 * load test from reaching out of this machine. Every `require('posthog-node')` gets a client that
 * does nothing instead.
 */
import Module from 'node:module';

class SilentPostHog {
  capture() {}
  async shutdownAsync() {}
  async shutdown() {}
}

const load = Module._load;
Module._load = function loadWithoutPostHog(request, ...rest) {
  return request === 'posthog-node' ? { PostHog: SilentPostHog } : load.call(this, request, ...rest);
};

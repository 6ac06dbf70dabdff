/**
 * Mock APNs and the harness's app server: Pushy's {@code MockApnsServer} on loopback over real TLS with token
 * authentication and a dynamic device-token registry, and an {@code ApnsClient} that sends VoIP pushes to it.
 *
 * <p>Entry point: {@link dev.callflow.push.PushInfrastructure#start()}. This package knows nothing of timelines or
 * scenarios; callers observe pushes through {@link dev.callflow.push.PushSink}s and inject faults with
 * {@link dev.callflow.push.RejectionPolicy} lambdas.
 */
package dev.callflow.push;

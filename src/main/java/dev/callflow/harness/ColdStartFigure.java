package dev.callflow.harness;

/**
 * One push-wake scenario's cold start, in virtual time (the seed document's third risk): from APNs accepting the push
 * that launched the killed app to the app reporting its call, and how much of that the process launch took.
 */
public record ColdStartFigure(String scenario, long pushToReportMicros, long launchMicros) {
}

@flow-remote-hangup
Feature: Remote hang-up
  When the other party ends the call, the app reports it with reportCall(endedAt:reason:) — never with a local end
  transaction — so the system dismisses its UI, then releases media (R-END-1). Whether media stops at once or in
  didDeactivateAudioSession is the app's choice (R-AUD-3).

  Background:
    Given the app is running in the foreground

  @R-END-1
  Scenario: The remote party hangs up a connected incoming call
    Given call A from "alice" is connected
    When the remote party hangs up call A
    Then the timeline shows in order:
      | source     | event                     | call | attributes         |
      | signalling | serverEvent               | A    | type=remoteHangup  |
      | app        | reportCallEnded           | A    | reason=remoteEnded |
      | system     | callEnded                 | A    |                    |
      | system     | didDeactivateAudioSession | A    |                    |
    And the timeline shows in order:
      | source | event                      | call |
      | app    | reportCallEnded            | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no performEndCallAction for call A
    And there is no requestTransaction for call A

  @R-END-1 @R-OUT-1
  Scenario: The callee hangs up a connected outgoing call
    When the user calls "bob" from the app as call B
    And the callee answers call B
    And the audio of call B runs
    And the remote party hangs up call B
    Then the timeline shows in order:
      | source     | event                       | call | attributes         |
      | app        | reportOutgoingCallConnected | B    |                    |
      | signalling | serverEvent                 | B    | type=remoteHangup  |
      | app        | reportCallEnded             | B    | reason=remoteEnded |
      | system     | didDeactivateAudioSession   | B    |                    |
    And the timeline shows in order:
      | source | event                      | call |
      | app    | reportCallEnded            | B    |
      | sdk    | releaseAudio\|unprepareSDK | B    |
    And there is no performEndCallAction for call B

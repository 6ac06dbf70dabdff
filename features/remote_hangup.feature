@flow-remote-hangup
Feature: Remote hang-up
  When the other party ends the call, the app ends it in CallKit, so the system dismisses its UI, and releases media.
  CALLKIT-RULES.md R-END-1: report it with reportCall(endedAt:reason:) and a fitting reason; a local end transaction
  instead is common and only warned about (it records a local end), so these scenarios accept either and the rule
  judges which. Whether media stops at once or in didDeactivateAudioSession is the app's choice (R-AUD-3).

  Background:
    Given the app is running in the foreground

  @R-END-1
  Scenario: The remote party hangs up a connected incoming call
    Given call A from "alice" is connected
    When the remote party hangs up call A
    Then the timeline shows in order:
      | source     | event                     | call | attributes        |
      | signalling | serverEvent               | A    | type=remoteHangup |
      | system     | callEnded                 | A    |                   |
      | system     | didDeactivateAudioSession | A    |                   |
    And the media SDK holds nothing of call A
    And no call is left in the system

  @R-END-1 @R-OUT-1
  Scenario: The callee hangs up a connected outgoing call
    When the user calls "bob" from the app as call B
    And the callee answers call B
    And the audio of call B runs
    And the remote party hangs up call B
    Then the timeline shows in order:
      | source     | event                       | call | attributes        |
      | app        | reportOutgoingCallConnected | B    |                   |
      | signalling | serverEvent                 | B    | type=remoteHangup |
      | system     | callEnded                   | B    |                   |
      | system     | didDeactivateAudioSession   | B    |                   |
    And the media SDK holds nothing of call B
    And no call is left in the system

@flow-activation-missing @family-2
Feature: didActivate never comes, and an answer before the signalling connection is ready
  DTS: treat didActivate as possibly never arriving and fail the call cleanly (R-AUD-6). The app arms its own
  deadline once the answer or start is fulfilled; when it passes without didActivate it ends the call (with
  reportCall(endedAt:reason:) or an end transaction, R-AUD-6 accepts either), tells its server and releases media,
  and never starts audio without an activation (R-AUD-2). A user who answers a push-woken call before the app has
  logged in gets the answer fulfilled only after the server accepted it, and neither fails nor times out (R-TX-1).
  Durations are real iOS time, on the phone's virtual clock.

  @R-AUD-6 @R-AUD-2
  Scenario: The system never activates the session after an answer: the app ends the call
    Given the app is running in the foreground
    And the system never activates the audio session
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                | call | attributes    |
      | app    | fulfill              | A    | action=answer |
      | system | callEnded            | A    |               |
    And the timeline shows in order:
      | source     | event                | call | attributes |
      | signalling | hangUp               | A    | status=200 |
    And the timeline shows in order:
      | source | event                      | call |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no didActivateAudioSession at all
    And there is no startAudio at all
    And rule R-AUD-6 holds

  @R-AUD-6 @R-AUD-2 @R-OUT-1
  Scenario: The system never activates the session after a start: the app ends the outgoing call
    Given the app is running in the foreground
    And the system never activates the audio session
    When the user calls "bob" from the app as call A
    Then the timeline shows in order:
      | order | source | event                               | call | attributes   |
      | 1     | app    | fulfill                             | A    | action=start |
      | 2     | app    | reportOutgoingCallStartedConnecting | A    |              |
      | 3     | system | callEnded                           | A    |              |
    And the timeline shows in order:
      | source | event                      | call |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no didActivateAudioSession at all
    And there is no startAudio at all
    And rule R-AUD-6 holds

  @R-TX-1 @R-PUSH-6 @R-AUD-2
  Scenario Outline: The user answers a push-woken call <where> before login completes: fulfilled only after accept, never timed out
    Given the app has been killed
    And <screen>
    And the signalling server delays login by 8000 ms
    When the app server sends a VoIP push for call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source     | event                   | call | attributes          |
      | system     | appLaunched             |      | reason=voipPush     |
      | app        | reportNewIncomingCall   | A    |                     |
      | user       | userTappedAnswer        | A    | lockScreen=<locked> |
      | system     | performAnswerCallAction | A    |                     |
      | signalling | accept                  | A    | status=200          |
      | app        | fulfill                 | A    | action=answer       |
      | system     | didActivateAudioSession | A    |                     |
      | sdk        | startAudio              | A    | result=ok           |
    And there is no timedOutPerformingAction at all
    And there is no fail at all

    Examples:
      | where              | screen                     | locked |
      | on the lock screen | the phone is locked        | true   |
      | unlocked           | the user unlocks the phone | false  |

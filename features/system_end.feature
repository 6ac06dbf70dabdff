@family-11 @flow-system-end
Feature: The system ends a call on its own
  The system can end a call with no request from the app: the ring timeout (about 60 s since iOS 16, R-INC-5), the
  side button or a headset (R-INC-6). The app gets performEndCallAction, completes it exactly once, releases whatever
  media it prepared only after it (R-END-2, R-TX-6), and asks for no end transaction of its own.

  # The system ends the call after its ring timeout (performEndCallAction origin=ringTimeout, which the app fulfils),
  # unless the app gives up first with reportCallEnded reason=unanswered: R-INC-5 allows either, and judges both.
  @R-INC-5 @R-TX-6 @R-END-2
  Scenario Outline: A call that rings unanswered ends unanswered, by the system's ring timeout or the app's own (<arrival>)
    Given <app>
    When <arrival>
    And call A rings unanswered past the ring timeout
    Then the timeline shows in order:
      | source | event               | call |
      | system | incomingCallUiShown | A    |
      | system | callEnded           | A    |
    And there is no performAnswerCallAction for call A
    And there is no requestTransaction for call A
    And the media SDK holds nothing of call A
    And rule R-INC-5 holds

    Examples:
      | app                                  | arrival                                                  |
      | the app is running in the foreground | the server offers call A from "alice"                    |
      | the app has been killed              | the app server sends a VoIP push for call A from "alice" |

  @R-INC-6 @R-END-2
  Scenario Outline: The <button> ends a connected call (<screen>) with no request from the app
    Given the app is running in the foreground
    And <screen step>
    And call A from "alice" is connected
    When the user presses the <button>
    Then the timeline shows in order:
      | source | event                     | call | attributes      |
      | user   | <gesture>                 | A    |                 |
      | system | performEndCallAction      | A    | origin=<origin> |
      | app    | fulfill                   | A    | action=end      |
      | system | didDeactivateAudioSession | A    |                 |
    And the timeline shows in order:
      | source     | event                | call | attributes |
      | system     | performEndCallAction | A    |            |
      | signalling | hangUp               | A    | status=200 |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no requestTransaction after <gesture>
    And there is no releaseAudio before performEndCallAction for call A

    Examples:
      | button         | gesture                  | origin     | screen   | screen step                |
      | side button    | userPressedSideButton    | sideButton | unlocked | the user unlocks the phone |
      | headset button | userPressedHeadsetButton | headset    | unlocked | the user unlocks the phone |
      | headset button | userPressedHeadsetButton | headset    | locked   | the phone is locked        |

  @R-INC-6 @R-AUD-2
  Scenario Outline: The headset button answers a ringing call (<screen>) and media starts only after activation
    Given the app is running in the foreground
    And <screen step>
    And call A from "alice" is ringing
    When the user presses the headset button
    Then the timeline shows in order:
      | source     | event                    | call | attributes     |
      | user       | userPressedHeadsetButton | A    | effect=answer  |
      | system     | performAnswerCallAction  | A    | origin=headset |
      | signalling | accept                   | A    | status=200     |
      | app        | fulfill                  | A    | action=answer  |
      | system     | didActivateAudioSession  | A    |                |
      | sdk        | startAudio               | A    | result=ok      |

    Examples:
      | screen   | screen step                |
      | unlocked | the user unlocks the phone |
      | locked   | the phone is locked        |

  @R-TX-6 @R-END-3
  Scenario: The system ends a call left over from an earlier launch, which the app does not know: it still completes the end action
    Given the app is running in the foreground
    And the system still has call A from an earlier launch of the app
    When the user ends call A on the system call UI
    Then the timeline shows in order:
      | source | event                | call | attributes |
      | system | performEndCallAction | A    |            |
      | system | callEnded            | A    |            |
    And rule R-TX-6 holds

@flow-push-wake
Feature: Wake the app with a VoIP push
  The app server sends a VoIP push through the mock APNs (TLS, HTTP/2, token auth, topic <bundle>.voip). PushKit
  launches or wakes the app, which must report the call to CallKit before its push handler returns (R-PUSH-1). When the
  app calls the PushKit completion is its choice; R-PUSH-3 warns when it runs before the report's completion.

  @R-PUSH-1 @R-PUSH-6 @R-PUSH-7
  Scenario: A killed app is cold-launched by a VoIP push and reports the call before returning
    Given the app has been killed
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | order | source | event                           | call | attributes                                    |
      | 1     | push   | pushSent                        | A    | pushType=voip                                 |
      | 2     | push   | pushAccepted                    | A    | topic=com.example.callapp.voip, pushType=voip |
      | 3     | system | appLaunched                     |      | reason=voipPush, state=background             |
      | 4     | system | didReceiveIncomingPush          | A    |                                               |
      | 5     | app    | reportNewIncomingCall           | A    | handle=alice                                  |
      | 6     | system | incomingCallUiShown             | A    |                                               |
      | 6     | system | reportNewIncomingCallCompletion | A    |                                               |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush | A    |
      | app    | pushCompletion         | A    |
    And the timeline shows in order:
      | source     | event       | call | attributes |
      | system     | appLaunched |      |            |
      | signalling | login       |      | status=200 |
    And there is no pushNotReported at all
    And there is no appTerminated after didReceiveIncomingPush
    And the app reports call A within 1000 ms of its push

  @R-PUSH-1 @R-AUD-2
  Scenario: A killed app woken by a push lets the user answer on the lock screen
    Given the app has been killed
    And the phone is locked
    When the app server sends a VoIP push for call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source     | event                   | call | attributes      |
      | system     | didReceiveIncomingPush  | A    |                 |
      | app        | reportNewIncomingCall   | A    |                 |
      | user       | userTappedAnswer        | A    | lockScreen=true |
      | system     | performAnswerCallAction | A    |                 |
      | signalling | accept                  | A    | status=200      |
      | app        | fulfill                 | A    | action=answer   |
      | system     | didActivateAudioSession | A    |                 |
      | sdk        | startAudio              | A    | result=ok       |

  @R-PUSH-1
  Scenario: A suspended app in the background is woken by a VoIP push
    Given the app is running in the background
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source | event                  | call | attributes |
      | push   | pushAccepted           | A    |            |
      | system | appWokenForPush        | A    |            |
      | system | didReceiveIncomingPush | A    |            |
      | app    | reportNewIncomingCall  | A    |            |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush | A    |
      | app    | pushCompletion         | A    |
    And there is no appLaunched for call A
    And call A is ringing on the system call UI

  @R-PUSH-1 @R-END-1
  Scenario: An app the user force-quit is still launched by a VoIP push (iOS 13+), and leaves no call once the caller cancels
    Given the app is running in the foreground
    When the user force-quits the app
    And the app server sends a VoIP push for call A from "alice"
    And the push for call A reaches the phone
    Then the timeline shows in order:
      | source | event                  | call | attributes                        |
      | system | appTerminated          |      | reason=userForceQuit              |
      | system | appLaunched            |      | reason=voipPush, state=background |
      | system | didReceiveIncomingPush | A    |                                   |
      | app    | reportNewIncomingCall  | A    | handle=alice                      |
    When the caller cancels call A
    Then no call is left in the system

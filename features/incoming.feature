@flow-incoming
Feature: Incoming call
  An offer from the signalling server is reported to CallKit at once; the system shows its incoming-call UI, and the
  app prepares nothing for the call before the system accepted the report (R-INC-1). Whether the media SDK is prepared
  when the report succeeds or only when the user answers is the app's choice.

  Background:
    Given the app is running in the foreground

  @R-INC-1
  Scenario: The server offers a call while the app is in the foreground
    When the server offers call A from "alice"
    Then the timeline shows in order:
      | order | source     | event                           | call | attributes             |
      | 1     | signalling | serverEvent                     | A    | type=offer             |
      | 2     | app        | reportNewIncomingCall           | A    | handle=alice           |
      | 3     | system     | incomingCallUiShown             | A    | options=answer,decline |
      | 3     | system     | reportNewIncomingCallCompletion | A    |                        |
    And call A is ringing on the system call UI
    And there is no prepareSDK before reportNewIncomingCallCompletion for call A
    And there is no didActivateAudioSession for call A

  @R-TX-6
  Scenario: The user declines on the system call UI
    When the server offers call A from "alice"
    And the user declines call A on the system call UI
    Then the timeline shows in order:
      | source | event                | call | attributes |
      | user   | userTappedDecline    | A    |            |
      | system | performEndCallAction | A    |            |
      | app    | fulfill              | A    | action=end |
      | system | callEnded            | A    |            |
    And the timeline shows in order:
      | source     | event                | call | attributes |
      | system     | performEndCallAction | A    |            |
      | signalling | decline              | A    | status=200 |
    And there is no didActivateAudioSession for call A
    And the media SDK holds nothing of call A

  @R-END-1 @R-PUSH-5
  Scenario: The caller cancels before the user answers
    When the server offers call A from "alice"
    And call A is ringing on the system call UI
    And the caller cancels call A
    Then the timeline shows in order:
      | source     | event           | call | attributes                     |
      | signalling | serverEvent     | A    | type=cancel                    |
      | system     | callEnded       | A    |                                |
    And the media SDK holds nothing of call A

  @R-INC-2 @R-INC-3
  Scenario Outline: The system filters the call (<filter>) and the app prepares nothing
    Given <filter>
    When the server offers call A from "alice"
    Then the timeline shows in order:
      | source | event                           | call | attributes    |
      | app    | reportNewIncomingCall           | A    |               |
      | system | reportNewIncomingCallCompletion | A    | error=<error> |
    And there is no prepareSDK for call A
    And there is no incomingCallUiShown for call A

    Examples:
      | filter                          | error                  |
      | Do Not Disturb is on            | filteredByDoNotDisturb |
      | the caller is on the block list | filteredByBlockList    |

@family-4 @flow-report-errors
Feature: The system refuses an incoming call
  When reportNewIncomingCall completes with an error the system has disallowed the call and shows nothing: the app
  must not proceed with it, so no media set-up and no SDK (R-INC-1, R-INC-2). It may tell its server busy or decline
  (R-INC-1); for Do Not Disturb and the block list it tells the caller's side (R-INC-3, incoming.feature). A call
  reported from a push still counts as reported (R-PUSH-1). callUUIDAlreadyExists (2) is no refusal of a new call but a
  duplicate report of a live one; push_anomalies.feature covers it (R-PUSH-8). Do Not Disturb "only while locked" once
  let calls through with no error at all (radar 32540260, R-INC-3).

  @R-INC-1 @R-INC-2
  Scenario Outline: The system refuses call A with <error> (<code>): the app proceeds with nothing
    Given the app is running in the foreground
    And the system refuses incoming calls with <error>
    When the server offers call A from "alice"
    Then the timeline shows in order:
      | source | event                           | call | attributes                 |
      | app    | reportNewIncomingCall           | A    | handle=alice               |
      | system | reportNewIncomingCallCompletion | A    | error=<error>, code=<code> |
    And there is no incomingCallUiShown for call A
    And there is no prepareSDK for call A
    And there is no accept for call A
    And there is no audioSessionSetCategory after reportNewIncomingCallCompletion
    And there is no didActivateAudioSession at all

    Examples:
      | error                               | code |
      | unknown                             | 0    |
      | unentitled                          | 1    |
      | filteredByDoNotDisturb              | 3    |
      | filteredByBlockList                 | 4    |
      | filteredDuringRestrictedSharingMode | 5    |
      | callIsProtected                     | 6    |
      | filteredBySensitiveParticipants     | 7    |

  @R-INC-1 @R-INC-2 @R-PUSH-1
  Scenario Outline: A killed app woken by a push for a call the system refuses with <error> reports it, then prepares nothing
    Given the app has been killed
    And the system refuses incoming calls with <error>
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source | event                           | call | attributes    |
      | system | didReceiveIncomingPush          | A    |               |
      | app    | reportNewIncomingCall           | A    |               |
      | system | reportNewIncomingCallCompletion | A    | error=<error> |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush | A    |
      | app    | pushCompletion         | A    |
    And there is no pushNotReported at all
    And there is no appTerminated after didReceiveIncomingPush
    And there is no prepareSDK at all
    And there is no accept for call A

    Examples:
      | error                  |
      | unknown                |
      | filteredByDoNotDisturb |
      | filteredByBlockList    |
      | callIsProtected        |

  @R-INC-3
  Scenario Outline: Do Not Disturb "only while locked" with the phone <lock>: no error, and the incoming-call UI shows
    Given the app is running in the foreground
    And Do Not Disturb is on only while the phone is locked
    And <lock step>
    When the server offers call A from "alice"
    Then the timeline shows in order:
      | order | source | event                           | call | attributes          |
      | 1     | app    | reportNewIncomingCall           | A    |                     |
      | 2     | system | incomingCallUiShown             | A    | lockScreen=<locked> |
      | 2     | system | reportNewIncomingCallCompletion | A    |                     |
    And call A is ringing on the system call UI
    And there is no busy for call A
    And there is no decline for call A
    And there is no reportCallEnded for call A

    Examples:
      | lock     | lock step                  | locked |
      | locked   | the user locks the phone   | true   |
      | unlocked | the user unlocks the phone | false  |

@family-4 @flow-report-errors
Feature: The system refuses an incoming call
  When reportNewIncomingCall completes with an error the system has disallowed the call and shows nothing: the app
  must not proceed with it, so no media set-up and no SDK, and it tells the server it is busy (R-INC-1, R-INC-2).
  A call reported from a push still counts as reported (R-PUSH-1). callUUIDAlreadyExists (2) is no refusal of a new
  call but a duplicate report of a live one; push_anomalies.feature covers it (R-PUSH-8). Do Not Disturb "only while locked" once let calls
  through with no error at all (radar 32540260, R-INC-3).

  @R-INC-1 @R-INC-2
  Scenario Outline: The system refuses call A with <error> (<code>): the app prepares nothing and tells the server busy
    Given the app is running in the foreground
    And the system refuses incoming calls with <error>
    When the server offers call A from "alice"
    Then the timeline shows in order:
      | source     | event                           | call | attributes                 |
      | app        | reportNewIncomingCall           | A    | handle=alice               |
      | system     | reportNewIncomingCallCompletion | A    | error=<error>, code=<code> |
      | app        | incomingCallRejected            | A    | error=<error>              |
      | signalling | busy                            | A    | status=200                 |
    And there is no incomingCallUiShown for call A
    And there is no prepareSDK for call A
    And there is no audioSessionSetCategory at all
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
      | source     | event                           | call | attributes    |
      | system     | didReceiveIncomingPush          | A    |               |
      | app        | reportNewIncomingCall           | A    |               |
      | system     | reportNewIncomingCallCompletion | A    | error=<error> |
      | app        | incomingCallRejected            | A    | error=<error> |
      | app        | pushCompletion                  | A    |               |
    And the timeline shows in order:
      | source     | event                | call | attributes    |
      | app        | incomingCallRejected | A    | error=<error> |
      | signalling | busy                 | A    | status=200    |
    And there is no pushNotReported at all
    And there is no appTerminated after didReceiveIncomingPush
    And there is no prepareSDK at all
    And there is no callState at all

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
      | source | event                           | call | attributes          |
      | app    | reportNewIncomingCall           | A    |                     |
      | system | incomingCallUiShown             | A    | lockScreen=<locked> |
      | system | reportNewIncomingCallCompletion | A    |                     |
      | sdk    | prepareSDK                      | A    |                     |
    And call A is ringing on the system call UI
    And there is no incomingCallRejected for call A
    And there is no busy for call A

    Examples:
      | lock     | lock step                  | locked |
      | locked   | the user locks the phone   | true   |
      | unlocked | the user unlocks the phone | false  |

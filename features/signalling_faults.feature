@flow-signalling-faults
Feature: Signalling server faults
  The app's server fails or is slow. A failed accept fails the answer, a failed invite fails the start: the action is
  failed once (never left to time out), the system ends the call and the app releases media (R-TX-1). A failed
  hang-up never keeps a call alive: the call ends locally all the same (R-END-2). A delay shorter than the action
  timeout only makes the call connect later. Delays are real iOS time on the phone's virtual clock. A reset connection
  shows as status 0 in the server's journal.

  Background:
    Given the app is running in the foreground

  @R-TX-1 @R-INC-1
  Scenario Outline: The server answers accept with <fault>: the app fails the answer and the call ends
    Given <inject>
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source     | event                   | call | attributes               |
      | system     | performAnswerCallAction | A    |                          |
      | signalling | accept                  | A    | status=<status>          |
      | app        | fail                    | A    | action=answer            |
      | system     | callEnded               | A    | why=answer action failed |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performAnswerCallAction    | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no fulfill with "action=answer"
    And there is no timedOutPerformingAction at all
    And there is no didActivateAudioSession at all
    And there is no startAudio at all

    Examples:
      | fault              | inject                                                | status |
      | status 503         | the signalling server answers accept with status 503  | 503    |
      | status 409         | the signalling server answers accept with status 409  | 409    |
      | a connection reset | the signalling server resets the connection on accept | 0      |

  @R-TX-1 @R-OUT-1
  Scenario Outline: The server answers invite with <fault>: the app fails the start and the call ends
    Given <inject>
    When the user calls "bob" from the app as call A
    Then the timeline shows in order:
      | source     | event                  | call | attributes              |
      | system     | performStartCallAction | A    |                         |
      | signalling | invite                 | A    | status=<status>         |
      | app        | fail                   | A    | action=start            |
      | system     | callEnded              | A    | why=start action failed |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performStartCallAction     | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no fulfill with "action=start"
    And there is no reportOutgoingCallStartedConnecting for call A
    And there is no timedOutPerformingAction at all
    And there is no startAudio at all

    Examples:
      | fault              | inject                                                | status |
      | status 500         | the signalling server answers invite with status 500  | 500    |
      | a connection reset | the signalling server resets the connection on invite | 0      |

  @R-END-2 @R-TX-1
  Scenario Outline: The server answers hangup with <fault> when the user <how>: the call still ends locally
    Given call A from "alice" is connected
    And <inject>
    When <ending>
    Then the timeline shows in order:
      | source | event                     | call | attributes      |
      | system | performEndCallAction      | A    | origin=<origin> |
      | app    | fulfill                   | A    | action=end      |
      | system | callEnded                 | A    |                 |
      | system | didDeactivateAudioSession | A    |                 |
    And the timeline shows in order:
      | source     | event                | call | attributes      |
      | system     | performEndCallAction | A    |                 |
      | signalling | hangUp               | A    | status=<status> |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no timedOutPerformingAction at all
    And there is no fail at all

    Examples:
      | fault              | how                           | inject                                                | ending                                     | origin       | status |
      | status 500         | hangs up in the app           | the signalling server answers hangup with status 500  | the user hangs up call A in the app        | transaction  | 500    |
      | a connection reset | hangs up in the app           | the signalling server resets the connection on hangup | the user hangs up call A in the app        | transaction  | 0      |
      | status 503         | ends it on the system call UI | the signalling server answers hangup with status 503  | the user ends call A on the system call UI | systemCallUi | 503    |

  @R-END-2 @R-TX-6
  Scenario: The server fails the decline of a ringing call: the call still ends locally
    Given the signalling server answers decline with status 500
    When the server offers call A from "alice"
    And the user declines call A on the system call UI
    Then the timeline shows in order:
      | source | event                | call | attributes          |
      | user   | userTappedDecline    | A    |                     |
      | system | performEndCallAction | A    | origin=systemCallUi |
      | app    | fulfill              | A    | action=end          |
      | system | callEnded            | A    |                     |
    And the timeline shows in order:
      | source     | event                | call | attributes |
      | system     | performEndCallAction | A    |            |
      | signalling | decline              | A    | status=500 |
    And there is no timedOutPerformingAction at all
    And there is no fail at all

  @R-TX-1 @R-AUD-2
  Scenario: Accept is slower than usual but within the action timeout: the call connects later
    Given the signalling server delays accept by 5000 ms
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    And the audio of call A runs
    Then the timeline shows in order:
      | source     | event                   | call | attributes      |
      | system     | performAnswerCallAction | A    |                 |
      | signalling | accept                  | A    | status=200      |
      | app        | fulfill                 | A    | action=answer   |
      | system     | didActivateAudioSession | A    |                 |
      | sdk        | startAudio              | A    | result=ok       |
    And there is no timedOutPerformingAction at all
    And there is no fail at all

  @R-TX-1 @R-OUT-1
  Scenario: Invite is slower than usual but within the action timeout: the outgoing call connects later
    Given the signalling server delays invite by 5000 ms
    When the user calls "bob" from the app as call A
    And the audio of call A runs
    Then the timeline shows in order:
      | source     | event                   | call | attributes   |
      | system     | performStartCallAction  | A    |              |
      | signalling | invite                  | A    | status=201   |
      | app        | fulfill                 | A    | action=start |
      | system     | didActivateAudioSession | A    |              |
      | sdk        | startAudio              | A    | result=ok    |
    And the timeline shows in order:
      | source | event                               | call | attributes   |
      | app    | fulfill                             | A    | action=start |
      | app    | reportOutgoingCallStartedConnecting | A    |              |
    And there is no timedOutPerformingAction at all
    And there is no fail at all

  @R-TX-1 @R-OUT-1
  Scenario: The callee is busy while the app's invite is still on the way: the start action is still completed
    Given the signalling server delays invite by 2000 ms
    When the user calls "bob" from the app as call A
    And the callee is busy for call A
    Then the timeline shows in order:
      | source     | event           | call | attributes |
      | signalling | invite          | A    |            |
      | signalling | serverEvent     | A    | type=busy  |
      | system     | callEnded       | A    |            |
    And there is no timedOutPerformingAction at all
    And no call is left in the system
    And rule R-TX-1 holds

  @R-TX-1
  Scenario: The caller cancels while the app's accept is still on the way: the answer action is still completed
    Given the signalling server delays accept by 2000 ms
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    And the caller cancels call A
    Then the timeline shows in order:
      | source     | event                   | call | attributes  |
      | system     | performAnswerCallAction | A    |             |
      | signalling | serverEvent             | A    | type=cancel |
      | system     | callEnded               | A    |             |
    And there is no timedOutPerformingAction at all
    And no call is left in the system
    And rule R-TX-1 holds

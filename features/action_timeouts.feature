@flow-action-timeouts @family-13
Feature: Action timeouts
  Every action must be completed exactly once, before its timeout (R-TX-1, R-TX-2). When the server is slower than
  the action timeout, the app fails the action itself, on its own deadline below the system's, and ends the call
  cleanly; the server's late answer completes nothing. When the app's main thread hangs, the system times the action
  out (timedOutPerformingAction) and, for answer, start and hold, ends the call; the app must not complete the
  timed-out action late. Durations are real iOS time on the phone's virtual clock (action timeout 30 s).

  Background:
    Given the app is running in the foreground

  @R-TX-1 @R-TX-2
  Scenario: The server is slower than the action timeout: the app fails the answer before the system times it out
    Given the signalling server delays accept by 35000 ms
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                   | call | attributes               |
      | system | performAnswerCallAction | A    |                          |
      | app    | fail                    | A    | action=answer            |
      | system | callEnded               | A    | why=answer action failed |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performAnswerCallAction    | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no timedOutPerformingAction at all
    And there is no fulfill for call A
    And there is no didActivateAudioSession at all
    And there is no startAudio at all

  @R-TX-1 @R-TX-2 @R-OUT-1
  Scenario: The server is slower than the action timeout: the app fails the start before the system times it out
    Given the signalling server delays invite by 35000 ms
    When the user calls "bob" from the app as call A
    Then the timeline shows in order:
      | source | event                  | call | attributes              |
      | system | performStartCallAction | A    |                         |
      | app    | fail                   | A    | action=start            |
      | system | callEnded              | A    | why=start action failed |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performStartCallAction     | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no timedOutPerformingAction at all
    And there is no fulfill for call A
    And there is no reportOutgoingCallStartedConnecting for call A
    And there is no startAudio at all

  # After the timeout the system ends the call with performEndCallAction (origin=actionTimeout), which the app must
  # complete (R-TX-1, judged in every scenario). An app whose own ring-out timer fired during the hang may report the
  # call unanswered first when its main thread resumes; the system then drops its end action. Either ends the call.
  @R-TX-2
  Scenario: The app's main thread hangs while the call rings: the answer times out before the app ever sees it
    When the server offers call A from "alice"
    And call A is ringing on the system call UI
    And the app's main thread hangs for 35000 ms
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                    | call | attributes           |
      | user   | userTappedAnswer         | A    |               |
      | system | timedOutPerformingAction | A    | action=answer |
      | system | callEnded                | A    |               |
    And there is no performAnswerCallAction for call A
    And there is no didActivateAudioSession at all
    And there is no startAudio at all
    And rule R-TX-2 is violated

  @R-TX-2
  Scenario: The app hangs inside performAnswerCallAction: the system times it out and ends the call
    Given the app's main thread hangs for 35000 ms in its next answer action
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                    | call | attributes                 |
      | system | performAnswerCallAction  | A    |               |
      | system | timedOutPerformingAction | A    | action=answer |
      | system | callEnded                | A    |               |
    And there is no fulfill with "action=answer"
    And there is no fulfill with "afterTimeout=true"
    And there is no didActivateAudioSession at all
    And there is no startAudio at all
    And rule R-TX-2 is violated

  @R-TX-2 @R-OUT-1
  Scenario: The app hangs inside performStartCallAction: the system times it out and ends the call
    Given the app's main thread hangs for 35000 ms in its next start action
    When the user calls "bob" from the app as call A
    Then the timeline shows in order:
      | source | event                    | call | attributes                |
      | system | performStartCallAction   | A    |                           |
      | system | timedOutPerformingAction | A    | action=start              |
      | system | performEndCallAction     | A    | origin=actionTimeout      |
      | app    | fulfill                  | A    | action=end                |
      | system | callEnded                | A    |                           |
    And there is no fulfill with "action=start"
    And there is no fulfill with "afterTimeout=true"
    And there is no startAudio at all
    And rule R-TX-2 is violated

  @R-TX-2 @R-END-2
  Scenario: The app hangs inside performEndCallAction: the system ends the call anyway and the app never fulfils late
    Given call A from "alice" is connected
    And the app's main thread hangs for 35000 ms in its next end action
    When the user hangs up call A in the app
    Then the timeline shows in order:
      | source | event                      | call | attributes               |
      | system | performEndCallAction       | A    | origin=transaction       |
      | system | timedOutPerformingAction   | A    | action=end               |
      | system | callEnded                  | A    | why=end action timed out |
      | sdk    | releaseAudio\|unprepareSDK | A    |                          |
    And there is no fulfill with "action=end"
    And there is no fulfill with "afterTimeout=true"
    And rule R-TX-2 is violated
    And rule R-TX-6 is violated

  @R-TX-2 @R-MULTI-3
  Scenario: The app hangs inside performSetHeldCallAction for a cellular Hold & Accept: the system ends the call instead
    Given call A from "alice" is connected
    And the app's main thread hangs for 35000 ms in its next setHeld action
    When a cellular call comes in
    And the user chooses "Hold & Accept" for the other call
    Then the timeline shows in order:
      | source | event                     | call | attributes                  |
      | system | performSetHeldCallAction  | A    | onHold=true                 |
      | system | timedOutPerformingAction  | A    | action=setHeld              |
      | system | performEndCallAction      | A    | origin=actionTimeout        |
      | app    | fulfill                   | A    | action=end                  |
      | system | callEnded                 | A    |                             |
      | system | didDeactivateAudioSession | A    |                             |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no fulfill with "afterTimeout=true"
    And rule R-TX-2 is violated
    And rule R-MULTI-3 is violated

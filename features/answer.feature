@flow-answer
Feature: Answer an incoming call
  The user answers on the system call UI. The app configures the audio session (never activates it), fulfils the
  answer once the server accepted, and starts media only when the system activated the session, with configAudio
  issued before it: in performAnswerCallAction or in didActivate, as the app chooses (R-AUD-1, R-AUD-2).

  Background:
    Given the app is running in the foreground

  @R-AUD-2 @R-TX-1
  Scenario: Answer on the system call UI with the phone unlocked
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | order | source | event                   | call | attributes       |
      | 1     | user   | userTappedAnswer        | A    | lockScreen=false |
      | 2     | system | performAnswerCallAction | A    |                  |
      | 3     | sdk    | configAudio             | A    | result=ok        |
      | 3     | system | didActivateAudioSession | A    |                  |
      | 4     | sdk    | startAudio              | A    |                  |
    And the timeline shows in order:
      | source     | event                   | call | attributes    |
      | system     | performAnswerCallAction | A    |               |
      | signalling | accept                  | A    | status=200    |
      | app        | fulfill                 | A    | action=answer |
      | system     | didActivateAudioSession | A    |               |
    And the timeline shows in order:
      | source | event                   | call | attributes                 |
      | system | didActivateAudioSession | A    |                            |
      | sdk    | startAudio              | A    | result=ok, session=callkit |
    And there is no audioSessionSetActive at all

  @R-AUD-2
  Scenario: The system activates the audio session within a second of the user's answer, as on a phone
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then didActivateAudioSession happens within 1000 ms after userTappedAnswer for call A
    And didActivateAudioSession does not happen before 500 ms after performAnswerCallAction
    And startAudio happens after didActivateAudioSession for call A

  @R-AUD-2
  Scenario: Answer on the lock screen keeps the system call UI and still starts media after activation
    Given the phone is locked
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                   | call | attributes      |
      | user   | userTappedAnswer        | A    | lockScreen=true |
      | system | performAnswerCallAction | A    |                 |
      | app    | fulfill                 | A    | action=answer   |
      | system | didActivateAudioSession | A    |                 |
      | sdk    | startAudio              | A    | result=ok       |
    And there is no appWillEnterForeground at all

Feature: Scenarios whose failure messages are pinned
  A fixed copy of two suite scenarios for FailureMessagesGoldenTest: a scenario's ids come from its place (file and
  line), so the suite's own files, which change, would change the pinned messages.

  Background:
    Given the app is running in the foreground

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

  Scenario: Answer, then hang up in the app: the flow of the seed's sample log
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    And the audio of call A runs
    And the user hangs up call A in the app
    Then the timeline shows in order:
      | source | event                     | call | attributes    |
      | app    | reportNewIncomingCall     | A    |               |
      | user   | userTappedAnswer          | A    |               |
      | system | performAnswerCallAction   | A    |               |
      | app    | fulfill                   | A    | action=answer |
      | system | didActivateAudioSession   | A    |               |
      | sdk    | startAudio                | A    | result=ok     |
      | user   | userTappedHangUp          | A    |               |
      | app    | requestTransaction        | A    | actions=end   |
      | system | performEndCallAction      | A    |               |
      | app    | fulfill                   | A    | action=end    |
      | system | didDeactivateAudioSession | A    |               |
    And the timeline shows in order:
      | source | event                           | call | attributes |
      | system | reportNewIncomingCallCompletion | A    |            |
      | sdk    | prepareSDK                      | A    |            |
      | sdk    | configAudio                     | A    | result=ok  |
      | sdk    | startAudio                      | A    | result=ok  |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no releaseAudio before performEndCallAction for call A
    And no call is left in the system
    And there is no unprepareSDK before performEndCallAction for call A


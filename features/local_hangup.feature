@flow-local-hangup
Feature: Local hang-up
  The user ends the call; the app asks the system with an end transaction, releases the media SDK only inside
  performEndCallAction, and the system deactivates the session afterwards (R-END-2, the seed's first risk).

  Background:
    Given the app is running in the foreground

  @R-END-2 @R-AUD-3 @seed-sample
  Scenario: Answer, then hang up in the app, in exactly the order of the seed's sample log
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    And the audio of call A runs
    And the user hangs up call A in the app
    Then the timeline shows in order:
      | source | event                     | call |
      | app    | handleIncomingCall        | A    |
      | sdk    | unprepareSDK              |      |
      | sdk    | prepareSDK                | A    |
      | system | performAnswerCallAction   | A    |
      | system | didActivateAudioSession   | A    |
      | sdk    | configAudio               | A    |
      | sdk    | startAudio                | A    |
      | app    | endCallWithCompletion     | A    |
      | system | performEndCallAction      | A    |
      | sdk    | releaseAudio              | A    |
      | sdk    | unprepareSDK              | A    |
      | system | didDeactivateAudioSession | A    |
    And the events named in the seed's sample log occur in exactly its order

  @R-END-2 @R-TX-3
  Scenario: Hang up in the app goes through a transaction before anything is released
    Given call A from "alice" is connected
    When the user hangs up call A in the app
    Then the timeline shows in order:
      | source     | event                        | call | attributes   |
      | user       | userTappedHangUp             | A    |              |
      | app        | endCallWithCompletion        | A    |              |
      | app        | requestTransaction           | A    | actions=end  |
      | system     | requestTransactionCompletion | A    |              |
      | system     | performEndCallAction         | A    |              |
      | sdk        | stopAudio                    | A    |              |
      | sdk        | releaseAudio                 | A    |              |
      | app        | fulfill                      | A    | action=end   |
      | system     | didDeactivateAudioSession    | A    |              |
    And the timeline shows in order:
      | source     | event                | call | attributes |
      | system     | performEndCallAction | A    |            |
      | signalling | hangUp               | A    | status=200 |
    And there is no releaseAudio before performEndCallAction for call A
    And there is no unprepareSDK before performEndCallAction for call A

  @R-END-2 @R-INC-6
  Scenario: Hang up from the lock screen's system call UI
    Given the phone is locked
    And call A from "alice" is connected
    When the user ends call A on the system call UI
    Then the timeline shows in order:
      | source | event                     | call | attributes         |
      | user   | userTappedEndOnSystemUi   | A    |                    |
      | system | performEndCallAction      | A    | origin=systemCallUi |
      | sdk    | releaseAudio              | A    |                    |
      | app    | fulfill                   | A    | action=end         |
      | system | didDeactivateAudioSession | A    |                    |
    And there is no endCallWithCompletion for call A

  @R-INC-6 @R-END-2
  Scenario: The side button ends the active call
    Given call A from "alice" is connected
    When the user presses the side button
    Then the timeline shows in order:
      | source | event                     | call | attributes        |
      | user   | userPressedSideButton     | A    |                   |
      | system | performEndCallAction      | A    | origin=sideButton |
      | sdk    | releaseAudio              | A    |                   |
      | app    | fulfill                   | A    | action=end        |
      | system | didDeactivateAudioSession | A    |                   |
    And there is no endCallWithCompletion for call A

@flow-local-hangup
Feature: Local hang-up
  The user ends the call; the app asks the system with an end transaction, releases the media SDK only after
  performEndCallAction, and the system deactivates the session afterwards (R-END-2, the seed's first risk). Where
  between performEndCallAction and didDeactivateAudioSession the app stops and releases its media is its choice
  (R-AUD-3 under the default policy); the always-on rules judge it.

  Background:
    Given the app is running in the foreground

  @R-END-2 @R-AUD-3 @seed-sample
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

  @R-END-2 @R-TX-3
  Scenario: Hang up in the app goes through a transaction before anything is released
    Given call A from "alice" is connected
    When the user hangs up call A in the app
    Then the timeline shows in order:
      | order | source | event                        | call | attributes         |
      | 1     | user   | userTappedHangUp             | A    |                    |
      | 2     | app    | requestTransaction           | A    | actions=end        |
      | 3     | system | requestTransactionCompletion | A    |                    |
      | 3     | system | performEndCallAction         | A    | origin=transaction |
      | 4     | app    | fulfill                      | A    | action=end         |
      | 5     | system | didDeactivateAudioSession    | A    |                    |
    And the timeline shows in order:
      | source     | event                | call | attributes |
      | system     | performEndCallAction | A    |            |
      | signalling | hangUp               | A    | status=200 |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no releaseAudio before performEndCallAction for call A
    And there is no unprepareSDK before performEndCallAction for call A

  @R-END-2 @R-INC-6
  Scenario: Hang up from the lock screen's system call UI
    Given the phone is locked
    And call A from "alice" is connected
    When the user ends call A on the system call UI
    Then the timeline shows in order:
      | source | event                     | call | attributes          |
      | user   | userTappedEndOnSystemUi   | A    |                     |
      | system | performEndCallAction      | A    | origin=systemCallUi |
      | app    | fulfill                   | A    | action=end          |
      | system | didDeactivateAudioSession | A    |                     |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no requestTransaction after userTappedEndOnSystemUi

  @R-INC-6 @R-END-2
  Scenario: The side button ends the active call
    Given call A from "alice" is connected
    When the user presses the side button
    Then the timeline shows in order:
      | source | event                     | call | attributes        |
      | user   | userPressedSideButton     | A    |                   |
      | system | performEndCallAction      | A    | origin=sideButton |
      | app    | fulfill                   | A    | action=end        |
      | system | didDeactivateAudioSession | A    |                   |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no requestTransaction after userPressedSideButton

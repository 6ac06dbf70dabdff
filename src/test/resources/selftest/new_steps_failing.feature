Feature: Self-test: the new steps fail with a clear message when the flow is otherwise

  Background:
    Given the app is running in the foreground
    And call A from "alice" is connected

  Scenario: Order that did not happen
    Then performAnswerCallAction happens after didActivateAudioSession for call A

  Scenario: Too slow for the window
    Then didActivateAudioSession happens within 100 ms after userTappedAnswer for call A

  Scenario: Inside the forbidden window
    Then didActivateAudioSession does not happen before 5000 ms after performAnswerCallAction

  Scenario: Present after the anchor
    Then there is no startAudio for call A after didActivateAudioSession

  Scenario: A call is left
    Then no call is left in the system

  Scenario: The other call was declined
    When a call from another app comes in
    And the user chooses "Decline" for the other call
    And the other call is active

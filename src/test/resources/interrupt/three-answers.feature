@interrupt-fixture
Feature: Three answered calls, for InterruptedRunTest
  Its app answers the first call and hangs in the second answer, so the run is stopped mid-scenario.

  Background:
    Given the app is running in the foreground

  Scenario: The first call is answered
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then startAudio happens after didActivateAudioSession for call A

  Scenario: The second call hangs in the answer
    When the server offers call A from "bob"
    And the user answers call A on the system call UI
    Then startAudio happens after didActivateAudioSession for call A

  Scenario: The third call never starts
    When the server offers call A from "carol"
    And the user answers call A on the system call UI
    Then startAudio happens after didActivateAudioSession for call A

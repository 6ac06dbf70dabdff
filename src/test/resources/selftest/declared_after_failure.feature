Feature: Self-test: a rule a scenario declares is declared even when an earlier step failed

  Background:
    Given the app is running in the foreground

  Scenario: A table fails before the scenario declares the rule it breaks
    When the server offers call A from "alice"
    And call A is ringing on the system call UI
    And the app's main thread hangs for 35000 ms
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                    | call | attributes    |
      | system | timedOutPerformingAction | A    | action=answer |
      | system | didActivateAudioSession  | A    |               |
    And rule R-TX-2 is violated

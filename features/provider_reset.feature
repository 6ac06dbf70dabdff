@flow-provider-reset @family-12
Feature: The system resets the provider
  providerDidReset is required: "Delegates must respond to this callback by cleaning up all internal call state …
  This callback can be treated as a request to end all calls without the need to respond to any actions" (R-END-4).
  The system ends every call and deactivates the audio session; the app tells its server, releases the SDK and
  completes no action afterwards, not even one whose server answer arrives late.

  Background:
    Given the app is running in the foreground

  @R-END-4
  Scenario: Reset while call A rings
    When the server offers call A from "alice"
    And call A is ringing on the system call UI
    And the system resets the provider
    Then the timeline shows in order:
      | source | event            | call | attributes         |
      | system | callEnded        | A    | why=provider reset |
      | system | providerDidReset |      |                    |
    And the timeline shows in order:
      | source     | event            | call | attributes |
      | system     | providerDidReset |      |            |
      | signalling | decline          | A    | status=200 |
    And there is no fulfill at all
    And there is no didActivateAudioSession at all
    And there is no performEndCallAction for call A
    And rule R-END-4 holds

  @R-END-4 @R-AUD-3
  Scenario: Reset during a connected call
    Given call A from "alice" is connected
    When the system resets the provider
    Then the timeline shows in order:
      | source | event                     | call | attributes         |
      | system | callEnded                 | A    | why=provider reset |
      | system | providerDidReset          |      |                    |
      | system | didDeactivateAudioSession | A    |                    |
    And the timeline shows in order:
      | source | event                      | call |
      | system | providerDidReset           |      |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And the timeline shows in order:
      | source     | event            | call | attributes |
      | system     | providerDidReset |      |            |
      | signalling | hangUp           | A    | status=200 |
    And there is no fulfill after providerDidReset
    And there is no startAudio after providerDidReset
    And there is no performEndCallAction for call A
    And rule R-END-4 holds

  @R-END-4 @R-TX-1
  Scenario: Reset while the answer waits for a slow server: the late answer completes nothing
    Given the signalling server delays accept by 8000 ms
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                   | call |
      | system | performAnswerCallAction | A    |
    When the system resets the provider
    Then the timeline shows in order:
      | source | event                   | call | attributes  |
      | system | performAnswerCallAction | A    |             |
      | system | providerDidReset        |      |             |
    And there is no fulfill at all
    And there is no fail at all
    And there is no timedOutPerformingAction at all
    And there is no didActivateAudioSession at all
    And rule R-END-4 holds

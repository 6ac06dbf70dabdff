@flow-back-to-back @family-8
Feature: Back-to-back calls
  Call A ends and call B arrives at once or about a second later, possibly before A's didDeactivate. The single media
  SDK must be released for A (releaseAudio or unprepareSDK) before it is prepared for B, never prepared twice, and B's
  media starts only after B's own didActivate (R-AUD-4, R-AUD-2). Whether A's media is released at once or in its
  didDeactivate, and whether B's SDK is prepared at the report or at the answer, is the app's choice. Gaps are real
  iOS time, on the phone's virtual clock.

  Background:
    Given the app is running in the foreground
    And call A from "alice" is connected

  @R-AUD-4 @R-AUD-2
  Scenario Outline: Call A ends <how>, call B is offered <gap> ms later and gets a freshly prepared SDK
    When <ending>
    And <gap> ms of real time pass
    And the server offers call B from "bob"
    And the user answers call B on the system call UI
    And the audio of call B runs
    Then the timeline shows in order:
      | source      | event                   | call | attributes    |
      | <ended_src> | <ended_event>           | A    | <ended_attr>  |
      | system      | performAnswerCallAction | B    |               |
      | app         | fulfill                 | B    | action=answer |
      | system      | didActivateAudioSession | B    |               |
      | sdk         | startAudio              | B    | result=ok     |
    And the timeline shows in order:
      | source      | event                      | call | attributes   |
      | <ended_src> | <ended_event>              | A    | <ended_attr> |
      | sdk         | releaseAudio\|unprepareSDK | A    |              |
      | sdk         | prepareSDK                 | B    |              |
      | sdk         | startAudio                 | B    |              |
    And the timeline shows in order:
      | source | event                     | call |
      | system | didDeactivateAudioSession | A    |
      | system | didActivateAudioSession   | B    |
    And there is no prepareSDK with "alreadyPrepared=true"
    And there is no startAudio before didActivateAudioSession for call B
    And there is no startAudio with "result=failed"

    Examples:
      | how      | ending                              | gap  | ended_src  | ended_event          | ended_attr        |
      | locally  | the user hangs up call A in the app | 0    | system     | performEndCallAction |                   |
      | locally  | the user hangs up call A in the app | 1000 | system     | performEndCallAction |                   |
      | remotely | the remote party hangs up call A    | 0    | signalling | serverEvent          | type=remoteHangup |
      | remotely | the remote party hangs up call A    | 1000 | signalling | serverEvent          | type=remoteHangup |

  @R-AUD-4 @R-AUD-2
  Scenario Outline: Call A ends locally and the user at once calls <callee> from the app as call B
    When the user hangs up call A in the app
    And <gap> ms of real time pass
    And the user calls "<callee>" from the app as call B
    And the audio of call B runs
    Then the timeline shows in order:
      | source | event                   | call | attributes   |
      | system | performEndCallAction    | A    |              |
      | system | performStartCallAction  | B    |              |
      | app    | fulfill                 | B    | action=start |
      | system | didActivateAudioSession | B    |              |
      | sdk    | startAudio              | B    | result=ok    |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
      | sdk    | prepareSDK                 | B    |
      | sdk    | startAudio                 | B    |
    And there is no prepareSDK with "alreadyPrepared=true"
    And there is no startAudio before didActivateAudioSession for call B

    Examples:
      | callee | gap  |
      | bob    | 0    |
      | carol  | 1000 |

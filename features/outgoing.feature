@flow-outgoing
Feature: Outgoing call
  The user calls from the app: a start transaction, performStartCallAction, the invite over signalling, fulfil,
  started connecting, activation, media, and connectedAt once the callee answers (R-OUT-1). Only the user starts a
  call, from the foreground: with no call active, a start requested from the background is refused (R-OUT-3).

  Background:
    Given the app is running in the foreground

  @R-OUT-1 @R-AUD-2
  Scenario: The callee answers an outgoing call
    When the user calls "bob" from the app as call B
    And the callee's phone is ringing for call B
    And the callee answers call B
    Then the timeline shows in order:
      | order | source     | event                        | call | attributes    |
      | 1     | user       | userStartedCall              | B    | handle=bob    |
      | 2     | app        | requestTransaction           | B    | actions=start |
      | 3     | system     | requestTransactionCompletion | B    |               |
      | 3     | system     | performStartCallAction       | B    |               |
      | 4     | signalling | invite                       | B    | status=201    |
      | 5     | app        | fulfill                      | B    | action=start  |
      | 6     | system     | didActivateAudioSession      | B    |               |
      | 7     | sdk        | startAudio                   | B    | result=ok     |
    And the timeline shows in order:
      | source | event                               | call | attributes   |
      | app    | fulfill                             | B    | action=start |
      | app    | reportOutgoingCallStartedConnecting | B    |              |
      | app    | reportOutgoingCallConnected         | B    |              |
    And the timeline shows in order:
      | source     | event                       | call | attributes    |
      | signalling | serverEvent                 | B    | type=answered |
      | app        | reportOutgoingCallConnected | B    |               |

  @R-OUT-1 @R-END-1
  Scenario Outline: The callee never connects: <outcome>
    When the user calls "bob" from the app as call B
    And the audio of call B runs
    And the callee <outcome> call B
    Then the timeline shows in order:
      | source     | event                     | call | attributes       |
      | signalling | serverEvent               | B    | type=<type>      |
      | system     | callEnded                 | B    |                  |
      | system     | didDeactivateAudioSession | B    |                  |
    And the media SDK holds nothing of call B
    And there is no reportOutgoingCallConnected for call B

    Examples:
      | outcome         | type     |
      | declines        | declined |
      | does not answer | noAnswer |
      | is busy for     | busy     |

  @R-OUT-3 @R-END-1
  Scenario: The callee is busy while the app is in the background, and the app does not dial again by itself
    When the user calls "bob" from the app as call B
    And the audio of call B runs
    And the app moves to the background
    And the callee is busy for call B
    Then the timeline shows in order:
      | source | event                 | call |
      | system | appDidEnterBackground |      |
      | system | callEnded             | B    |
    And there is no requestTransaction after callEnded

  @R-OUT-1 @R-END-2
  Scenario: The user cancels an outgoing call before it connects
    When the user calls "bob" from the app as call B
    And the audio of call B runs
    And the user hangs up call B in the app
    Then the timeline shows in order:
      | source | event                     | call | attributes  |
      | user   | userTappedHangUp          | B    |             |
      | app    | requestTransaction        | B    | actions=end |
      | system | performEndCallAction      | B    |             |
      | app    | fulfill                   | B    | action=end  |
      | system | didDeactivateAudioSession | B    |             |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | B    |
      | sdk    | releaseAudio\|unprepareSDK | B    |
    And there is no releaseAudio before performEndCallAction for call B

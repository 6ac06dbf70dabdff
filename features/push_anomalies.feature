@family-3 @flow-push-anomalies
Feature: Push anomalies
  VoIP pushes arrive late, twice, without a call in them, or not at all, and the app server can get them rejected by
  APNs. Whatever arrives, the app reports a call before its push handler returns (R-PUSH-1), then decides: a call the
  server says is already over is ended with reportCall(endedAt:reason:) (R-PUSH-5), a push that starts no call becomes a
  phantom call ended at once (R-PUSH-4), a second report of the same call leaves the call alone (R-PUSH-8). The phantom's
  UUID, the fallback caller's text and the end reason among those the rules accept are the app's choice.

  @R-PUSH-5 @R-PUSH-7 @R-PUSH-1
  Scenario Outline: A push delivered late, after the caller cancelled, is reported and then ended (<app>)
    Given <app>
    And VoIP pushes reach the phone 10 s late
    And the caller will cancel call A while its push is on the way
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source     | event                  | call | attributes                     |
      | push       | pushAccepted           | A    |                                |
      | signalling | callStateChanged       | A    | state=cancelled                |
      | system     | didReceiveIncomingPush | A    |                                |
      | app        | reportNewIncomingCall  | A    | handle=alice                   |
      | system     | callEnded              | A    |                                |
    And there is no pushNotReported at all
    And there is no appTerminated after didReceiveIncomingPush

    Examples:
      | app                                  |
      | the app has been killed              |
      | the app is running in the background |

  @R-PUSH-7 @R-PUSH-1
  Scenario Outline: A late push for a call that still rings just rings (<app>)
    Given <app>
    And VoIP pushes reach the phone 4 s late
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source | event                  | call | attributes |
      | system | didReceiveIncomingPush | A    |            |
      | app    | reportNewIncomingCall  | A    |            |
    And call A is ringing on the system call UI
    And there is no reportCallEnded for call A

    Examples:
      | app                                  |
      | the app has been killed              |
      | the app is running in the foreground |

  @R-PUSH-8 @R-PUSH-1
  Scenario Outline: A push delivered twice for one call: the second report fails and the call stays intact (<app>)
    Given <app>
    And APNs delivers each VoIP push twice
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source | event                           | call | attributes                  |
      | system | didReceiveIncomingPush          | A    |                             |
      | app    | reportNewIncomingCall           | A    |                             |
      | system | didReceiveIncomingPush          | A    |                             |
      | app    | reportNewIncomingCall           | A    |                             |
      | system | reportNewIncomingCallCompletion | A    | error=callUUIDAlreadyExists |
    And the timeline shows in order:
      | order | source | event          | call |
      | 2     | app    | pushCompletion | A    |
      | 2     | app    | pushCompletion | A    |
    And call A is ringing on the system call UI
    And there is no busy for call A
    And there is no decline for call A
    And there is no reportCallEnded for call A
    And there is no pushNotReported at all
    And rule R-PUSH-8 holds

    Examples:
      | app                                  |
      | the app has been killed              |
      | the app is running in the background |
      | the app is running in the foreground |

  @R-PUSH-8 @R-PUSH-1
  Scenario Outline: The user answers a call whose push came twice (<app>)
    Given <app>
    And APNs delivers each VoIP push twice
    When the app server sends a VoIP push for call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source     | event                   | call | attributes    |
      | system     | performAnswerCallAction | A    |               |
      | signalling | accept                  | A    | status=200    |
      | app        | fulfill                 | A    | action=answer |
      | system     | didActivateAudioSession | A    |               |
      | sdk        | startAudio              | A    | result=ok     |
    And the timeline shows in order:
      | source | event                           | call | attributes                  |
      | system | reportNewIncomingCallCompletion | A    | error=callUUIDAlreadyExists |
    And there is no reportCallEnded for call A
    And rule R-PUSH-8 holds

    Examples:
      | app                                  |
      | the app is running in the background |

  @R-PUSH-4 @R-PUSH-1 @R-PUSH-5
  Scenario Outline: A VoIP push that starts no call (<payload>) is still reported, as a phantom call ended at once
    Given the app has been killed
    When the app server sends a VoIP push for call A with "<payload>"
    Then the timeline shows in order:
      | source | event                  | call | attributes      |
      | system | appLaunched            |      | reason=voipPush |
      | system | didReceiveIncomingPush |      |                 |
      | app    | reportNewIncomingCall  |      |                 |
      | app    | reportCallEnded        |      |                 |
      | system | callEnded              |      |                 |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush |      |
      | app    | pushCompletion         |      |
    And there is no pushNotReported at all
    And there is no appTerminated after didReceiveIncomingPush
    And there is no prepareSDK at all
    And there is no performAnswerCallAction at all
    And rule R-PUSH-1 holds

    Examples:
      | payload               |
      | type=message          |
      | type=cancel           |
      | type=badge, no caller |
      | no callId             |
      | callId=not-a-uuid     |

  @R-PUSH-4 @R-PUSH-5 @R-END-1
  Scenario Outline: A cancel sent as a VoIP push ends the ringing call and is itself reported as a phantom (<app>)
    Given <app>
    And call A from "alice" is ringing
    When the app server sends a VoIP push for call A with "type=cancel"
    Then the timeline shows in order:
      | order | source | event                  | call | attributes                     |
      | 1     | system | didReceiveIncomingPush |      |                                |
      | 2     | app    | reportNewIncomingCall  |      |                                |
      | 2     | system | callEnded              | A    |                                |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush |      |
      | app    | pushCompletion         |      |
    And there is no pushNotReported at all
    And rule R-PUSH-4 holds

    Examples:
      | app                                  |
      | the app is running in the foreground |
      | the app is running in the background |

  @R-INC-4 @R-PUSH-1
  Scenario Outline: A push without a usable caller (<payload>) is reported with a fallback handle, and the app lives
    Given the app has been killed
    When the app server sends a VoIP push for call A with "<payload>"
    Then the timeline shows in order:
      | order | source | event                           | call |
      | 1     | system | didReceiveIncomingPush          | A    |
      | 2     | app    | reportNewIncomingCall           | A    |
      | 3     | system | incomingCallUiShown             | A    |
      | 3     | system | reportNewIncomingCallCompletion | A    |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush | A    |
      | app    | pushCompletion         | A    |
    And call A is ringing on the system call UI
    And there is no appTerminated after didReceiveIncomingPush
    And there is no pushNotReported at all
    And rule R-INC-4 holds

    Examples:
      | payload   |
      | no caller |
      | caller=   |

  @R-PUSH-2
  Scenario Outline: Launches that exceed the watchdog count as failed pushes; after <threshold> PushKit stops delivering
    Given the app has been killed
    And the app takes too long to launch
    And PushKit stops launching the app after <threshold> failed pushes
    When the app server sends <threshold> VoIP pushes that each fail to reach the app
    And the app server sends a VoIP push for call D from "alice"
    Then the timeline shows in order:
      | source | event            | call         | attributes                                                                                                                |
      | system | appLaunched      |              | reason=voipPush                                                                                                           |
      | system | appTerminated    |              | reason=launchWatchdog, exception=0x8badf00d                                                                               |
      | system | pushNotDelivered | P<threshold> | failures=<threshold>                                                                                                      |
      | push   | pushAccepted     | D            |                                                                                                                           |
      | system | pushNotDelivered | D            | why=Application will not be launched because it failed to report an incoming call too many times (or repeatedly crashed.) |
    And there is no didReceiveIncomingPush at all
    And there is no reportNewIncomingCall at all
    And rule R-PUSH-2 is violated

    Examples:
      | threshold |
      | 1         |
      | 3         |

  @R-PUSH-7
  Scenario Outline: APNs rejects a push sent <mistake> with <status> <reason>, and nothing reaches the phone
    Given the app has been killed
    When the app server sends a VoIP push for call A <mistake>
    Then the timeline shows in order:
      | source | event        | call | attributes                       |
      | push   | pushSent     | A    |                                  |
      | push   | apnsResponse | A    | status=<status>, reason=<reason> |
    And there is no pushAccepted at all
    And there is no didReceiveIncomingPush at all
    And there is no appLaunched after pushSent
    And rule R-PUSH-7 is violated

    Examples:
      | mistake                             | status | reason                 |
      | to a malformed device token         | 400    | BadDeviceToken         |
      | for another app's topic             | 400    | DeviceTokenNotForTopic |
      | with push type alert                | 400    | InvalidPushType        |
      | to a token APNs marked unregistered | 410    | Unregistered           |
      | while APNs throttles the app server | 429    | TooManyRequests        |
      | signed with an unknown key          | 403    | InvalidProviderToken   |

  @R-PUSH-7
  Scenario Outline: A push lost between APNs and the phone never wakes the app (<app>)
    Given <app>
    And VoIP pushes are lost on the way to the phone
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source | event        | call | attributes |
      | push   | pushAccepted | A    |            |
    And there is no didReceiveIncomingPush at all
    And there is no reportNewIncomingCall at all

    Examples:
      | app                     |
      | the app has been killed |

  @R-PUSH-3 @R-PUSH-1
  Scenario: Two VoIP pushes for different calls reach the phone together: each push's completion is called for its own call
    Given the app is running in the background
    When VoIP pushes for call A from "alice" and call B from "bob" reach the phone together
    Then the timeline shows in order:
      | source | event                           | call |
      | system | didReceiveIncomingPush          | A    |
      | system | didReceiveIncomingPush          | B    |
      | system | reportNewIncomingCallCompletion | A    |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush | A    |
      | app    | reportNewIncomingCall  | A    |
      | app    | pushCompletion         | A    |
    And the timeline shows in order:
      | source | event                  | call |
      | system | didReceiveIncomingPush | B    |
      | app    | reportNewIncomingCall  | B    |
      | app    | pushCompletion         | B    |

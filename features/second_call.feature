@flow-second-call @family-9
Feature: A second VoIP call of the app while a call is connected
  While call A is connected, call B is offered. What the incoming-call UI offers depends on the app's configuration
  and supportsHolding (R-MULTI-1): with one call group of one call the second report is rejected; with two groups it
  offers End & Accept, Decline, and Hold & Accept only when the calls support holding. The app's single media SDK
  stays with the connected call until B is answered, A's audio is never reset inside B's performEnd, and media
  starts only after the matching didActivate (R-MULTI-2, R-AUD-2). When the user ends B on this phone the system
  resumes the held A (new didActivate); after B's remote end A stays held until the user resumes it (R-AUD-7).

  @R-MULTI-1 @R-INC-1
  Scenario Outline: With <groups> call group of <per_group> call (supportsHolding <holding>) the second report is rejected and A is untouched
    Given the app is configured with maximumCallGroups <groups>, maximumCallsPerCallGroup <per_group> and supportsHolding <holding>
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    Then the timeline shows in order:
      | source | event                           | call | attributes                                                       |
      | app    | providerCreated                 |      | maximumCallGroups=<groups>, maximumCallsPerCallGroup=<per_group> |
      | sdk    | startAudio                      | A    | result=ok                                                        |
      | app    | reportNewIncomingCall           | B    |                                                                  |
      | system | reportNewIncomingCallCompletion | B    | error=unknown                                                    |
    And there is no incomingCallUiShown for call B
    And there is no prepareSDK for call B
    And there is no stopAudio at all
    And there is no didDeactivateAudioSession at all

    Examples:
      | groups | per_group | holding |
      | 1      | 1         | true    |
      | 1      | 1         | false   |

  @R-MULTI-1 @R-MULTI-2 @R-TX-4 @R-AUD-2
  Scenario Outline: End & Accept (supportsHolding <holding>) ends A, then answers B with the SDK released and prepared again
    Given the app is configured with maximumCallGroups 2, maximumCallsPerCallGroup 1 and supportsHolding <holding>
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    And the user chooses "End & Accept" for incoming call B
    And the audio of call B runs
    Then the timeline shows in order:
      | source | event                  | call | attributes          |
      | system | incomingCallUiShown    | B    | options=<options>   |
      | user   | userTappedEndAndAccept | B    |                     |
      | system | performEndCallAction   | A    | origin=systemCallUi |
      | app    | fulfill                | A    | action=end          |
    And the timeline shows in order:
      | source | event                   | call | attributes          |
      | user   | userTappedEndAndAccept  | B    |                     |
      | system | performEndCallAction    | A    | origin=systemCallUi |
      | system | performAnswerCallAction | B    | origin=systemCallUi |
      | app    | fulfill                 | B    | action=answer       |
      | system | didActivateAudioSession | B    |                     |
      | sdk    | startAudio              | B    | result=ok           |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
      | sdk    | prepareSDK                 | B    |
      | sdk    | startAudio                 | B    |
    And the timeline shows in order:
      | source | event                     | call |
      | system | performEndCallAction      | A    |
      | system | didDeactivateAudioSession | A    |
      | system | didActivateAudioSession   | B    |
    And there is no prepareSDK with "alreadyPrepared=true"
    And there is no startAudio before didActivateAudioSession for call B

    Examples:
      | holding | options                            |
      | true    | endAndAccept,holdAndAccept,decline |
      | false   | endAndAccept,decline               |

  @R-MULTI-1
  Scenario: Without supportsHolding the UI does not offer Hold & Accept, and refuses it
    Given the app is configured with maximumCallGroups 2, maximumCallsPerCallGroup 1 and supportsHolding false
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    Then the user cannot choose "Hold & Accept" for incoming call B
    When the user chooses "Decline" for incoming call B
    Then the timeline shows in order:
      | source | event                | call | attributes                                         |
      | system | incomingCallUiShown  | B    | options=endAndAccept,decline                       |
      | user   | userTappedDecline    | B    |                                                    |
      | system | performEndCallAction | B    |                                                    |
      | app    | fulfill              | B    | action=end                                         |
    And there is no performSetHeldCallAction at all
    And there is no performEndCallAction for call A
    And there is no stopAudio at all

  @R-MULTI-2 @R-MULTI-1
  Scenario: Declining the second call leaves the connected call's audio untouched
    Given the app is configured with maximumCallGroups 2, maximumCallsPerCallGroup 1 and supportsHolding true
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    And the user chooses "Decline" for incoming call B
    Then the timeline shows in order:
      | source | event                | call | attributes                                 |
      | system | incomingCallUiShown  | B    | options=endAndAccept,holdAndAccept,decline |
      | user   | userTappedDecline    | B    |                                            |
      | system | performEndCallAction | B    | origin=systemCallUi                        |
      | app    | fulfill              | B    | action=end                                 |
      | system | callEnded            | B    |                                            |
    And the timeline shows in order:
      | source     | event   | call |
      | signalling | decline | B    |
    And there is no stopAudio at all
    And there is no releaseAudio at all
    And there is no unprepareSDK after userTappedDecline
    And there is no didDeactivateAudioSession at all
    And there is no performEndCallAction for call A

  @R-MULTI-1 @R-MULTI-2 @R-AUD-7 @R-TX-4
  Scenario: Hold & Accept holds A and hands the SDK to B; ending B on this phone resumes A
    Given the app is configured with maximumCallGroups 2, maximumCallsPerCallGroup 1 and supportsHolding true
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    And the user chooses "Hold & Accept" for incoming call B
    And the audio of call B runs
    Then the timeline shows in order:
      | source | event                     | call | attributes                       |
      | user   | userTappedHoldAndAccept   | B    |                                  |
      | system | performSetHeldCallAction  | A    | onHold=true, origin=systemCallUi |
      | app    | fulfill                   | A    | action=setHeld                   |
      | system | didDeactivateAudioSession | A    |                                  |
    And the timeline shows in order:
      | source | event                    | call | attributes                       |
      | system | performSetHeldCallAction | A    | onHold=true, origin=systemCallUi |
      | system | performAnswerCallAction  | B    |                                  |
      | app    | fulfill                  | B    | action=answer                    |
      | system | didActivateAudioSession  | B    |                                  |
      | sdk    | startAudio               | B    | result=ok                        |
    And the timeline shows in order:
      | source | event                      | call |
      | user   | userTappedHoldAndAccept    | B    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
      | sdk    | prepareSDK                 | B    |
      | sdk    | startAudio                 | B    |
    And the timeline shows in order:
      | source | event                     | call |
      | system | didDeactivateAudioSession | A    |
      | system | didActivateAudioSession   | B    |
    When the user hangs up call B in the app
    Then the timeline shows in order:
      | source | event                    | call | attributes                          |
      | system | performEndCallAction     | B    | origin=transaction                  |
      | app    | fulfill                  | B    | action=end                          |
      | system | performSetHeldCallAction | A    | onHold=false, origin=otherCallEnded |
      | app    | fulfill                  | A    | action=setHeld                      |
      | system | didActivateAudioSession  | A    |                                     |
      | sdk    | startAudio               | A    | result=ok                           |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | B    |
      | sdk    | releaseAudio\|unprepareSDK | B    |
      | sdk    | prepareSDK                 | A    |
      | sdk    | startAudio                 | A    |
    And there is no performEndCallAction for call A
    And there is no prepareSDK with "alreadyPrepared=true"

  @R-MULTI-1 @R-AUD-7 @R-MULTI-3
  Scenario: Hold & Accept, then B's remote party hangs up: A stays held until the user resumes it in the app
    Given the app is configured with maximumCallGroups 2, maximumCallsPerCallGroup 1 and supportsHolding true
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    And the user chooses "Hold & Accept" for incoming call B
    And the audio of call B runs
    And the remote party hangs up call B
    Then the timeline shows in order:
      | source     | event                     | call | attributes         |
      | signalling | serverEvent               | B    | type=remoteHangup  |
      | system     | callEnded                 | B    |                    |
      | system     | didDeactivateAudioSession | B    |                    |
    And the media SDK holds nothing of call B
    And there is no performSetHeldCallAction after callEnded
    And there is no startAudio after callEnded
    When the user resumes call A in the app
    Then the timeline shows in order:
      | source | event                    | call | attributes                       |
      | system | callEnded                | B    |                                  |
      | user   | userTappedResume         | A    |                                  |
      | app    | requestTransaction       | A    | actions=setHeld                  |
      | system | performSetHeldCallAction | A    | onHold=false, origin=transaction |
      | app    | fulfill                  | A    | action=setHeld                   |
      | system | didActivateAudioSession  | A    |                                  |
      | sdk    | startAudio               | A    | result=ok                        |
    And the timeline shows in order:
      | source | event            | call |
      | user   | userTappedResume | A    |
      | sdk    | prepareSDK       | A    |
      | sdk    | startAudio       | A    |
    And there is no performEndCallAction for call A

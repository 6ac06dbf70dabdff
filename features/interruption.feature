@flow-interruption @family-10
Feature: Interruption by a cellular call or another app's call
  During a connected VoIP call another call comes in. Hold & Accept holds the VoIP call (its media stopped,
  didDeactivate); when the other call is ended by the local user the system resumes it with a new didActivate, but
  after a remote end the VoIP call stays held with no activation (R-MULTI-3, R-AUD-7). End & Accept ends the VoIP call;
  Decline leaves it untouched.

  Background:
    Given the app is running in the foreground
    And call A from "alice" is connected

  @R-MULTI-3 @R-AUD-7
  Scenario Outline: Hold & Accept a <other>, then the other call is ended by the local user
    When a <other> comes in
    And the user chooses "Hold & Accept" for the other call
    And call A is on hold
    And the other call is ended by the local user
    Then the timeline shows in order:
      | source | event                     | call | attributes     |
      | system | otherCallIncoming         |      | kind=<kind>    |
      | user   | userChoseHoldAndAccept    | A    |                |
      | system | performSetHeldCallAction  | A    | onHold=true    |
      | app    | fulfill                   | A    | action=setHeld |
      | system | didDeactivateAudioSession | A    |                |
      | system | otherCallEnded            |      | by=localUser   |
      | system | performSetHeldCallAction  | A    | onHold=false   |
      | app    | fulfill                   | A    | action=setHeld |
      | system | didActivateAudioSession   | A    |                |
      | sdk    | startAudio                | A    | result=ok      |
    And rule R-MULTI-3 holds

    Examples:
      | other                 | kind     |
      | cellular call         | cellular |
      | call from another app | otherApp |

  @R-MULTI-3 @R-AUD-7
  Scenario Outline: Hold & Accept a <other> whose remote party ends it: the VoIP call stays held
    When a <other> comes in
    And the user chooses "Hold & Accept" for the other call
    And call A is on hold
    And the other call is ended by the remote party
    Then the timeline shows in order:
      | source | event                     | call | attributes             |
      | app    | fulfill                   | A    | action=setHeld         |
      | system | didDeactivateAudioSession | A    |                        |
      | system | otherCallEnded            |      | kind=<kind>, by=remote |
    And there is no startAudio after otherCallEnded
    And there is no didActivateAudioSession after otherCallEnded
    And there is no performSetHeldCallAction after otherCallEnded

    Examples:
      | other                 | kind     |
      | cellular call         | cellular |
      | call from another app | otherApp |

  @R-MULTI-3 @R-AUD-7
  Scenario Outline: Hold & Accept a <other> whose remote party ends it, then the user resumes call A in the app
    When a <other> comes in
    And the user chooses "Hold & Accept" for the other call
    And call A is on hold
    And the other call is ended by the remote party
    And the user resumes call A in the app
    Then the timeline shows in order:
      | source | event                    | call | attributes                       |
      | system | otherCallEnded           |      | kind=<kind>, by=remote           |
      | user   | userTappedResume         | A    |                                  |
      | app    | requestTransaction       | A    | actions=setHeld                  |
      | system | performSetHeldCallAction | A    | onHold=false, origin=transaction |
      | app    | fulfill                  | A    | action=setHeld                   |
      | system | didActivateAudioSession  | A    |                                  |
      | sdk    | startAudio               | A    | result=ok                        |
    And there is no startAudio before didActivateAudioSession for call A
    And there is no audioSessionSetActive at all

    Examples:
      | other                 | kind     |
      | cellular call         | cellular |
      | call from another app | otherApp |

  @R-MULTI-2
  Scenario Outline: End & Accept a <other> ends the VoIP call
    When a <other> comes in
    And the user chooses "End & Accept" for the other call
    And the other call is active
    Then the timeline shows in order:
      | source | event                     | call | attributes       |
      | system | otherCallIncoming         |      | kind=<kind>      |
      | user   | userChoseEndAndAccept     | A    |                  |
      | system | performEndCallAction      | A    | origin=otherCall |
      | app    | fulfill                   | A    | action=end       |
      | system | didDeactivateAudioSession | A    |                  |
    And the timeline shows in order:
      | source | event                      | call |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    And there is no performSetHeldCallAction at all

    Examples:
      | other                 | kind     |
      | cellular call         | cellular |
      | call from another app | otherApp |

  @R-MULTI-3
  Scenario: Declining a call from another app leaves the VoIP call untouched
    When a call from another app comes in
    And the user chooses "Decline" for the other call
    Then the timeline shows in order:
      | source | event                 | attributes    |
      | system | otherCallIncoming     | kind=otherApp |
      | user   | userDeclinedOtherCall | kind=otherApp |
    And there is no performSetHeldCallAction for call A
    And there is no performEndCallAction for call A
    And there is no didDeactivateAudioSession for call A

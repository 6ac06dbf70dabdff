@family-15 @flow-provider-lifecycle
Feature: The provider is invalidated and re-created mid-session
  When the user switches CallKit off and on in the app's settings, the app invalidates its one CXProvider, which ends
  its calls in failure (R-END-4), and creates a new one, never a second live one (R-CFG-1). Later transactions for the
  old calls fail with unknownCallUUID (4), and the app must still tear down its own state (R-END-3); whether it also
  tells its server then is its choice.

  @R-CFG-1 @R-END-4 @R-END-3 @R-TX-3
  Scenario Outline: CallKit switched off and on while call A is <state>: a later end fails with error 4 and the app still tears down
    Given the app is running in the foreground
    And call A from "alice" is <state>
    When the user switches CallKit off and on in the app's settings
    And the user hangs up call A in the app
    Then the timeline shows in order:
      | source | event                        | call | attributes                    |
      | user   | userToggledCallKit           |      | enabled=false                 |
      | app    | providerInvalidated          |      | instance=1                    |
      | system | callEnded                    | A    | why=provider invalidated      |
      | user   | userToggledCallKit           |      | enabled=true                  |
      | app    | providerCreated              |      | instance=2, liveProviders=1   |
      | user   | userTappedHangUp             | A    |                               |
      | app    | requestTransaction           | A    | actions=end                   |
      | system | requestTransactionCompletion | A    | error=unknownCallUUID, code=4 |
    And there is no performEndCallAction for call A
    And rule R-END-3 holds

    Examples:
      | state     |
      | ringing   |
      | connected |

  @R-CFG-1
  Scenario Outline: After CallKit is switched off and on, the new provider reports the next call (<arrival>)
    Given the app is running in the foreground
    When the user switches CallKit off and on in the app's settings
    And <arrival>
    Then the timeline shows in order:
      | order | source | event                           | call | attributes                  |
      | 1     | app    | providerInvalidated             |      | instance=1                  |
      | 2     | app    | providerCreated                 |      | instance=2, liveProviders=1 |
      | 3     | app    | reportNewIncomingCall           | B    |                             |
      | 4     | system | incomingCallUiShown             | B    |                             |
      | 4     | system | reportNewIncomingCallCompletion | B    |                             |
    And call B is ringing on the system call UI
    And there is no busy for call B

    Examples:
      | arrival                                                |
      | the server offers call B from "bob"                    |
      | the app server sends a VoIP push for call B from "bob" |

Feature: Self-test: steps that used to race the flow now wait for the state they need
  Each scenario says the next step at once, as a QA engineer writes it from the glossary; no phone could show the old
  orders (the callee's answer before the app's invite, even before performStartCallAction while the app's main thread
  is busy; the other call ending before the VoIP call was held).

  Background:
    Given the app is running in the foreground

  Scenario Outline: The callee <outcome> call A said right after the user calls, while the app's main thread is busy
    When the app's main thread hangs for 1500 ms
    And the user calls "bob" from the app as call A
    And the callee <outcome> call A
    Then serverEvent happens after invite for call A
    And the timeline shows in order:
      | source     | event                  | call | attributes  |
      | system     | performStartCallAction | A    |             |
      | signalling | invite                 | A    |             |
      | signalling | serverEvent            | A    | type=<type> |
    And there is no timedOutPerformingAction at all

    Examples:
      | outcome         | type     |
      | is busy for     | busy     |
      | does not answer | noAnswer |
      | declines        | declined |
      | answers         | answered |

  Scenario Outline: The other call is ended by <by> said right after Hold & Accept
    Given call B from "alice" is connected
    When a cellular call comes in
    And the user chooses "Hold & Accept" for the other call
    And the other call is ended by <by>
    Then the timeline shows in order:
      | source | event                     | call | attributes     |
      | system | performSetHeldCallAction  | B    | onHold=true    |
      | app    | fulfill                   | B    | action=setHeld |
      | system | didDeactivateAudioSession | B    |                |
      | system | otherCallEnded            |      | by=<attr>      |

    Examples:
      | by             | attr      |
      | the local user | localUser |
      | the remote party | remote  |

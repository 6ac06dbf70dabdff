@family-14 @flow-recents @R-CFG-3
Feature: Calling back from Recents
  Tapping one of the app's calls in Recents or Contacts opens the app with a user activity, which the app turns into
  an outgoing call. The system hands the activity over only if the handle's type is in the provider's
  supportedHandleTypes; otherwise the tap does nothing (react-native-callkeep #349, twilio video-quickstart-ios #389).

  @R-OUT-1
  Scenario Outline: A Recents tap on a <type> handle the app supports starts an outgoing call (<app>)
    Given <app>
    When the user taps the <type> handle "<value>" in Recents
    Then the timeline shows in order:
      | source     | event                   | call | attributes                                  |
      | user       | userTappedRecents       |      | handle=<value>, handleType=<type>           |
      | system     | continueUserActivity    |      | handleType=<type>, intent=INStartCallIntent |
      | app        | requestTransaction      |      | actions=start                               |
      | system     | performStartCallAction  |      |                                             |
      | signalling | invite                  |      | status=201                                  |
      | app        | fulfill                 |      | action=start                                |
      | system     | didActivateAudioSession |      |                                             |
      | sdk        | startAudio              |      | result=ok                                   |
    And there is no continueUserActivityNotDelivered at all

    Examples:
      | type        | value        | app                                  |
      | generic     | bob          | the app is running in the foreground |
      | phoneNumber | +15551234567 | the app is running in the background |
      | generic     | bob          | the app has been killed              |

  Scenario Outline: A Recents tap on a <type> handle when the app supports only <supported> never reaches the app
    Given the app supports only <supported> handles
    And the app is running in the foreground
    When the user taps the <type> handle "<value>" in Recents
    Then the timeline shows in order:
      | source | event                            | call | attributes                                            |
      | app    | providerCreated                  |      | supportedHandleTypes=[<supported>]                    |
      | user   | userTappedRecents                |      | handleType=<type>                                     |
      | system | continueUserActivityNotDelivered |      | handleType=<type>, supportedHandleTypes=[<supported>] |
    And there is no continueUserActivity at all
    And there is no requestTransaction at all
    And there is no performStartCallAction at all

    Examples:
      | type         | value           | supported   |
      | generic      | bob             | phoneNumber |
      | phoneNumber  | +15551234567    | generic     |
      | emailAddress | bob@example.com | phoneNumber |

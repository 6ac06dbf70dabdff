Feature: Self-test: order, timing-window and state steps on a correct flow

  Scenario: Order and timing windows of an answered call
    Given the app is running in the foreground
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then performAnswerCallAction happens after userTappedAnswer for call A
    And didActivateAudioSession happens within 1000 ms after userTappedAnswer for call A
    And didActivateAudioSession does not happen before 300 ms after performAnswerCallAction
    And startAudio happens after didActivateAudioSession for call A
    And there is no performAnswerCallAction for call A after didActivateAudioSession

  Scenario: The callee's phone rings, then the callee answers
    Given the app is running in the foreground
    When the user calls "bob" from the app as call B
    And the callee's phone is ringing for call B
    And the callee answers call B
    Then reportOutgoingCallConnected happens after invite for call B

  Scenario: The other call becomes active after Hold & Accept
    Given the app is running in the foreground
    And call A from "alice" is connected
    When a call from another app comes in
    And the user chooses "Hold & Accept" for the other call
    And the other call is active
    Then the timeline shows in order:
      | source | event                     | call | attributes     |
      | app    | fulfill                   | A    | action=setHeld |
      | system | didDeactivateAudioSession | A    |                |

  Scenario: A force-quit app still gets a VoIP push, and no call is left once it ends
    Given the app is running in the foreground
    When the user force-quits the app
    And the app server sends a VoIP push for call A from "alice"
    And the push for call A reaches the phone
    And the caller cancels call A
    Then the timeline shows in order:
      | source | event                  | call | attributes           |
      | system | appTerminated          |      | reason=userForceQuit |
      | system | appLaunched            |      | reason=voipPush      |
      | system | didReceiveIncomingPush | A    |                      |
      | app    | reportNewIncomingCall  | A    |                      |
    And no call is left in the system

  Scenario: The Chinese mirrors of the order and state steps, on an answered call held for another app's call
    Given the app is running in the foreground
    And call A from "alice" is connected
    Then performAnswerCallAction 发生在 userTappedAnswer 之后（通话 A）
    And didActivateAudioSession 在 1000 毫秒内发生于 userTappedAnswer 之后（通话 A）
    And didActivateAudioSession 在 300 毫秒内不发生于 performAnswerCallAction 之后
    And 没有 performAnswerCallAction 出现在通话 A 的 didActivateAudioSession 之后
    When a call from another app comes in
    And the user chooses "Hold & Accept" for the other call
    And 另一通电话已接通
    Then call A is on hold

  Scenario: The Chinese mirrors of the state steps, on an outgoing call and a push after a force-quit
    Given the app is running in the foreground
    When the user calls "bob" from the app as call B
    And 通话 B 的被叫手机正在响铃
    And the callee declines call B
    And 用户强制退出应用
    And the app server sends a VoIP push for call C from "alice"
    And 通话 C 的推送到达手机
    And the caller cancels call C
    Then 系统中没有遗留的通话

  Scenario: A force-quit app's media SDK holds nothing: the SDK lives in the app's process
    Given the app is running in the foreground
    And call A from "alice" is connected
    When the user force-quits the app
    Then no call is left in the system
    And the media SDK holds nothing of call A

# language: zh-CN
@flow-local-hangup @lang-zh-CN
功能: 本地挂断
  用户结束通话；应用通过结束事务请求系统，只在 performEndCallAction 之后释放媒体 SDK，系统随后停用会话
  （R-END-2）。在 performEndCallAction 与 didDeactivateAudioSession 之间何时停止并释放媒体由应用选择（R-AUD-3）。

  背景:
    假如 应用正在前台运行

  @R-END-2 @R-AUD-3 @seed-sample
  场景: 接听后在应用内挂断：种子样例日志中的流程
    当 服务器发来通话 A（来自 "alice"）
    并且 用户在系统来电界面上接听通话 A
    并且 通话 A 的音频开始运行
    并且 用户在应用内挂断通话 A
    那么 时间线按顺序显示：
      | 来源   | 事件                      | 通话 | 属性          |
      | app    | reportNewIncomingCall     | A    |               |
      | user   | userTappedAnswer          | A    |               |
      | system | performAnswerCallAction   | A    |               |
      | app    | fulfill                   | A    | action=answer |
      | system | didActivateAudioSession   | A    |               |
      | sdk    | startAudio                | A    | result=ok     |
      | user   | userTappedHangUp          | A    |               |
      | app    | requestTransaction        | A    | actions=end   |
      | system | performEndCallAction      | A    |               |
      | app    | fulfill                   | A    | action=end    |
      | system | didDeactivateAudioSession | A    |               |
    并且 时间线按顺序显示：
      | 来源   | 事件                            | 通话 | 属性      |
      | system | reportNewIncomingCallCompletion | A    |           |
      | sdk    | prepareSDK                      | A    |           |
      | sdk    | configAudio                     | A    | result=ok |
      | sdk    | startAudio                      | A    | result=ok |
    并且 时间线按顺序显示：
      | 来源   | 事件                       | 通话 |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    并且 没有 releaseAudio 事件在 performEndCallAction 之前，通话 A
    并且 没有 unprepareSDK 事件在 performEndCallAction 之前，通话 A

  @R-END-2 @R-TX-3
  场景: 在应用内挂断先经过事务，之后才释放任何资源
    假如 通话 A（来自 "alice"）已接通
    当 用户在应用内挂断通话 A
    那么 时间线按顺序显示：
      | 顺序 | 来源   | 事件                         | 通话 | 属性               |
      | 1    | user   | userTappedHangUp             | A    |                    |
      | 2    | app    | requestTransaction           | A    | actions=end        |
      | 3    | system | requestTransactionCompletion | A    |                    |
      | 3    | system | performEndCallAction         | A    | origin=transaction |
      | 4    | app    | fulfill                      | A    | action=end         |
      | 5    | system | didDeactivateAudioSession    | A    |                    |
    并且 时间线按顺序显示：
      | 来源       | 事件                 | 通话 | 属性       |
      | system     | performEndCallAction | A    |            |
      | signalling | hangUp               | A    | status=200 |
    并且 时间线按顺序显示：
      | 来源   | 事件                       | 通话 |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    并且 没有 releaseAudio 事件在 performEndCallAction 之前，通话 A
    并且 没有 unprepareSDK 事件在 performEndCallAction 之前，通话 A

  @R-END-2 @R-INC-6
  场景: 在锁屏的系统通话界面上挂断
    假如 手机已锁屏
    并且 通话 A（来自 "alice"）已接通
    当 用户在系统通话界面上结束通话 A
    那么 时间线按顺序显示：
      | 来源   | 事件                      | 通话 | 属性                |
      | user   | userTappedEndOnSystemUi   | A    |                     |
      | system | performEndCallAction      | A    | origin=systemCallUi |
      | app    | fulfill                   | A    | action=end          |
      | system | didDeactivateAudioSession | A    |                     |
    并且 时间线按顺序显示：
      | 来源   | 事件                       | 通话 |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    并且 没有 requestTransaction 事件在 userTappedEndOnSystemUi 之后

  @R-INC-6 @R-END-2
  场景: 侧边按钮结束当前通话
    假如 通话 A（来自 "alice"）已接通
    当 用户按下侧边按钮
    那么 时间线按顺序显示：
      | 来源   | 事件                      | 通话 | 属性              |
      | user   | userPressedSideButton     | A    |                   |
      | system | performEndCallAction      | A    | origin=sideButton |
      | app    | fulfill                   | A    | action=end        |
      | system | didDeactivateAudioSession | A    |                   |
    并且 时间线按顺序显示：
      | 来源   | 事件                       | 通话 |
      | system | performEndCallAction       | A    |
      | sdk    | releaseAudio\|unprepareSDK | A    |
    并且 没有 requestTransaction 事件在 userPressedSideButton 之后

# language: zh-CN
@flow-incoming @lang-zh-CN
功能: 来电
  信令服务器发来的来电立即上报给 CallKit；系统显示来电界面，在系统接受上报之前应用不为该通话做任何准备
  （R-INC-1）。媒体 SDK 在上报成功时还是在用户接听时准备，由应用决定。

  背景:
    假如 应用正在前台运行

  @R-INC-1
  场景: 应用在前台时服务器发来来电
    当 服务器发来通话 A（来自 "alice"）
    那么 时间线按顺序显示：
      | 顺序 | 来源       | 事件                            | 通话 | 属性                   |
      | 1    | signalling | serverEvent                     | A    | type=offer             |
      | 2    | app        | reportNewIncomingCall           | A    | handle=alice           |
      | 3    | system     | incomingCallUiShown             | A    | options=answer,decline |
      | 3    | system     | reportNewIncomingCallCompletion | A    |                        |
    并且 通话 A 正在系统来电界面上响铃
    并且 没有 prepareSDK 事件在 reportNewIncomingCallCompletion 之前，通话 A
    并且 没有 didActivateAudioSession 事件，通话 A

  @R-TX-6
  场景: 用户在系统来电界面上拒接
    当 服务器发来通话 A（来自 "alice"）
    并且 用户在系统来电界面上拒接通话 A
    那么 时间线按顺序显示：
      | 来源   | 事件                 | 通话 | 属性       |
      | user   | userTappedDecline    | A    |            |
      | system | performEndCallAction | A    |            |
      | app    | fulfill              | A    | action=end |
      | system | callEnded            | A    |            |
    并且 时间线按顺序显示：
      | 来源       | 事件                 | 通话 | 属性       |
      | system     | performEndCallAction | A    |            |
      | signalling | decline              | A    | status=200 |
    并且 没有 didActivateAudioSession 事件，通话 A
    并且 媒体 SDK 不再持有通话 A 的任何资源

  @R-END-1 @R-PUSH-5
  场景: 用户接听前主叫方取消
    当 服务器发来通话 A（来自 "alice"）
    并且 通话 A 正在系统来电界面上响铃
    并且 主叫方取消通话 A
    那么 时间线按顺序显示：
      | 来源       | 事件            | 通话 | 属性                           |
      | signalling | serverEvent     | A    | type=cancel                    |
      | system     | callEnded       | A    |                                |
    并且 媒体 SDK 不再持有通话 A 的任何资源

  @R-INC-2 @R-INC-3
  场景大纲: 系统过滤了来电（<filter>），应用不做任何准备
    假如 <filter>
    当 服务器发来通话 A（来自 "alice"）
    那么 时间线按顺序显示：
      | 来源   | 事件                            | 通话 | 属性          |
      | app    | reportNewIncomingCall           | A    |               |
      | system | reportNewIncomingCallCompletion | A    | error=<error> |
    并且 没有 prepareSDK 事件，通话 A
    并且 没有 incomingCallUiShown 事件，通话 A

    例子:
      | filter           | error                  |
      | 勿扰模式已开启   | filteredByDoNotDisturb |
      | 来电者在黑名单中 | filteredByBlockList    |

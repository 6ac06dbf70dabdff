# language: zh-CN
@flow-remote-hangup @lang-zh-CN
功能: 远端挂断
  对方结束通话时，应用用 reportCall(endedAt:reason:) 上报，从不使用本地结束事务，系统随即关闭界面，
  之后释放媒体（R-END-1）。媒体立即停止还是在 didDeactivateAudioSession 中停止由应用选择（R-AUD-3）。

  背景:
    假如 应用正在前台运行

  @R-END-1
  场景: 对方挂断已接通的来电
    假如 通话 A（来自 "alice"）已接通
    当 对方挂断通话A
    那么 时间线按顺序显示：
      | 来源       | 事件                      | 通话 | 属性               |
      | signalling | serverEvent               | A    | type=remoteHangup  |
      | app        | reportCallEnded           | A    | reason=remoteEnded |
      | system     | callEnded                 | A    |                    |
      | system     | didDeactivateAudioSession | A    |                    |
    并且 时间线按顺序显示：
      | 来源 | 事件                       | 通话 |
      | app  | reportCallEnded            | A    |
      | sdk  | releaseAudio\|unprepareSDK | A    |
    并且 没有 performEndCallAction 事件，通话 A
    并且 没有 requestTransaction 事件，通话 A

  @R-END-1 @R-OUT-1
  场景: 被叫方挂断已接通的去电
    当 用户从应用拨打 "bob" 作为通话 B
    并且 被叫方接听通话 B
    并且 通话 B 的音频开始运行
    并且 对方挂断通话 B
    那么 时间线按顺序显示：
      | 来源       | 事件                        | 通话 | 属性               |
      | app        | reportOutgoingCallConnected | B    |                    |
      | signalling | serverEvent                 | B    | type=remoteHangup  |
      | app        | reportCallEnded             | B    | reason=remoteEnded |
      | system     | didDeactivateAudioSession   | B    |                    |
    并且 时间线按顺序显示：
      | 来源 | 事件                       | 通话 |
      | app  | reportCallEnded            | B    |
      | sdk  | releaseAudio\|unprepareSDK | B    |
    并且 没有 performEndCallAction 事件，通话 B

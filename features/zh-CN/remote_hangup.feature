# language: zh-CN
@flow-remote-hangup @lang-zh-CN
功能: 远端挂断
  对方结束通话时，应用在 CallKit 中结束该通话，系统随即关闭界面，之后释放媒体。CALLKIT-RULES.md R-END-1：
  用 reportCall(endedAt:reason:) 和合适的原因上报；改用本地结束事务很常见，只会警告（系统记为本地结束），
  所以这些场景两种都接受，由规则判断。媒体立即停止还是在 didDeactivateAudioSession 中停止由应用选择（R-AUD-3）。

  背景:
    假如 应用正在前台运行

  @R-END-1
  场景: 对方挂断已接通的来电
    假如 通话 A（来自 "alice"）已接通
    当 对方挂断通话A
    那么 时间线按顺序显示：
      | 来源       | 事件                      | 通话 | 属性              |
      | signalling | serverEvent               | A    | type=remoteHangup |
      | system     | callEnded                 | A    |                   |
      | system     | didDeactivateAudioSession | A    |                   |
    并且 媒体 SDK 不再持有通话 A 的任何资源
    并且 系统中没有遗留的通话

  @R-END-1 @R-OUT-1
  场景: 被叫方挂断已接通的去电
    当 用户从应用拨打 "bob" 作为通话 B
    并且 被叫方接听通话 B
    并且 通话 B 的音频开始运行
    并且 对方挂断通话 B
    那么 时间线按顺序显示：
      | 来源       | 事件                        | 通话 | 属性              |
      | app        | reportOutgoingCallConnected | B    |                   |
      | signalling | serverEvent                 | B    | type=remoteHangup |
      | system     | callEnded                   | B    |                   |
      | system     | didDeactivateAudioSession   | B    |                   |
    并且 媒体 SDK 不再持有通话 B 的任何资源
    并且 系统中没有遗留的通话
